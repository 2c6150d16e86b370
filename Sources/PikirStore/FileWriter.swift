import Foundation
import GRDB
import PikirIngest
import PikirNormalise

/// Writes one file's outcome inside the transaction that ingests it.
///
/// Prepared statements are made once per file and reused for every row. A
/// response whose id or fingerprint is already in the warehouse (from this
/// file or an earlier one) is recorded as a duplicate of it, never stored twice.
final class FileWriter {
    private let db: Database
    let fileID: Int64
    private let insertResponse: Statement
    private let insertReject: Statement
    private let insertIgnored: Statement
    private let insertDuplicate: Statement
    private let findOriginal: Statement

    init(db: Database, entry: LedgerEntry) throws {
        self.db = db
        try db.execute(sql: """
            INSERT INTO file (path, sha256, size, encoding, delimiter, line_ending, header_line,
                              records, accepted, rejected, duplicates, ignored, redactions, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?)
            """, arguments: [entry.path, entry.sha256, entry.size, entry.encoding, entry.delimiter,
                             entry.lineEnding, entry.headerLine, entry.ingestedAt])
        fileID = db.lastInsertedRowID
        insertResponse = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO response (response_id, file_id, source_line, fingerprint, timestamp, region, city,
                session_date, year, month, session_id, trainer_id, trainer_name, module, participant_group, lang,
                overall, delivery, content, organisation, applicability, nps, liked, improve, comment, extras)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertReject = try db.makeStatement(sql: "INSERT INTO reject (file_id, line, reason_code, reason, raw) VALUES (?, ?, ?, ?, ?)")
        insertIgnored = try db.makeStatement(sql: "INSERT INTO ignored_line (file_id, line, reason_code) VALUES (?, ?, ?)")
        insertDuplicate = try db.makeStatement(sql: "INSERT INTO duplicate (file_id, line, response_id, duplicate_of) VALUES (?, ?, ?, ?)")
        findOriginal = try db.makeStatement(sql: "SELECT response_id FROM response WHERE response_id = ? OR fingerprint = ? LIMIT 1")
    }

    /// Stores a response; false when it duplicates one already stored.
    func insert(_ r: CanonicalResponse) throws -> Bool {
        let s = r.scores
        insertResponse.setUncheckedArguments([
            r.responseID, fileID, r.sourceLine, r.fingerprint, r.timestamp, r.region, r.city,
            r.sessionDate, r.year, r.month, r.sessionID, r.trainerID, r.trainerName, r.module, r.participantGroup, r.lang,
            s.overall, s.delivery, s.content, s.organisation, s.applicability, s.nps, r.liked, r.improve, r.comment,
            r.extras.isEmpty ? nil : ExtrasJSON.encode(r.extras),
        ])
        try insertResponse.execute()
        if db.changesCount > 0 { return true }
        let original = try String.fetchOne(findOriginal, arguments: [r.responseID, r.fingerprint]) ?? r.responseID
        try insertDuplicate.execute(arguments: [fileID, r.sourceLine, r.responseID, original])
        return false
    }

    func insert(_ reject: Reject) throws {
        try insertReject.execute(arguments: [fileID, reject.line, reject.reason.rawValue, reject.message, reject.raw])
    }

    func insert(reject line: Int, code: String, message: String, raw: String) throws {
        try insertReject.execute(arguments: [fileID, line, code, message, raw])
    }

    func insert(_ ignored: IgnoredLine) throws {
        try insertIgnored.execute(arguments: [fileID, ignored.line, ignored.reason.rawValue])
    }

    /// Writes the final counts into the ledger row.
    func finish(_ counts: LedgerEntry) throws {
        try db.execute(sql: """
            UPDATE file SET records = ?, accepted = ?, rejected = ?, duplicates = ?, ignored = ?, redactions = ? WHERE id = ?
            """, arguments: [counts.records, counts.accepted, counts.rejected, counts.duplicates, counts.ignored,
                             counts.redactions, fileID])
    }
}

/// Extras as a JSON object written by hand: keys and values are plain strings.
enum ExtrasJSON {
    static func encode(_ pairs: [(header: String, value: String)]) -> String {
        var out = "{"
        for (i, pair) in pairs.enumerated() {
            if i > 0 { out += "," }
            out += quote(pair.header) + ":" + quote(pair.value)
        }
        return out + "}"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
