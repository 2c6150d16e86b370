import Foundation
import GRDB

/// Reading the warehouse back out: responses for export, rejects for review.
extension Warehouse {
    /// The exported columns, named as the canonical fields so an export reads back in.
    public static let exportColumns = [
        "response_id", "source_file", "source_line", "timestamp", "region", "city", "session_date", "year", "month",
        "session_id", "trainer_id", "trainer", "module", "participant_group", "lang",
        "overall", "delivery", "content", "organisation", "applicability", "nps", "liked", "improve", "comment", "extras",
    ]

    /// Calls `body` with each response's values (nil for missing), by file path
    /// and line: the same order whatever order the files were ingested in.
    public func forEachResponse(_ body: ([String?]) throws -> Void) throws {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT r.response_id, f.path, r.source_line, r.timestamp, r.region, r.city, r.session_date, r.year, r.month,
                       r.session_id, r.trainer_id, r.trainer_name, r.module, r.participant_group, r.lang,
                       r.overall, r.delivery, r.content, r.organisation, r.applicability, r.nps,
                       r.liked, r.improve, r.comment, r.extras
                FROM response r JOIN file f ON f.id = r.file_id
                ORDER BY f.path, r.source_line, r.id
                """)
            while let row = try cursor.next() {
                var values: [String?] = []
                values.reserveCapacity(row.count)
                for i in 0..<row.count {
                    let value = row[i] as DatabaseValue
                    switch value.storage {
                    case .null: values.append(nil)
                    case .int64(let n): values.append(String(n))
                    case .double(let d): values.append(Self.format(d))
                    case .string(let s): values.append(s)
                    case .blob: values.append(nil)
                    }
                }
                try body(values)
            }
        }
    }

    /// Every reject in the warehouse, by file then line.
    public func rejects() throws -> [StoredReject] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.path, j.line, j.reason_code, j.reason, j.raw FROM reject j JOIN file f ON f.id = j.file_id
                ORDER BY f.path, j.line
                """).map { StoredReject(file: $0[0], line: $0[1], reason_code: $0[2], reason: $0[3], raw: $0[4]) }
        }
    }

    /// Scores are whole numbers unless rescaled: print 4, not 4.0.
    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}

/// A reject as stored, with its file.
public struct StoredReject: Sendable, Codable, Equatable {
    public var file: String
    public var line: Int
    public var reason_code: String
    public var reason: String
    public var raw: String
}
