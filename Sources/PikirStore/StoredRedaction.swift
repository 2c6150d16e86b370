import Foundation
import GRDB
import PikirModel
import PikirNormalise

/// Migration v3: personal data redacted in place from what earlier versions
/// stored (they redacted only comments, and kept rejects' raw lines as written).
///
/// Every text of `response`, `reject` and `duplicate` goes through
/// `Redaction`, as a new ingest would put it:
/// - a form id holding personal data is dropped: the response gets the id
///   derived from its file and line, and the duplicates that name it follow;
/// - a session id derived from city, date and trainer is derived again from
///   the redacted city and trainer (the trainer key is a folded name, where an
///   address is no longer recognisable); any other is redacted as it stands;
/// - a changed row's fingerprint is computed again from its redacted values,
///   so the next ingest of the same answers still finds it a duplicate.
/// The items replaced are added to each file's `redactions` in the ledger.
enum StoredRedaction {
    /// Redacts the warehouse; returns the number of items replaced.
    ///
    /// - Complexity: O(rows × row length); only changed rows are written.
    static func run(_ db: Database) throws -> Int {
        // Rewritten rows leave their old text in the pages' free space, where
        // any file viewer finds it: secure_delete writes zeros over it.
        let secureDelete = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
        try db.execute(sql: "PRAGMA secure_delete = ON")
        defer { try? db.execute(sql: "PRAGMA secure_delete = \(secureDelete)") }
        var perFile: [Int64: Int] = [:]
        var prefixes: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, sha256 FROM file") {
            let sha: String = row[1]
            prefixes[row[0]] = String(sha.prefix(12)) + ":"
        }
        var renamed: [String: String] = [:]  // old response id → new

        // Collected first, written after the scan: SQLite leaves undefined a
        // scan of a table changed while it runs.
        var responses: [(id: Int64, row: StoredResponse)] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(StoredResponse.columns) FROM response")
        while let row = try cursor.next() {
            var stored = StoredResponse(row: row)
            let items = stored.redact(prefix: prefixes[stored.fileID] ?? "")
            guard items > 0 else { continue }
            perFile[stored.fileID, default: 0] += items
            if stored.responseID != row["response_id"] { renamed[row["response_id"]] = stored.responseID }
            responses.append((row["id"], stored))
        }
        for (id, stored) in responses { try stored.update(db, id: id) }

        var rejects: [(id: Int64, raw: String, reason: String)] = []
        let rejectRows = try Row.fetchCursor(db, sql: "SELECT id, file_id, raw, reason FROM reject")
        while let row = try rejectRows.next() {
            let raw = Redaction.redact(row["raw"] as String), reason = Redaction.redact(row["reason"] as String)
            guard raw.total + reason.total > 0 else { continue }
            perFile[row["file_id"], default: 0] += raw.total + reason.total
            rejects.append((row["id"], raw.text, reason.text))
        }
        for r in rejects {
            try db.execute(sql: "UPDATE reject SET raw = ?, reason = ? WHERE id = ?", arguments: [r.raw, r.reason, r.id])
        }

        var duplicates: [(rowid: Int64, id: String, of: String)] = []
        let duplicateRows = try Row.fetchCursor(db, sql: "SELECT rowid, file_id, line, response_id, duplicate_of FROM duplicate")
        while let row = try duplicateRows.next() {
            let fileID: Int64 = row["file_id"], line: Int = row["line"]
            let oldID: String = row["response_id"], oldOf: String = row["duplicate_of"]
            var items = 0
            var id = oldID
            let redactedID = ExtrasJSON.isDerivedID(oldID) ? 0 : Redaction.redact(oldID).total
            if redactedID > 0 {
                items += redactedID
                id = (prefixes[fileID] ?? "") + String(line)
            }
            var of = oldOf
            if let new = renamed[oldOf] {
                of = new
            } else if !ExtrasJSON.isDerivedID(oldOf) {
                let redactedOf = Redaction.redact(oldOf)
                items += redactedOf.total
                of = redactedOf.text
            }
            guard id != oldID || of != oldOf else { continue }
            perFile[fileID, default: 0] += items
            duplicates.append((row["rowid"], id, of))
        }
        for d in duplicates {
            try db.execute(sql: "UPDATE duplicate SET response_id = ?, duplicate_of = ? WHERE rowid = ?", arguments: [d.id, d.of, d.rowid])
        }

        for (file, items) in perFile where items > 0 {
            try db.execute(sql: "UPDATE file SET redactions = redactions + ? WHERE id = ?", arguments: [items, file])
        }
        return perFile.values.reduce(0, +)
    }
}

/// One `response` row's texts, as the migration reads and rewrites them.
private struct StoredResponse {
    static let columns = """
        id, file_id, source_line, response_id, form_id, fingerprint, timestamp, region, city, session_date, session_id,
        trainer_id, trainer_name, module, participant_group, lang, overall, delivery, content, organisation,
        applicability, nps, liked, improve, comment, extras
        """

    var fileID: Int64
    var response: CanonicalResponse
    var responseID: String
    var formID: String?
    var fingerprint: Int64?
    var extras: String?

