import ArgumentParser
import Foundation
import PikirReport

/// What to do when the command line does not parse because a file's name
/// starts with `-` (`-x.csv`): the parser takes it for an unknown option
/// and says "Missing expected argument", which does not tell the user that
/// the file is the trouble.
enum ArgumentHints {
    /// The one line to print instead of the parser's message, or nil to keep it.
    static func dashFile(_ arguments: [String], message: String) -> String? {
        let beforeSeparator = arguments.prefix { $0 != "--" }
        guard let file = beforeSeparator.first(where: looksLikeFile),
              message.contains(file) || message.hasPrefix("Missing") else { return nil }
        let fixed = arguments.map { $0 == file ? "./" + $0 : $0 }
        return "unknown option \(Shell.quote(file)); if it is a file, write it as \(Shell.quote("./" + file)) "
            + "(or put -- before the file names): \(Shell.command(["pikir"] + fixed))"
    }

    /// A name pikir's flags never have: a dash, then a `.` or `/` (and no `--flag=value`, no number).
    static func looksLikeFile(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument.count > 1, Double(argument) == nil else { return false }
        if argument.hasPrefix("--"), argument.contains("=") { return false }
        return argument.contains(".") || argument.contains("/")
    }
}
