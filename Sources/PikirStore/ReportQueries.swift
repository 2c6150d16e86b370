import Foundation
import GRDB

/// What reports read besides the responses: the ledger's totals, rejects by
/// reason, and the sessions registry.
extension Warehouse {
    /// One session of the registry, as stored by `pikir ingest --sessions`.
    public struct RegisteredSession: Sendable, Equatable {
        public var id: String
        public var city: String?
        public var dateFrom: String
        public var dateTo: String
        public var registered: Int?
    }

    public func registeredSessions() throws -> [RegisteredSession] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT session_id, city, date_from, date_to, registered FROM session ORDER BY session_id")
                .map { RegisteredSession(id: $0[0], city: $0[1], dateFrom: $0[2], dateTo: $0[3], registered: $0[4]) }
        }
    }

    /// Rejected records per reason code, most frequent first (ties by code).
    public func rejectCounts() throws -> [(code: String, count: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT reason_code, count(*) AS n FROM reject GROUP BY reason_code ORDER BY n DESC, reason_code")
                .map { ($0[0], $0[1]) }
        }
    }

    /// A hash of the ledger (every ingested file's SHA-256): two reports with
    /// the same fingerprint were made from the same data.
    public func ledgerFingerprint() throws -> String {
        Self.fingerprint(try ledger())
    }

    /// The same hash over some of the ledger's files. The hashes are sorted
    /// first: the same files give the same fingerprint in any ingest order.
    public static func fingerprint(_ entries: [LedgerEntry]) -> String {
        var hasher = SHA256Text()
        for sha in entries.map(\.sha256).sorted() { hasher.add(sha) }
        return hasher.hex
    }
}

import Crypto

/// SHA-256 of a sequence of texts, one per line.
struct SHA256Text {
    private var hash = SHA256()
    mutating func add(_ text: String) { hash.update(data: Data((text + "\n").utf8)) }
    var hex: String { hash.finalize().map { String(format: "%02x", $0) }.joined() }
}

extension Warehouse {
    /// For each ingested file (by SHA-256), the `region|year` pairs of its
    /// responses: which files an output limited to a region or year depends on.
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
