import Foundation
import GRDBSQLite
import PikirModel
#if canImport(Glibc)
import Glibc
#endif

/// What the file system lets this user do with a warehouse file.
///
/// SQLite keeps a write-ahead log (`-wal`) and its index (`-shm`) beside a
/// warehouse and creates them even to read it, so a reader without write
/// access to the file or its folder (a read-only mount, another user's
/// warehouse) opens it as immutable: no lock and no file made. That is safe
/// only when no log holds changes, which only a writer can fold in.
enum WarehouseFiles {
    static func folder(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    static func size(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// This user may write the file and create files beside it.
    static func canWrite(_ path: String) -> Bool {
        access(path, W_OK) == 0 && access(folder(path), W_OK) == 0
    }

    /// A log with changes not yet folded into the file.
    static func hasLog(_ path: String) -> Bool {
        (size(path + "-wal") ?? 0) > 0
    }

    /// What to give SQLite to read the warehouse: the path itself when this
    /// user may write beside it (or a log must be read), else an immutable URI.
    static func readLocation(_ path: String) -> String {
        guard !canWrite(path), !hasLog(path), sqlite3_compileoption_used("USE_URI") != 0 else { return path }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file:" + uriEscaped(absolute) + "?immutable=1"
    }

    /// Throws a message saying what to fix when the warehouse cannot be
    /// created or written here (SQLite's own is "unable to open database file").
    static func checkWritable(_ path: String) throws {
        let folder = folder(path)
        func unwritable(_ problem: String, _ advice: String) -> StoreError {
            StoreError(code: .unwritable, problem: problem, advice: advice, path: path)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw unwritable("cannot create the warehouse: the folder \(folder) does not exist", "create it, or choose another --db")
            }
            guard access(folder, W_OK) == 0 else {
                throw unwritable("cannot create the warehouse: the folder \(folder) is not writable", "choose another --db or fix its permissions")
            }
            return
        }
        let advice = "fix its permissions, or copy the warehouse to a folder you can write and give that --db"
        guard access(path, W_OK) == 0 else {
            throw unwritable("cannot write to the warehouse: the file is read-only", advice)
        }
        // The log and its index may already be there, writable; else SQLite makes them.
        let companions = [path + "-wal", path + "-shm"].allSatisfy { (name: String) in access(name, W_OK) == 0 }
        guard access(folder, W_OK) == 0 || companions else {
            throw unwritable("cannot write to the warehouse: its folder \(folder) is not writable (SQLite keeps its log beside the file)", advice)
        }
    }

    /// A path as the path of a `file:` URI: bytes other than unreserved
    /// characters and `/` are percent-encoded (`?`, `#` and `%` would end or change it).
    private static func uriEscaped(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
