import Foundation

/// pikir's temporary files, and removing those a stopped process left behind.
///
/// An output is written to `.NAME.pikir-PID.tmp` beside it, then renamed
/// into place; a process killed (or stopped by a full disk) in between
/// leaves that file, which can be as big as the output. A temporary is
/// stale when no process with its PID is running on this machine. The
/// check is per machine: a folder shared over the network with a pikir
/// running elsewhere must not be cleaned from here.
///
/// pikir before 0.2 named them `.NAME.PID.tmp`, a form other programs use
/// too; those are recognised only for a named output (``clean(folder:name:)``),
/// never in a walk of a whole folder.
public enum StaleTemporaries {
    /// Longest part of the output's name kept in a temporary's name, in
    /// UTF-8 bytes, so the whole name stays under the 255-byte limit.
    static let maxNameBytes = 200

    /// The temporary file name for an output called `name`, written by process `pid`.
    static func temporaryName(for name: String, pid: Int32) -> String {
        var kept = ""
        var bytes = 0
        for character in name {
            bytes += character.utf8.count
            if bytes > maxNameBytes { break }
            kept.append(character)
        }
        return ".\(kept).pikir-\(pid).tmp"
    }

    /// The output name and process of a temporary's file name; nil for any
    /// other name (and for the form before 0.2 unless `legacy`).
    static func owner(of fileName: String, legacy: Bool = false) -> (name: Substring, pid: Int32)? {
        guard fileName.hasPrefix("."), fileName.hasSuffix(".tmp") else { return nil }
        let middle = fileName.dropFirst().dropLast(4)
        guard let dot = middle.lastIndex(of: ".") else { return nil }
        var number = middle[middle.index(after: dot)...]
        if number.hasPrefix("pikir-") {
            number = number.dropFirst(6)
        } else if !legacy {
            return nil
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }),
              let pid = Int32(number), pid > 0, dot > middle.startIndex else { return nil }
        return (middle[..<dot], pid)
    }

    /// Whether a process with this id runs (one of another user counts).
    static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Removes every stale temporary in `folder` and its subfolders (links
    /// are not followed), and nothing else.
    /// - Returns: How many files were removed, and their bytes.
    @discardableResult
    public static func clean(folder: String) -> (files: Int, bytes: Int64) {
        var removed = (files: 0, bytes: Int64(0))
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let inner = clean(folder: path)
                removed.files += inner.files
                removed.bytes += inner.bytes
            case S_IFREG:
                if let owner = owner(of: entry), !isRunning(owner.pid), unlink(path) == 0 {
                    removed.files += 1
                    removed.bytes += Int64(info.st_size)
                }
            default:
                break
            }
        }
        return removed
    }

    /// Removes the stale temporaries of the output `path`, in both forms.
    @discardableResult
    public static func clean(output path: String) -> (files: Int, bytes: Int64) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let kept = temporaryName(for: name, pid: 1).dropFirst().dropLast(".pikir-1.tmp".count)
        var removed = (files: 0, bytes: Int64(0))
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard let owner = owner(of: entry, legacy: true), owner.name == kept || owner.name == name, !isRunning(owner.pid) else { continue }
            let temporary = folder + "/" + entry
            var info = stat()
            if lstat(temporary, &info) == 0, info.st_mode & S_IFMT == S_IFREG, unlink(temporary) == 0 {
                removed.files += 1
                removed.bytes += Int64(info.st_size)
            }
        }
        return removed
    }
}
