/// A problem that stops a whole file from being read, written for the person
/// who has to fix it: what is wrong, where, and what to do.
public struct IngestError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable {
        case fileNotFound = "file_not_found"
        case unreadable = "unreadable"
        case emptyFile = "empty_file"
        case binaryFile = "binary_file"
        case badOption = "bad_option"
        case outOfMemory = "out_of_memory"
    }

    public var code: Code
    public var path: String?
    public var message: String

    public init(code: Code, path: String?, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String {
        if let path { return "\(path): \(message)" }
        return message
    }
}
