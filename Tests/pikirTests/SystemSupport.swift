import Foundation

#if canImport(Glibc)
import Glibc
#endif

// What the end-to-end tests of a full disk and of read-only warehouses need
// from the system: a small disk of their own, another user.

/// A small tmpfs, mounted for one test: a real full disk. Mounting needs
/// root; elsewhere these tests are skipped, and `WarehouseWriteFailureTests`
/// (PikirStoreTests) fails the writer the same way without root.
enum SmallDisk {
    static func mount(_ folder: URL, megabytes: Int) -> Bool {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder.path]) == 0
    }

    static func unmount(_ folder: URL) {
        _ = command("/bin/umount", [folder.path])
    }

    /// Whether this process may mount one (tried once, on a folder of its own).
    static let available: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-tmpfs-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: probe) }
        guard mount(probe, megabytes: 1) else { return false }
        unmount(probe)
        return true
    }()

    /// Runs a system command quietly; its exit status, or -1 when it cannot run.
    static func command(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Runs pikir as a user who may only read what the tests write: `nobody`
/// (through `setpriv`) when the tests run as root, who could write anything;
/// else the user running the tests, whom file permissions already restrict.
enum ReadOnlyUser {
    static let launcher: [String] = getuid() == 0
        ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : []
    static let available = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    static func run(_ arguments: [String]) throws -> PikirRun {
        try PikirBinary.run(arguments, launcher: launcher)
    }
}
