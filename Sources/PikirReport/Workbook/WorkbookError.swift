import CLibXlsxWriter
import Foundation

/// Why a workbook could not be written, in words a user can act on.
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    /// The workbook as the caller named it (`-o`).
    public let path: String
    /// What went wrong.
    public let reason: String
    /// libxlsxwriter's `lxw_error` (0 when the failure is not the library's).
    public let code: Int32
    /// What to do about it.
    public let advice: String
    /// The command was asked for something impossible (a workbook on standard output): exit 64, not 73.
    public let isUsage: Bool

    init(path: String, reason: String, code: Int32 = 0, advice: String = "choose another -o", isUsage: Bool = false) {
        self.path = path
        self.reason = reason
        self.code = code
        self.advice = advice
        self.isUsage = isUsage
    }

    /// `cannot write out/a.xlsx: … (libxlsxwriter error 2); choose another -o`
    public var description: String {
        "cannot write \(path): \(reason)" + (code != 0 ? " (libxlsxwriter error \(code))" : "") + "; " + advice
    }

    /// A workbook is a zip file: it cannot be streamed to standard output or a terminal.
    static func notAFile(_ path: String) -> WorkbookError {
        WorkbookError(path: path == "-" ? "standard output" : path,
                      reason: "an .xlsx workbook must be written to a file, not to standard output, a terminal or a device",
                      advice: "give -o FILE.xlsx", isUsage: true)
    }

    /// A libxlsxwriter call that failed, with the library's own words.
    static func library(_ error: lxw_error, path: String, doing what: String) -> WorkbookError {
        let text = lxw_strerror(error).map { String(cString: $0) } ?? "unknown error"
        let advice = error == LXW_ERROR_CREATING_XLSX_FILE || error == LXW_ERROR_CREATING_TMPFILE
            ? "check that the folder is writable and the disk has space, or choose another -o"
            : "choose another -o, or report this with the command that gave it"
        return WorkbookError(path: path, reason: "\(what): \(text.prefix(1).lowercased() + text.dropFirst())",
                             code: Int32(error.rawValue), advice: advice)
    }
}
