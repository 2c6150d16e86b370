#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One file per process that each input is written to: the reader reads
/// files, and a file in memory (`/dev/shm`) costs a few microseconds.
enum ScratchFile {
    static let folder: String = {
        if access("/dev/shm", W_OK) == 0 { return "/dev/shm" }
        return "/tmp"
    }()

    static let path = "\(folder)/pikir-fuzz-\(getpid()).csv"

    /// Replaces the scratch file's content with `bytes`; returns its path.
    static func write(_ bytes: UnsafeRawBufferPointer, suffix: String = "") throws -> String {
        let target = path + suffix
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw ExportCheck.Violation(description: "cannot write the scratch file \(target)") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw ExportCheck.Violation(description: "cannot write the scratch file \(target)")
            }
            done += n
        }
        return target
    }

    /// Removes the scratch files (at exit of a replay).
    static func remove(suffix: String = "") {
        unlink(path + suffix)
    }
}
