import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// An export to read: where its bytes are, and the name messages, reports
/// and the ledger give it (the path itself, or `stdin`).
public struct ExportInput: Sendable, Hashable {
    public var path: String
    public var name: String

    public init(path: String, name: String? = nil) {
        self.path = path
        self.name = name ?? path
    }
}

/// An export that cannot be read at offsets (standard input, a pipe, a
/// process substitution such as `<(unzip -p x.zip)`), copied to a
/// temporary file first: the reader finds the format from the start of a
/// file and then reads it in blocks at offsets, and the ledger needs its
/// SHA-256 before anything is stored.
///
/// The copy is streamed in 1 MiB blocks (memory stays flat whatever the
/// size) into `$TMPDIR` (else `/tmp`). On Linux the file is unlinked as soon
/// as it is opened and read through `/proc/self/fd`: nothing is left behind,
/// even when the process is killed. Elsewhere it is removed when the spool
/// is released.
public final class SpooledInput {
    /// Where the copy is read from.
    public let path: String
    private let fd: Int32
    private let namedFile: String?

    /// Whether `path` must be copied before it is read: `-`, or anything
    /// that is neither a regular file nor a folder (a pipe, a terminal, a socket).
    public static func isStream(_ path: String) -> Bool {
        if path == "-" { return true }
        var info = stat()
        guard stat(path, &info) == 0 else { return false }  // a missing file: the reader says so
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// Copies everything readable from `source` (standard input: 0) until its end.
    /// - Parameter name: Named in messages (`stdin`).
    public init(copying source: Int32, name: String) throws {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/pikir-stdin-XXXXXX").utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw IngestError(code: .unreadable, path: name,
                              message: "cannot make a temporary copy in \(folder): \(String(cString: strerror(errno))); set TMPDIR to a writable folder")
        }
        let file = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        #if os(Linux)
        unlink(file)
        path = "/proc/self/fd/\(fd)"
        namedFile = nil
        #else
        path = file
        namedFile = file
        #endif
        do {
            try Self.copy(from: source, to: fd, name: name, folder: folder)
        } catch {
            close(fd)
            if let namedFile { unlink(namedFile) }
            throw error
        }
    }

    /// Copies the pipe or device at `path` (named by its path in messages).
    public convenience init(copyingFrom path: String) throws {
        let source = open(path, O_RDONLY)
        guard source >= 0 else {
            throw IngestError(code: .unreadable, path: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(source) }
        try self.init(copying: source, name: path)
    }

    deinit {
        close(fd)
        if let namedFile { unlink(namedFile) }
    }

    private static func copy(from source: Int32, to target: Int32, name: String, folder: String) throws {
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(source, buffer, size)
            if n == 0 { return }
            if n < 0 {
                if errno == EINTR { continue }
                throw IngestError(code: .unreadable, path: name, message: "cannot read: \(String(cString: strerror(errno)))")
            }
            var done = 0
            while done < n {
                // Within `buffer`: `done < n ≤ size`.
                let w = write(target, buffer + done, n - done)
                if w < 0 {
                    if errno == EINTR { continue }
                    throw IngestError(code: .unreadable, path: name,
                                      message: "cannot copy to a temporary file in \(folder): \(String(cString: strerror(errno))); set TMPDIR to a folder with room")
                }
                done += w
            }
        }
    }
}
