#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One open file, read in blocks with POSIX calls; closed in `deinit`.
final class ByteSource {
    let path: String
    private let fd: Int32
    let size: Int

    init(path: String) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            let err = errno
            if err == ENOENT {
                throw IngestError(code: .fileNotFound, path: path, message: "no such file; check the path")
            }
            throw IngestError(code: .unreadable, path: path, message: "cannot read: \(String(cString: strerror(err)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw IngestError(code: .unreadable, path: path, message: "is a folder, not a file; name the files in it (e.g. \(path)/*.csv)")
        }
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw IngestError(code: .unreadable, path: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        size = Int(info.st_size)
    }

    deinit { close(fd) }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) throws -> Int {
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset + done))
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw IngestError(code: .unreadable, path: path, message: "read failed at byte \(offset + done): \(String(cString: strerror(errno)))")
            }
            done += n
        }
        return done
    }

    /// The first `count` bytes (fewer if the file is shorter).
    func prefix(_ count: Int) throws -> [UInt8] {
        let wanted = min(count, size)
        var bytes = [UInt8](repeating: 0, count: wanted)
        let got = try bytes.withUnsafeMutableBytes { buf -> Int in
            try read(into: buf.baseAddress!, count: wanted, at: 0)
        }
        bytes.removeSubrange(got...)
        return bytes
    }
}
