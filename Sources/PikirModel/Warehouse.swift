import PikirNormalise

/// The warehouse as the rest of pikir sees it: the ledger of ingested files,
/// their normalised responses, every reject, ignored line and duplicate, and
/// the registries; written one file per transaction.
///
/// Nothing here names a storage engine, a file or SQL, so another warehouse
/// (a shared PostgreSQL database) is another implementation of this protocol
/// and of `WarehouseLocation`, with no change to its callers. The first is
/// `SQLiteWarehouse` (PikirStore). Every method throws `StoreError`s, written
/// for the user.
public protocol Warehouse: ResponseSource, AnyObject {
    /// How messages name it (a path; for a server, its address without a password).
    var name: String { get }
    /// A word for the user about a warehouse opened for reading despite a
    /// problem (made by a newer pikir); nil when there is none.
    var warning: String? { get }
    /// Personal-data items that opening it redacted in rows an earlier
    /// version stored; nil when it was not migrated now.
    var migratedRedactions: Int? { get }

    // MARK: The ledger

    /// Every file in the ledger, oldest first.
    func ledger() throws -> [LedgerEntry]
    /// The ledger entry of the file with this content, if it was ingested.
    func ledgerEntry(sha256: String) throws -> LedgerEntry?
    /// For each ingested file (by SHA-256), the `region|year` pairs of its
    /// responses (`-` for missing): which files an output limited to a region
    /// or year depends on.
    func fileCoverage() throws -> [String: Set<String>]

    // MARK: Responses and rejects

    /// Calls `body` with each response's `ResponseColumn.exported` values as
    /// text (nil for missing; `source_file` is the file's path), by file path
    /// and line: the same order whatever order the files were ingested in.
    func forEachResponse(_ body: ([String?]) throws -> Void) throws
    /// Every reject, by file then line.
    func rejects() throws -> [StoredReject]
    /// Rejected records per reason code, most frequent first (ties by code).
    func rejectCounts() throws -> [(code: String, count: Int)]

    // MARK: Registries

    /// The sessions registry, by session id.
    func registeredSessions() throws -> [RegisteredSession]
    /// Stores sessions, replacing entries with the same id.
    func storeSessions(_ sessions: [SessionRegistry.Session]) throws

    // MARK: Writing

    /// Stores one file in one transaction: its ledger entry, then every batch
    /// `next` gives until it gives nil. A response with the id or fingerprint
    /// of one already stored (before, or earlier in this file) is recorded as
    /// its duplicate; a `.duplicate` item is recorded as given, and counted
    /// with them. When `next` or the warehouse throws, nothing of the file
    /// is kept and the error is rethrown (the warehouse's as a `StoreError`).
    ///
    /// - Returns: The file's counts, or the entry of the same content stored
    ///   meanwhile (by another process), in which case nothing is stored.
    func store(_ entry: LedgerEntry, headerRedactions: Int, batches next: () throws -> WriteBatch?) throws -> StoreOutcome

    /// Reads back the stored file with this content as the batches `store`
    /// takes, a few hundred items each, in line order (responses in the order
    /// stored): storing them, with `headerRedactions` = the entry's
    /// `redactions`, into another warehouse that holds the same earlier
    /// files gives the same file. Responses come as `.response` rows with
    /// every `ResponseColumn.encoded` cell as stored, rejects and ignored
    /// lines as stored, duplicates as `.duplicate`; the batches' `rejected`
    /// and `ignored` count their items, `redactions` is 0. Only one batch
    /// is held at a time, so a million-row file reads in flat memory.
    ///
    /// - Throws: A `StoreError` when no such file is stored.
    func storedFile(sha256: String) throws -> any StoredFileReader

    /// Runs many `store`s at once (an ingest run), letting the warehouse
    /// arrange its upkeep around them.
    func storing<T>(_ body: () throws -> T) rethrows -> T

    /// Leaves everything written in the warehouse's own storage, so a reader
    /// that cannot write finds it whole (call once writing is done).
    func settle() throws
}

/// One stored file read back, batch by batch (`Warehouse.storedFile`).
public protocol StoredFileReader: AnyObject {
    /// The next batch, nil after the last.
    func next() throws -> WriteBatch?
}

/// What `Warehouse.store` did with a file.
public enum StoreOutcome: Sendable, Equatable {
    case stored(Accounting)
    /// The same content is in the ledger already, under this entry.
    case alreadyStored(LedgerEntry)
}

extension Warehouse {
    /// A hash of the ledger (every ingested file's SHA-256): two reports with
    /// the same fingerprint were made from the same data.
    public func ledgerFingerprint() throws -> String {
        LedgerEntry.fingerprint(try ledger())
    }

    /// The columns a scan may read (`Warehouse.ScanColumn.region`).
    public typealias ScanColumn = ResponseColumn
}

/// One session of the registry, as stored by `pikir ingest --sessions`.
public struct RegisteredSession: Sendable, Equatable {
    public var id: String
    public var city: String?
    public var dateFrom: String
    public var dateTo: String
    public var registered: Int?
    /// The trainer's registry id or match key, and the module, as registered.
    public var trainerKey: String?
    public var module: String?

    public init(id: String, city: String?, dateFrom: String, dateTo: String, registered: Int?, trainerKey: String? = nil, module: String? = nil) {
        self.id = id
        self.city = city
        self.dateFrom = dateFrom
        self.dateTo = dateTo
        self.registered = registered
        self.trainerKey = trainerKey
        self.module = module
    }

    /// The entry as `storeSessions` takes it; nil when a stored day is no ISO date.
    public var registryEntry: SessionRegistry.Session? {
        func day(_ iso: String) -> Dates.CalendarDate? {
            let parts = iso.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2] else { return nil }
            return Dates.CalendarDate(year: y, month: m, day: d)
        }
        guard let from = day(dateFrom), let to = day(dateTo) else { return nil }
        return SessionRegistry.Session(id: id, city: city, from: from, to: to, trainerKey: trainerKey, module: module, registered: registered)
    }
}

/// A reject as stored, with its file.
public struct StoredReject: Sendable, Codable, Equatable {
    public var file: String
    public var line: Int
    public var reason_code: String
    public var reason: String
    public var raw: String

    public init(file: String, line: Int, reason_code: String, reason: String, raw: String) {
        self.file = file
        self.line = line
        self.reason_code = reason_code
        self.reason = reason
        self.raw = raw
    }
}