    init(row: Row) {
        fileID = row["file_id"]
        responseID = row["response_id"]
        formID = row["form_id"]
        fingerprint = row["fingerprint"]
        extras = row["extras"]
        var r = CanonicalResponse(responseID: responseID, sourceFile: "", sourceLine: row["source_line"])
        r.hasFormID = formID != nil
        r.timestamp = row["timestamp"]
        r.region = row["region"]
        r.city = row["city"]
        r.sessionDate = row["session_date"]
        r.sessionID = row["session_id"]
        r.trainerID = row["trainer_id"]
        r.trainerName = row["trainer_name"]
        r.module = row["module"]
        r.participantGroup = row["participant_group"]
        r.lang = row["lang"]
        r.scores = CanonicalResponse.ScoreSet(overall: row["overall"], delivery: row["delivery"], content: row["content"],
                                              organisation: row["organisation"], applicability: row["applicability"], nps: row["nps"])
        r.liked = row["liked"]
        r.improve = row["improve"]
        r.comment = row["comment"]
        r.extras = extras.flatMap(ExtrasJSON.decode) ?? []
        response = r
    }

    /// Redacts every text; returns the number of items replaced.
    mutating func redact(prefix: String) -> Int {
        var items = 0
        func redacted(_ text: String?) -> String? {
            guard let text else { return nil }
            let result = Redaction.redact(text)
            items += result.total
            return result.text
        }
        var r = response
        let before = r
        // Whether the session id is the one an ingest derived from city, date and trainer.
        let derivedSession = r.sessionDate.map {
            SessionKey.legacy(city: r.city, date: $0, trainerKey: r.trainerID ?? r.trainerName.map { SessionKey.trainerKey(cleanedName: $0) })
        }
        // A derived id (file hash and line) holds no personal data, though
        // its twelve hex digits may all be decimal: it is left alone.
        if let formID, case let found = Redaction.redact(formID).total, found > 0 {
            items += found
            self.formID = nil
            r.hasFormID = false
            responseID = prefix + String(r.sourceLine)
        }
        r.timestamp = redacted(r.timestamp)
        r.region = redacted(r.region)
        r.city = redacted(r.city)
        r.trainerID = redacted(r.trainerID)
        r.trainerName = redacted(r.trainerName)
        r.module = redacted(r.module)
        r.participantGroup = redacted(r.participantGroup)
        r.lang = redacted(r.lang)
        r.liked = redacted(r.liked)
        r.improve = redacted(r.improve)
        r.comment = redacted(r.comment)
        r.extras = r.extras.map { (redacted($0.header)!, redacted($0.value)!) }
        if r.extras.isEmpty, let text = extras, ExtrasJSON.decode(text) == nil {
            extras = redacted(text)  // not written by ExtrasJSON: redacted as text, which keeps its JSON valid
        }
        if let sessionID = r.sessionID, let date = r.sessionDate, sessionID == derivedSession {
            // In the form of its time: migration v4 makes it a slug.
            let again = SessionKey.legacy(city: r.city, date: date,
                                          trainerKey: r.trainerID ?? r.trainerName.map { SessionKey.trainerKey(cleanedName: $0) })
            if again != sessionID { items += Redaction.redact(sessionID).total }
            r.sessionID = again
        } else {
            r.sessionID = redacted(r.sessionID)
        }
        guard items > 0 else { return 0 }
        if r != before, fingerprint != nil { fingerprint = r.contentFingerprint }
        if !r.extras.elementsEqual(before.extras, by: { $0 == $1 }) { extras = ExtrasJSON.encode(r.extras) }
        response = r
        return items
    }

    func update(_ db: Database, id: Int64) throws {
        let r = response
        try db.execute(sql: """
            UPDATE response SET response_id = ?, form_id = ?, fingerprint = ?, timestamp = ?, region = ?, city = ?,
                session_id = ?, trainer_id = ?, trainer_name = ?, module = ?, participant_group = ?, lang = ?,
                liked = ?, improve = ?, comment = ?, extras = ?
            WHERE id = ?
            """, arguments: [responseID, formID, fingerprint, r.timestamp, r.region, r.city, r.sessionID, r.trainerID,
                             r.trainerName, r.module, r.participantGroup, r.lang, r.liked, r.improve, r.comment, extras, id])
    }
}

extension ExtrasJSON {
    /// The pairs of an object written by `encode`, in order; nil for any other text.
    ///
    /// - Complexity: O(n) in the length of the text.
    static func decode(_ text: String) -> [(header: String, value: String)]? {
        var scalars = Array(text.unicodeScalars)[...]
        func string() -> String? {
            guard scalars.popFirst() == "\"" else { return nil }
            var out = String.UnicodeScalarView()
            while let c = scalars.popFirst() {
                switch c {
                case "\"": return String(out)
                case "\\":
                    switch scalars.popFirst() {
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "/": out.append("/")
                    case "n": out.append("\n")
                    case "r": out.append("\r")
                    case "t": out.append("\t")
                    case "u":
                        guard scalars.count >= 4, let v = UInt32(String(String.UnicodeScalarView(scalars.prefix(4))), radix: 16),
                              let scalar = Unicode.Scalar(v) else { return nil }
                        scalars = scalars.dropFirst(4)
                        out.append(scalar)
                    default: return nil
                    }
                default: out.append(c)
                }
            }
            return nil
        }
        guard scalars.popFirst() == "{" else { return nil }
        var pairs: [(header: String, value: String)] = []
        if scalars.first == "}" { return scalars.count == 1 ? [] : nil }
        while true {
            guard let header = string(), scalars.popFirst() == ":", let value = string() else { return nil }
            pairs.append((header, value))
            switch scalars.popFirst() {
            case ",": continue
            case "}": return scalars.isEmpty ? pairs : nil
            default: return nil
            }
        }
    }

    /// Whether a response id is the one derived from a file's hash and a line (`0123456789ab:42`).
    static func isDerivedID(_ id: String) -> Bool {
        let parts = id.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 12
            && parts[0].allSatisfy { $0 &- 0x30 < 10 || $0 &- 0x61 < 6 }
            && !parts[1].isEmpty && parts[1].allSatisfy { $0 &- 0x30 < 10 }
    }
}
