import Foundation

/// Where a workbook's bytes go: libxlsxwriter writes a file by name, so the
/// workbook is written to a temporary file beside the target and renamed
/// into place on success, as every other output (``OutputFile``): a reader
/// sees the old file or the whole new one.
///
/// Only a regular file, or a new path, can take a workbook: a zip file is
/// assembled with seeks, and a binary file on a terminal helps nobody.
struct WorkbookTarget {
    let path: String
    /// The file libxlsxwriter writes; renamed onto `destination`.
    let temporary: String
    let destination: String
    let mode: mode_t?

    init(_ path: String, createFolders: Bool) throws(WorkbookError) {
        self.path = path
        guard case .replace(let target, let mode) = OutputFile.target(of: path) else { throw WorkbookError.notAFile(path) }
        let folder = OutputFile.folder(of: target)
        if createFolders, let failure = OutputFile.makeFolders(folder) {
            throw Self.failure(OutputError.folder(OutputFile.shown(failure.parent), path: path, errno: failure.code))
        }
        StaleTemporaries.clean(output: target)
        temporary = folder + "/" + StaleTemporaries.temporaryName(for: OutputFile.fileName(of: target), pid: getpid())
        destination = target
        self.mode = mode
        // Made now, so an unwritable folder fails before any row is read.
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw Self.failure(OutputError.folder(OutputFile.shown(folder), path: path, errno: errno)) }
        if let mode { fchmod(fd, mode) }
        close(fd)
    }

    /// Moves the finished temporary file into place.
    func commit() throws(WorkbookError) {
        if let mode { chmod(temporary, mode) }
        if rename(temporary, destination) != 0 {
            let code = errno
            discard()
            throw Self.failure(OutputError.system(code, path: path))
        }
    }

    func discard() { unlink(temporary) }

    private static func failure(_ error: OutputError) -> WorkbookError {
        WorkbookError(path: error.path, reason: error.reason,
                      advice: error.isFull ? "free some space or choose another -o" : "choose another -o")
    }
}
