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
    /// its duplicate. When `next` or the warehouse throws, nothing of the file
    /// is kept and the error is rethrown (the warehouse's as a `StoreError`).
    ///
    /// - Returns: The file's counts, or the entry of the same content stored
    ///   meanwhile (by another process), in which case nothing is stored.
    func store(_ entry: LedgerEntry, headerRedactions: Int, batches next: () throws -> WriteBatch?) throws -> StoreOutcome

    /// Runs many `store`s at once (an ingest run), letting the warehouse
    /// arrange its upkeep around them.
    func storing<T>(_ body: () throws -> T) rethrows -> T

    /// Leaves everything written in the warehouse's own storage, so a reader
    /// that cannot write finds it whole (call once writing is done).
    func settle() throws
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

    public init(id: String, city: String?, dateFrom: String, dateTo: String, registered: Int?) {
        self.id = id
        self.city = city
        self.dateFrom = dateFrom
        self.dateTo = dateTo
        self.registered = registered
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
