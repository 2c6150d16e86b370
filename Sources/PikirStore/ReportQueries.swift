import Foundation
import GRDB
import PikirModel
import PikirNormalise

/// What reports read besides the responses: the ledger and its coverage,
/// rejects by reason, and the sessions registry.
extension SQLiteWarehouse {
    public func ledgerEntry(sha256: String) throws -> LedgerEntry? {
        try read { db in try LedgerEntry.fetch(db, sha256: sha256) }
    }

    public func ledger() throws -> [LedgerEntry] {
        try read { db in try LedgerEntry.fetchAll(db) }
    }

    public func registeredSessions() throws -> [RegisteredSession] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT session_id, city, date_from, date_to, registered, trainer_key, module FROM session ORDER BY session_id")
                .map { RegisteredSession(id: $0[0], city: $0[1], dateFrom: $0[2], dateTo: $0[3], registered: $0[4], trainerKey: $0[5], module: $0[6]) }
        }
    }

    public func storeSessions(_ sessions: [SessionRegistry.Session]) throws {
        guard !sessions.isEmpty else { return }
        try write { db in
            let statement = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO session (session_id, city, date_from, date_to, trainer_key, module, registered)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for s in sessions {
                try statement.execute(arguments: [s.id, s.city, s.from.iso, s.to.iso, s.trainerKey, s.module, s.registered])
            }
        }
    }

    public func rejectCounts() throws -> [(code: String, count: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT reason_code, count(*) AS n FROM reject GROUP BY reason_code ORDER BY n DESC, reason_code")
                .map { ($0[0], $0[1]) }
        }
    }

    public func fileCoverage() throws -> [String: Set<String>] {
        try read { db in
            var coverage: [String: Set<String>] = [:]
            for entry in try LedgerEntry.fetchAll(db) { coverage[entry.sha256] = [] }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.sha256, r.region, substr(r.session_date, 1, 4)
                FROM response r JOIN file f ON f.id = r.file_id GROUP BY 1, 2, 3
                """)
            while let row = try rows.next() {
                let region: String? = row[1], year: String? = row[2]
                coverage[row[0], default: []].insert("\(region ?? "-")|\(year ?? "-")")
            }
            return coverage
        }
    }
}
