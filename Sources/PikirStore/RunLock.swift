import Foundation
import PikirModel

/// One run at a time per warehouse: an exclusive `flock` on `<warehouse>.lock`,
/// released by the kernel when the process ends, however it ends.
final class RunLock {
    private let fd: Int32

    /// Takes the lock, or throws at once when another run holds it.
    init(warehouse: String) throws {
        let path = warehouse + ".lock"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(code: .unwritable, message: "\(path): cannot open the lock file (\(String(cString: strerror(errno))))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw LockedError(path: warehouse)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
