import Crypto
import Foundation
import PikirReport
import PikirEngine

/// SHA-256 of files and of keys made of several parts.
enum Hashing {
    static func file(_ path: String) throws -> String {
        do {
            return try FileHash.sha256(path: path).hex
        } catch {
            throw RunError("\(path): cannot be read")
        }
    }

    static func data(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// A key from parts, each on its own line.
    static func key(_ parts: [String]) -> String {
        data(Data(parts.joined(separator: "\n").utf8))
    }

    /// Size and modification time (ns) of a file, nil when it is missing.
    static func stat(_ path: String) -> (size: Int, mtime: Int64)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, let date = attributes[.modificationDate] as? Date else { return nil }
        return (size, Int64((date.timeIntervalSince1970 * 1e9).rounded()))
    }
}

/// A run that cannot go on, with what to do.
public struct RunError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// An output the run could not write, and what to do about it.
    init(_ error: OutputError) {
        let remedy = error.isFull ? "; free some space and run again"
            : error.isNotWritable ? "; make the folder writable, or change output in the pipeline file" : ""
        self.init(error.description + remedy)
    }
}
