import Foundation

/// One output of pikir (a `-o` file, a pipeline's table, report, export or
/// manifest), written so that nothing is lost and nothing special is replaced.
///
/// Where the bytes go is decided when it is opened:
/// - `-` is standard output; `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and
///   `/proc/self/fd/N`, or a link to one, are that open descriptor, so
///   `-o /dev/stdout >>log` appends to the log like any other output.
/// - An existing path that is neither a regular file nor a folder (a FIFO,
///   `/dev/null`, a terminal, or a link to one) is opened and written in
///   place: no temporary file, no rename.
/// - A regular file, or a new path, is written to a temporary file beside
///   it (see ``StaleTemporaries``) and renamed into place by ``commit()``:
///   a reader sees the old file or the whole new one, and a failure leaves
///   the old one. A symbolic link to a regular file stays a link: its
///   target is replaced, keeping the target's permission bits.
/// - A link that points nowhere is followed and its target created in place.
///
/// Anything not committed (an error, a thrown stage) is discarded when the
/// object goes away. Every failure is an ``OutputError`` naming the path
/// and the reason.
public final class OutputFile {
    /// The output as the caller named it.
    public let path: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The temporary file renamed onto `destination` by ``commit()``; nil when written in place.
    private let temporary: String?
    private let destination: String
    private var buffer: [UInt8] = []
    private var finished = false

    private static let bufferSize = 1 << 16

    /// Opens the output; `createFolders` makes its missing folders (the
    /// pipeline's output tree), else a missing folder is an error.
    public init(_ path: String, createFolders: Bool = false) throws(OutputError) {
        self.path = path
        switch Self.target(of: path) {
        case .descriptor(let number):
            (descriptor, ownsDescriptor, temporary, destination) = (number, false, nil, path)
        case .inPlace(let create):
            let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (create ? O_CREAT : 0), 0o666)
            guard fd >= 0 else { throw OutputError.system(errno, path: path) }
            (descriptor, ownsDescriptor, temporary, destination) = (fd, true, nil, path)
        case .replace(let target, let mode):
            let folder = Self.folder(of: target)
            if createFolders, let failure = Self.makeFolders(folder) {
                throw OutputError.folder(Self.shown(failure.parent), path: path, errno: failure.code)
            }
            StaleTemporaries.clean(output: target)
            let temporary = folder + "/" + StaleTemporaries.temporaryName(for: Self.fileName(of: target), pid: getpid())
            var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd < 0, errno == EEXIST {
                // Left by an earlier process that had this process's id.
                unlink(temporary)
                fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            }
            guard fd >= 0 else { throw OutputError.folder(Self.shown(folder), path: path, errno: errno) }
            if let mode { fchmod(fd, mode) }
            (descriptor, ownsDescriptor, self.temporary, destination) = (fd, true, temporary, target)
        }
    }

    deinit { discard() }

    /// Writes `data` whole to `path`.
    public static func write(_ data: Data, to path: String, createFolders: Bool = false) throws(OutputError) {
        let file = try OutputFile(path, createFolders: createFolders)
        try file.write(data)
        try file.commit()
    }

    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    public func write(_ data: Data) throws(OutputError) {
        try flush()
        let code = data.withUnsafeBytes { Self.writeAll(descriptor, $0) }
        if code != 0 { throw failure(code) }
    }

    /// Writes what is buffered, closes the file and renames it into place.
    public func commit() throws(OutputError) {
        try flush()
        finished = true
        if ownsDescriptor, close(descriptor) != 0 {
            let code = errno
            if let temporary { unlink(temporary) }
            throw failure(code)
        }
        if let temporary, rename(temporary, destination) != 0 {
            let code = errno
            unlink(temporary)
            throw OutputError.system(code, path: path)
        }
    }

    /// Drops what was written so far: the temporary file goes, the old output stays.
    public func discard() {
        guard !finished else { return }
        finished = true
        if ownsDescriptor { close(descriptor) }
        if let temporary { unlink(temporary) }
    }

    private func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        let code = buffer.withUnsafeBytes { Self.writeAll(descriptor, $0) }
        buffer.removeAll(keepingCapacity: true)
        if code != 0 { throw failure(code) }
    }

    /// A failed write: the temporary file goes at once, so a full disk gets its space back.
    private func failure(_ code: Int32) -> OutputError {
        discard()
        return OutputError.system(code, path: path)
    }

    /// Writes all of `bytes`; 0, or the `errno` of the write that failed.
    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            // Safe: 0 ≤ offset < bytes.count, so base + offset and the
            // bytes.count - offset bytes after it lie inside `bytes`.
            let n = Glibc.write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    // MARK: - Where the bytes go

    enum Target: Equatable {
        /// An open descriptor of this process.
        case descriptor(Int32)
        /// Opened and written directly; `create` for the target of a dangling link.
        case inPlace(create: Bool)
        /// A temporary file renamed onto this path, with the permission bits of the file it replaces.
        case replace(String, mode: mode_t?)
    }

    static func target(of path: String) -> Target {
        if path == "-" { return .descriptor(STDOUT_FILENO) }
        if let number = descriptorAlias(path) { return .descriptor(number) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            var link = stat()
            if lstat(path, &link) == 0 { return .inPlace(create: true) }
            // Missing (or unreachable): the temporary file's creation says why.
            return .replace(path, mode: nil)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return .replace(realPath(path) ?? path, mode: info.st_mode & 0o777)
        default:
            // A folder fails to open for writing with "is a directory"; anything else is written in place.
            return .inPlace(create: false)
        }
    }

    /// The descriptor a path names (`/dev/stdout` is 1), following links.
    static func descriptorAlias(_ path: String) -> Int32? {
        var current = path
        for _ in 0..<16 {
            if let number = descriptorNumber(current) { return number }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return nil }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
        }
        return nil
    }

    private static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    // MARK: - Paths

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// A folder as messages show it: `.` is the current folder's path.
    static func shown(_ folder: String) -> String {
        folder == "." ? FileManager.default.currentDirectoryPath : folder
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Makes `folder` and its missing parents; on failure, the folder it could not write in and why.
    static func makeFolders(_ folder: String) -> (parent: String, code: Int32)? {
        var info = stat()
        if stat(folder, &info) == 0 { return nil }
        let parent = Self.folder(of: folder)
        if parent != folder, let failure = makeFolders(parent) { return failure }
        if mkdir(folder, 0o777) != 0, errno != EEXIST { return (parent, errno) }
        return nil
    }
}
