import PikirModel
import PikirNormalise

/// The login storing a file, as the warehouse's policies see it
/// (`RegionAccessSchema`): pikir asks, so a centre's export with rows of
/// another region is stored without them, each a reject, rather than
/// refused whole by PostgreSQL.
struct LoginRegion {
    static let notAllowed = "region_not_allowed"

    let role: String
    /// Whether row-level security applies to it (not to the owner or a superuser).
    let bound: Bool
    /// Its grant's region; nil without one, or for every region.
    let region: String?
    let writes: Bool
    /// Whether its grant is of every region (the ministry's, read-only).
    let all: Bool

    init(_ connection: PGConnection) throws {
        let result = try connection.execute("""
            SELECT current_user, row_security_active('response'), grant_region(current_user), grant_writes(current_user),
                   grant_all(current_user)
            """)
        role = result[0, 0] ?? ""
        bound = result[0, 1] == "t"
        region = result[0, 2]
        writes = result[0, 3] == "t"
        all = result[0, 4] == "t"
    }

    /// Throws when the login may store nothing at all.
    func checkWriting(path: String) throws {
        guard bound, !writes else { return }
        let problem = region == nil && !all
            ? "the login “\(role)” may not write to this warehouse (it has no grant of a region to write)"
            : "the login “\(role)” may only read this warehouse (its grant is read-only)"
        throw StoreError(code: .unwritable, problem: problem,
                         advice: "ingest with a centre's login, which the warehouse's owner grants with `pikir warehouse grant ROLE --region KZ-…`",
                         path: path)
    }

    /// Why this login may not store a response of `rowRegion`; nil when it may.
    func refusal(of rowRegion: String?) -> String? {
        guard bound, let region, rowRegion != region else { return nil }
        let allowed = "this login (“\(role)”) stores only \(Self.describe(region))"
        guard let rowRegion else {
            return "the response has no region, and \(allowed); ingest it with the owner's login, or give the export its region"
        }
        return "the response is of \(Self.describe(rowRegion)), and \(allowed); ingest it with that region's login"
    }

    static func describe(_ code: String) -> String {
        Places.subdivision(code: code).map { "\(code) (\($0.name))" } ?? code
    }

    /// The row as its exported values, one CSV line: the record's own text
    /// is not kept past normalising, and these are already redacted.
    static func raw(row: Int, of rows: EncodedRows, path: String) -> String {
        let first = rows.meta[row].firstCell
        return CSVText.line(ResponseColumn.exported.map { column -> String? in
            guard column.cell >= 0 else { return path }
            let cell = rows.cells[first + column.cell]
            switch cell.kind {
            case .null: return nil
            case .integer: return String(cell.value)
            case .real: return ResponseColumn.exportText(Double(bitPattern: UInt64(bitPattern: cell.value)))
            case .text: return rows.string(row: row, column: column)
            }
        })
    }
}

extension PostgresWarehouse {
    /// The ledger entry of a content stored by any centre: the login's own
    /// rows in full, another region's file only by its path and date (all a
    /// login under row-level security may learn of it).
    static func ledgerEntryOfAnyRegion(sha256: String, _ connection: PGConnection) throws -> LedgerEntry? {
        if let entry = try ledgerEntry(sha256: sha256, connection) { return entry }
        let result = try connection.execute("SELECT path, ingested_at FROM ledger_holds($1)", [sha256])
        guard result.rows > 0 else { return nil }
        return LedgerEntry(path: result[0, 0] ?? "", sha256: sha256, size: 0, encoding: "", delimiter: "", lineEnding: "", headerLine: nil,
                           records: 0, accepted: 0, rejected: 0, duplicates: 0, ignored: 0, redactions: 0, ingestedAt: result[0, 1] ?? "")
    }
}
