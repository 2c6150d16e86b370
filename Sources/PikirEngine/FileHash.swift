import Crypto
import Foundation
import PikirModel

/// SHA-256 of a file's bytes, read in 1 MiB blocks (memory stays flat).
public enum FileHash {
    public static func sha256(path: String) throws -> (hex: String, size: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(code: .database, message: "\(path): cannot open")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += chunk.count
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return (hex, size)
    }

    /// The file's size in bytes, as `sha256` would count it, without reading it.
    public static func size(path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw StoreError(code: .database, message: "\(path): cannot open")
        }
        return Int(info.st_size)
    }
}
