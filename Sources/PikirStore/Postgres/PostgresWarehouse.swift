import Foundation
import PikirModel
import PikirNormalise

/// The shared warehouse: `SQLiteWarehouse`'s tables and promises in a
/// PostgreSQL database that many pikirs write to and read from at once.
///
/// Every file is stored in one transaction (`store`); a killed client or a
/// dropped connection leaves nothing of it, as the server rolls back what
/// was not committed. Writers take one advisory lock per file's transaction,
/// so files are written one after another across all processes, exactly as
/// SQLite's write lock does, while each process normalises in parallel.
public final class PostgresWarehouse: Warehouse {
    let location: PostgresLocation
    let connection: PGConnection
    public var name: String { location.description }
    public let warning: String?
    /// Nothing stored in PostgreSQL predates redaction (see `PostgresSchema`).
    public var migratedRedactions: Int? { nil }
    /// The responses' ids and fingerprints, for finding duplicates as files are stored.
    let duplicates = DuplicateIndex()
    /// Opened when a file being stored must read rows committed before it (see `PostgresFileWriter`).
    var reader: PGConnection?

    init(location: PostgresLocation, access: WarehouseAccess) throws {
        self.location = location
        connection = try location.connect()
        if access == .write {
            try PostgresSchema.migrate(connection, schema: location.schema)
            warning = nil
        } else {
            warning = try MigrationState(connection, schema: location.schema).checkForReading(path: location.description)
        }
    }

    // MARK: The ledger

    private static let ledgerColumns = """
        id, path, sha256, size, encoding, delimiter, line_ending, header_line, records, accepted, rejected, duplicates,
        ignored, redactions, ingested_at
        """

    public func ledger() throws -> [LedgerEntry] {
        Self.entries(try connection.execute("SELECT \(Self.ledgerColumns) FROM file ORDER BY id"))
    }

    public func ledgerEntry(sha256: String) throws -> LedgerEntry? {
        try Self.ledgerEntry(sha256: sha256, connection)
    }

    static func ledgerEntry(sha256: String, _ connection: PGConnection) throws -> LedgerEntry? {
        entries(try connection.execute("SELECT \(ledgerColumns) FROM file WHERE sha256 = $1", [sha256])).first
    }

    private static func entries(_ result: PGResult) -> [LedgerEntry] {
        (0..<result.rows).map { row in
            let text = { (column: Int) in result[row, column] ?? "" }
            let number = { (column: Int) in result.int(row, column) ?? 0 }
            var entry = LedgerEntry(path: text(1), sha256: text(2), size: number(3), encoding: text(4), delimiter: text(5),
                                    lineEnding: text(6), headerLine: result.int(row, 7), records: number(8), accepted: number(9),
                                    rejected: number(10), duplicates: number(11), ignored: number(12), redactions: number(13),
                                    ingestedAt: text(14))
            entry.id = result.int(row, 0).map(Int64.init)
            return entry
        }
    }

    /// Paths compare byte for byte, as in SQLite, whatever the database's collation.
    public func fileCoverage() throws -> [String: Set<String>] {
        let result = try connection.execute("""
            SELECT f.sha256, r.region, substr(r.session_date, 1, 4), count(r.id)
            FROM file f LEFT JOIN response r ON r.file_id = f.id GROUP BY 1, 2, 3
            """)
        var coverage: [String: Set<String>] = [:]
        for row in 0..<result.rows {
            let sha = result[row, 0] ?? ""
            coverage[sha, default: []].formUnion([])
            guard result.int(row, 3) ?? 0 > 0 else { continue }
            coverage[sha, default: []].insert("\(result[row, 1] ?? "-")|\(result[row, 2] ?? "-")")
        }
        return coverage
    }

    // MARK: Rejects

    public func rejects() throws -> [StoredReject] {
        let result = try connection.execute("""
            SELECT f.path, j.line, j.reason_code, j.reason, j.raw FROM reject j JOIN file f ON f.id = j.file_id
            ORDER BY f.path COLLATE "C", j.line, j.id
            """)
        return (0..<result.rows).map {
            StoredReject(file: result[$0, 0] ?? "", line: result.int($0, 1) ?? 0, reason_code: result[$0, 2] ?? "",
                         reason: result[$0, 3] ?? "", raw: result[$0, 4] ?? "")
        }
    }

    public func rejectCounts() throws -> [(code: String, count: Int)] {
        let result = try connection.execute("""
            SELECT reason_code, count(*) AS n FROM reject GROUP BY reason_code ORDER BY n DESC, reason_code COLLATE "C"
            """)
        return (0..<result.rows).map { (result[$0, 0] ?? "", result.int($0, 1) ?? 0) }
    }

    // MARK: Registries

    public func registeredSessions() throws -> [RegisteredSession] {
        let result = try connection.execute("""
            SELECT session_id, city, date_from, date_to, registered FROM session ORDER BY session_id COLLATE "C"
            """)
        return (0..<result.rows).map {
            RegisteredSession(id: result[$0, 0] ?? "", city: result[$0, 1], dateFrom: result[$0, 2] ?? "", dateTo: result[$0, 3] ?? "",
                              registered: result.int($0, 4))
        }
    }

    public func storeSessions(_ sessions: [SessionRegistry.Session]) throws {
        guard !sessions.isEmpty else { return }
        try connection.transaction {
            for s in sessions {
                try connection.execute("""
                    INSERT INTO session (session_id, city, date_from, date_to, trainer_key, module, registered)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (session_id) DO UPDATE SET city = excluded.city, date_from = excluded.date_from,
                        date_to = excluded.date_to, trainer_key = excluded.trainer_key, module = excluded.module,
                        registered = excluded.registered
                    """, [s.id, s.city, s.from.iso, s.to.iso, s.trainerKey, s.module, s.registered.map(String.init)])
            }
        }
    }

    // MARK: Upkeep

    /// PostgreSQL needs no upkeep around an ingest run.
    public func storing<T>(_ body: () throws -> T) rethrows -> T { try body() }

    /// Every commit is in the server's own storage already.
    public func settle() throws {}
}
