import Foundation
import GRDB
import PikirModel

/// The embedded SQLite warehouse, pikir's first `Warehouse`: one file (with
/// SQLite's log beside it while it is written) holding the ledger, the
/// normalised responses and every reject, ignored line and duplicate, each
/// tied to its file and line.
///
/// Every file is written in one transaction, so a killed run leaves the
/// warehouse as it was before that file. Two processes may open the same
/// warehouse: writers wait for each other (up to `busyTimeout`), then fail
/// with a message saying another pikir is writing.
public final class SQLiteWarehouse: Warehouse {
    public let path: String
    public var name: String { path }
    let queue: DatabaseQueue
    /// Personal-data items that opening this warehouse redacted in rows an
    /// earlier version stored (migration v3); nil when it was not migrated now.
    public let migratedRedactions: Int?
    /// The responses' ids and fingerprints, for finding duplicates as files are stored.
    let duplicates = DuplicateIndex()
    /// While `storing`: the thread that checkpoints, and the records stored since it last did.
    var checkpointer: Checkpointer?
    var uncheckpointed = 0

    /// A word for the user about a warehouse opened for reading despite a
    /// problem (made by a newer pikir); nil when there is none.
    public let warning: String?

    /// Opens (creating if needed) and migrates the warehouse at `path`.
    /// - Parameter readOnly: For commands that only read (agg, report, the
    ///   pipeline's output stages): the file is opened read-only and never
    ///   migrated, so reading leaves it byte for byte as it was; it needs no
    ///   write access to the file or its folder.
    public init(path: String, busyTimeout: TimeInterval = 60, create: Bool = true, readOnly: Bool = false) throws {
        self.path = path
        if (!create || readOnly) && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(code: .missingWarehouse, message: "\(path): no warehouse here; run `pikir ingest FILE…` first, or give --db PATH")
        }
        if readOnly {
            (queue, warning) = try Self.openForReading(path: path, busyTimeout: busyTimeout)
            migratedRedactions = nil
        } else {
            (queue, migratedRedactions) = try Self.openForWriting(path: path, busyTimeout: busyTimeout)
            warning = nil
        }
    }

    private static func openForReading(path: String, busyTimeout: TimeInterval) throws -> (DatabaseQueue, String?) {
        if WarehouseFiles.size(path) == 0 {
            throw StoreError(code: .missingWarehouse, problem: "no warehouse here yet (the file is empty)",
                             advice: "run `pikir ingest --db \(path) FILE…` first", path: path)
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "pikir"
        let location = WarehouseFiles.readLocation(path)
        do {
            let opened = try DatabaseQueue(path: location, configuration: config)
            let version = try opened.read { db in try MigrationState(db) }
            return (opened, try version.checkForReading(path: path))
        } catch let error as DatabaseError {
            if location == path, WarehouseFiles.hasLog(path), !WarehouseFiles.canWrite(path) {
                throw StoreError(code: .unwritable, problem: "its write-ahead log (\(path)-wal) holds changes not yet folded into it, and this user cannot write there",
                                 advice: "open it once with write access to fold the log in (any `pikir ingest --db \(path) …` by its owner does), then read it again", path: path)
            }
            throw StoreError(database: error, path: path)
        }
    }

    private static func openForWriting(path: String, busyTimeout: TimeInterval) throws -> (DatabaseQueue, migratedRedactions: Int?) {
        try WarehouseFiles.checkWritable(path)
        // Checked on a read-only connection first: opening for writing makes
        // GRDB switch the file to WAL and create and drop a table, which would
        // change a newer pikir's warehouse, or another program's SQLite file.
        if (WarehouseFiles.size(path) ?? 0) > 0 {
            var config = Configuration()
            config.readonly = true
            config.busyMode = .timeout(busyTimeout)
            try retryingCreationRaces(path: path) {
                try DatabaseQueue(path: path, configuration: config).read { db in try MigrationState(db) }.checkForWriting(path: path)
            }
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
        return try retryingCreationRaces(path: path) {
            let opened = try DatabaseQueue(path: path, configuration: config)
            // A warehouse from a newer pikir is never written to: its
            // tables may mean what this pikir cannot know. (Again: another
            // process may have made the file since the check above.)
            try opened.read { db in try MigrationState(db) }.checkForWriting(path: path)
            let tally = MigrationTally()
            let migrator = Schema.migrator(tally: tally)
            try migrator.migrate(opened)
            try opened.writeWithoutTransaction { db in try MigrationState.stamp(db, migrator: migrator) }
            return (opened, tally.redactions)
        }
    }

    /// Two processes creating or migrating one warehouse at once race to
    /// switch it to WAL and to run the migrations (one may see the migrations
    /// table half made, or run a migration the other has just committed:
    /// "already exists", "no such table", a duplicate migration identifier).
    /// Each migration is one transaction, so the loser's is rolled back whole:
    /// it retries and finds them made.
    private static func retryingCreationRaces<T>(path: String, _ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where attempt < 100 && (error.resultCode == .SQLITE_BUSY
                || error.resultCode == .SQLITE_LOCKED || (error.message ?? "").contains("already exists")
                || (error.message ?? "").contains("no such table") || (error.message ?? "").contains("grdb_migrations")) {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            } catch let error as DatabaseError {
                throw StoreError(database: error, path: path)
            }
        }
    }
}

extension SQLiteWarehouse {
    public func settle() throws { try checkpoint() }

    /// Writes the WAL back into the database file, so the file alone is the whole warehouse.
    public func checkpoint() throws {
        do {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch let error as DatabaseError {
            throw StoreError(database: error, path: path)
        }
    }
}
