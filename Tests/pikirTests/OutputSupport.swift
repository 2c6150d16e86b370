import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

// Helpers for the `-o` tests: file types, small file systems, readers of FIFOs.

enum FileType: Equatable, CustomStringConvertible {
    case regular, folder, fifo, characterDevice, symbolicLink, missing, other

    /// What is at `path` itself (a link is a link).
    init(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { self = .missing; return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFLNK: self = .symbolicLink
        default: self = .other
        }
    }

    var description: String {
        switch self {
        case .regular: "a regular file"
        case .folder: "a folder"
        case .fifo: "a FIFO"
        case .characterDevice: "a character device"
        case .symbolicLink: "a symbolic link"
        case .missing: "missing"
        case .other: "something else"
        }
    }
}

/// Small tmpfs mounts, for a full disk and a read-only folder (root only).
enum Tmpfs {
    /// Whether this process may mount a tmpfs (tried once).
    static let available: Bool = {
        guard getuid() == 0 else { return false }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-mount-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        guard command("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", dir.path]) else { return false }
        return command("/bin/umount", [dir.path])
    }()

    /// Mounts a tmpfs with `options` on the folder `dir` (made if missing), runs `body`, unmounts.
    static func with<T>(options: String, at dir: URL, _ body: (URL) throws -> T) throws -> T {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try #require(command("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir.path]), "mount -o \(options) failed")
        defer { _ = command("/bin/umount", [dir.path]) }
        return try body(dir)
    }

    @discardableResult
    static func command(_ path: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// `cat FIFO > file` in a child process, so a FIFO that is never opened
/// for writing cannot hang the test: ``finish()`` stops the reader.
final class FIFOReader {
    private let process = Process()
    private let received: URL

    init(_ fifo: String, into received: URL) throws {
        self.received = received
        FileManager.default.createFile(atPath: received.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/bin/cat")
        process.arguments = [fifo]
        process.standardOutput = try FileHandle(forWritingTo: received)
        try process.run()
    }

    /// What the reader got; nil if nothing ever opened the FIFO for writing within `seconds`.
    func finish(seconds: Double = 10) -> Data? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            // SIGKILL: the test runner's children inherit a mask that blocks SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return FileManager.default.contents(atPath: received.path)
    }
}

/// A character device nobody else uses: `/dev/null` for a user (who cannot
/// replace it), and for root a private node with the same numbers, so a
/// pikir that replaced it would not break the machine's `/dev/null`.
func privateNullDevice(in dir: URL) throws -> String {
    guard getuid() == 0 else { return "/dev/null" }
    let path = dir.appendingPathComponent("null").path
    var null = stat()
    try #require(stat("/dev/null", &null) == 0 && null.st_mode & S_IFMT == S_IFCHR, "/dev/null is not a character device")
    try #require(mknod(path, S_IFCHR | 0o666, null.st_rdev) == 0, "mknod \(path): \(String(cString: strerror(errno)))")
    return path
}
