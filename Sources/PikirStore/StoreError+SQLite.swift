import GRDB
import PikirModel

extension StoreError {
    /// An SQLite error met while opening or reading the warehouse at `path`.
    init(database error: DatabaseError, path: String) {
        let sqlite = "SQLite: \(error.message ?? "error \(error.resultCode.rawValue)")"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(code: .busy, problem: "another pikir is writing to this warehouse",
                      advice: "wait for it to finish and run again", path: path)
        case .SQLITE_FULL:
            self.init(code: .full, problem: "no space left on device (\(sqlite))",
                      advice: "free some space, or choose another --db, and run again", path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            self.init(code: .damaged, problem: "not a pikir warehouse, or it is damaged (\(sqlite))",
                      advice: "restore it from a backup, or ingest the exports into a new --db", path: path)
        case .SQLITE_IOERR:
            self.init(code: .database, problem: "the disk could not be read or written (\(sqlite))",
                      advice: "check the disk and its free space, and run again", path: path)
        case .SQLITE_READONLY, .SQLITE_PERM:
            self.init(code: .unwritable, problem: "the warehouse cannot be written (\(sqlite))",
                      advice: "fix the permissions of the file and its folder, or choose another --db", path: path)
        case .SQLITE_CANTOPEN:
            self.init(code: .database, problem: "the warehouse cannot be opened (\(sqlite))",
                      advice: "check that the file and its folder exist and can be read, or give another --db", path: path)
        default:
            self.init(code: .database, problem: "the warehouse could not be used (\(sqlite), code \(error.extendedResultCode.rawValue))",
                      advice: "run again; if it happens again, restore the warehouse from a backup", path: path)
        }
    }
}

extension SQLiteWarehouse {
    /// Reads in one transaction; an SQLite error becomes a `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw StoreError(database: error, path: path)
        }
    }

    /// Writes in one transaction; any error of the warehouse becomes a `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch let error as DatabaseError {
            throw StoreError(database: error, path: path)
        }
    }
}
