import GRDB
import PikirModel

/// Ledger rows of the `file` table.
extension LedgerEntry {
    static func fetch(_ db: Database, sha256: String) throws -> LedgerEntry? {
        try Row.fetchOne(db, sql: "SELECT * FROM file WHERE sha256 = ?", arguments: [sha256]).map(LedgerEntry.init(row:))
    }

    static func fetchAll(_ db: Database) throws -> [LedgerEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM file ORDER BY id").map(LedgerEntry.init(row:))
    }

    init(row: Row) {
        self.init(path: row["path"], sha256: row["sha256"], size: row["size"], encoding: row["encoding"], delimiter: row["delimiter"],
                  lineEnding: row["line_ending"], headerLine: row["header_line"], records: row["records"], accepted: row["accepted"],
                  rejected: row["rejected"], duplicates: row["duplicates"], ignored: row["ignored"], redactions: row["redactions"],
                  ingestedAt: row["ingested_at"])
        id = row["id"]
    }
}
