import Foundation
import GRDB

/// The embedded SQLite warehouse: the file ledger, normalised responses and
/// every reject, ignored line and duplicate, each tied to its file and line.
///
/// Every file is written in one transaction, so a killed run leaves the
/// warehouse as it was before that file. Two processes may open the same
/// warehouse: writers wait for each other (up to `busyTimeout`), then fail
/// with a message saying another pikir is writing.
public final class Warehouse {
    public let path: String
    let queue: DatabaseQueue
    /// Personal-data items that opening this warehouse redacted in rows an
    /// earlier version stored (migration v3); nil when it was not migrated now.
    public private(set) var migratedRedactions: Int?

    /// The default location: `PIKIR_DB`, else `./pikir.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["PIKIR_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "pikir.sqlite"
    }

    /// Opens (creating if needed) and migrates the warehouse at `path`.
    /// - Parameter readOnly: For commands that only read (agg, report, the
    ///   pipeline's output stages): the file is opened read-only and never
    ///   migrated, so reading leaves it byte for byte as it was.
    public init(path: String, busyTimeout: TimeInterval = 60, create: Bool = true, readOnly: Bool = false) throws {
        self.path = path
        if (!create || readOnly) && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(code: .missingWarehouse, message: "\(path): no warehouse here; run `pikir ingest FILE…` first, or give --db PATH")
        }
        if readOnly {
            var config = Configuration()
            config.readonly = true
            config.busyMode = .timeout(busyTimeout)
            config.label = "pikir"
            do {
                let opened = try DatabaseQueue(path: path, configuration: config)
                let migrated = try opened.read { db in try Schema.migrator.hasCompletedMigrations(db) }
                guard migrated else {
                    throw StoreError(code: .database, message: "\(path): this warehouse was made by another version of pikir; open it once with `pikir ingest` to bring it up to date")
                }
                queue = opened
            } catch let error as DatabaseError {
                throw StoreError(database: error, path: path)
            }
            return
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.journalMode = .wal
        config.label = "pikir"
        config.prepareDatabase { db in
            // 64 KiB pages for a new warehouse (an existing one keeps its
            // own): SQLite writes a page per system call, and with 4 KiB pages
            // a million-row ingest spent 1.2 s of CPU in the kernel's writes
            // to the log and the file; with 64 KiB, about a third less.
            // Set before the cache size, which SQLite otherwise stopped
            // honouring: the cache grew to the whole warehouse (262 MB).
            try db.execute(sql: "PRAGMA page_size = 65536")
            // WAL makes every commit atomic without a sync per page; NORMAL keeps
            // it safe against a killed process (only a power cut can lose the
            // last commit). Rows are appended (no unique index to keep hot), so a
            // 16 MiB cache is enough and keeps a million-row ingest under 200 MB.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384")
        }
        // Two processes creating one warehouse at once race to switch it to WAL
        // and to create the tables: the loser retries and finds them made.
        var attempt = 0
        while true {
            do {
                let opened = try DatabaseQueue(path: path, configuration: config)
                let tally = MigrationTally()
                try Schema.migrator(tally: tally).migrate(opened)
                migratedRedactions = tally.redactions
                queue = opened
                break
            } catch let error as DatabaseError where attempt < 100 && (error.resultCode == .SQLITE_BUSY
                || error.resultCode == .SQLITE_LOCKED || (error.message ?? "").contains("already exists")) {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            } catch let error as DatabaseError {
                throw StoreError(database: error, path: path)
            }
        }
    }

    /// The ledger entry of the file with this content, if it was ingested.
    public func ledgerEntry(sha256: String) throws -> LedgerEntry? {
        try queue.read { db in
            try LedgerEntry.fetch(db, sha256: sha256)
        }
    }

    /// Every file in the ledger, oldest first.
    public func ledger() throws -> [LedgerEntry] {
        try queue.read { db in try LedgerEntry.fetchAll(db) }
    }
}

/// A warehouse problem, written for the user.
public struct StoreError: Error, CustomStringConvertible {
    public enum Code: String { case missingWarehouse = "missing_warehouse", busy, database }
    public var code: Code
    public var message: String
    public var description: String { message }

    init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    init(database error: DatabaseError, path: String) {
        if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            self.init(code: .busy, message: "\(path): another pikir is writing to this warehouse; wait for it to finish and run again")
        } else {
            self.init(code: .database, message: "\(path): \(error.message ?? "\(error)")")
        }
    }
}

extension Warehouse {
    /// Writes the WAL back into the database file, so the file alone is the whole warehouse.
    public func checkpoint() throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}
