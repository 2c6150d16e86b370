import Foundation

/// Why an output could not be written, in words a user can act on.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The output as the caller named it.
    public let path: String
    /// What went wrong: "the folder /srv/out is not writable (permission denied)".
    public let reason: String
    /// The `errno` behind it (0 when there is none).
    public let code: Int32

    init(path: String, reason: String, code: Int32) {
        self.path = path
        self.reason = reason
        self.code = code
    }

    /// `cannot write out/a.csv: no space left on device`
    public var description: String { "cannot write \(path == "-" ? "standard output" : path): \(reason)" }

    /// Whether the disk (or the user's quota) is full: freeing space helps, another name does not.
    public var isFull: Bool { code == ENOSPC || code == EDQUOT }

    /// Whether the folder or file may not be written (permissions, a read-only mount).
    public var isNotWritable: Bool { code == EACCES || code == EPERM || code == EROFS }

    /// The one line a command prints when its `-o` file cannot be written.
    public var commandMessage: String {
        description + (isFull ? "; free some space or choose another -o" : "; choose another -o")
    }

    /// A failure to make a file in `folder` (the temporary file, or a new file).
    static func folder(_ folder: String, path: String, errno code: Int32) -> OutputError {
        let reason: String = switch code {
        case EACCES, EPERM: "the folder \(folder) is not writable (permission denied)"
        case EROFS: "the folder \(folder) is on a read-only file system"
        case ENOENT: "the folder \(folder) does not exist"
        case ENOTDIR: "\(folder) is not a folder"
        default: Self.text(code)
        }
        return OutputError(path: path, reason: reason, code: code)
    }

    /// Any other failure: the system's words, lower-cased as in a sentence.
    static func system(_ code: Int32, path: String) -> OutputError {
        OutputError(path: path, reason: text(code), code: code)
    }

    static func text(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "no space left on device"
        case EDQUOT: return "disk quota exceeded"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a folder"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}
