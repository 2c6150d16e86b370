import Foundation

/// Lexical path arithmetic: pipelines resolve their paths against their own
/// folder, never against the current directory.
enum Paths {
    static var currentDirectory: String { FileManager.default.currentDirectoryPath }

    /// `path` made absolute against `base` (itself absolute) and normalised;
    /// a leading `~` is the home folder. Symbolic links are not followed.
    static func resolve(_ path: String, against base: String) -> String {
        var text = path
        if text == "~" || text.hasPrefix("~/"), let home = homeDirectory {
            text = home + text.dropFirst()
        }
        if !text.hasPrefix("/") { text = base + "/" + text }
        return normalise(text)
    }

    /// `tail` under `head`, normalised (an absolute `tail` stands alone).
    static func join(_ head: String, _ tail: String) -> String { resolve(tail, against: head) }

    /// An absolute path without empty, `.` and `..` components (`..` at the root stays at the root).
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder of an absolute path (`/` for `/x`).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of a path.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static var homeDirectory: String? {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
        return nil
    }

    // MARK: - Outputs

    /// Why an output path as written would leave the output folder (nil: it stays inside):
    /// it is absolute, starts with `~`, or has a `..` component.
    static func leavesOutputFolder(_ written: String) -> String? {
        if written.hasPrefix("/") { return "is an absolute path" }
        if written == "~" || written.hasPrefix("~/") { return "starts with ~" }
        if written.split(separator: "/").contains("..") { return "uses .." }
        return nil
    }

    /// A placeholder's value made safe as part of one path component:
    /// `%`, `/`, control characters and a whole `.` or `..` are written as
    /// `%XX` (the UTF-8 bytes in hex), so a registry's session id such as
    /// `ALM/2024/A` names one file and never a folder (derived ids are
    /// slugs, `almaty-2024-03-01-aigerim`, which pass unchanged).
    static func component(_ value: String) -> String {
        if value == "." || value == ".." { return String(repeating: "%2E", count: value.count) }
        var result = ""
        for scalar in value.unicodeScalars {
            if scalar == "%" || scalar == "/" || scalar.value < 0x20 || scalar.value == 0x7F {
                for byte in String(scalar).utf8 { result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: - The file system

    enum Kind { case file, directory, missing }

    /// What is at `path`, following symbolic links.
    static func kind(_ path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .directory : .file
    }

    /// Whether `path` is itself a symbolic link.
    static func isSymbolicLink(_ path: String) -> Bool {
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        return type == .typeSymbolicLink
    }

    /// The names in a folder, or none when it cannot be read.
    static func entries(of directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    }

}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
