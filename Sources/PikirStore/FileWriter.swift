import Foundation
import GRDB
import GRDBSQLite
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
    private let duplicates: DuplicateIndex
    /// The row's text values, copied once into one buffer that outlives the
    /// insert, so SQLite can read them in place (SQLITE_STATIC) instead of
    /// allocating a copy of each.
    private var arena: [UInt8] = []
    private var texts: [(index: Int32, start: Int, count: Int)] = []

    init(db: Database, entry: LedgerEntry, duplicates: DuplicateIndex) throws {
        self.db = db
        self.duplicates = duplicates
        try duplicates.refresh(db)
        try db.execute(sql: """
            INSERT INTO file (path, sha256, size, encoding, delimiter, line_ending, header_line,
                              records, accepted, rejected, duplicates, ignored, redactions, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?)
            """, arguments: [entry.path, entry.sha256, entry.size, entry.encoding, entry.delimiter,
                             entry.lineEnding, entry.headerLine, entry.ingestedAt])
        fileID = db.lastInsertedRowID
        insertResponse = try db.makeStatement(sql: """
            INSERT INTO response (response_id, form_id, file_id, source_line, fingerprint, timestamp, region, city,
                session_date, year, month, session_id, trainer_id, trainer_name, module, participant_group, lang,
                overall, delivery, content, organisation, applicability, nps, liked, improve, comment, extras)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertReject = try db.makeStatement(sql: "INSERT INTO reject (file_id, line, reason_code, reason, raw) VALUES (?, ?, ?, ?, ?)")
        insertIgnored = try db.makeStatement(sql: "INSERT INTO ignored_line (file_id, line, reason_code) VALUES (?, ?, ?)")
        insertDuplicate = try db.makeStatement(sql: "INSERT INTO duplicate (file_id, line, response_id, duplicate_of) VALUES (?, ?, ?, ?)")
        findOriginal = try db.makeStatement(sql: "SELECT response_id FROM response WHERE id = ?")
    }

    /// Stores a response; false when it duplicates one already stored.
    ///
    /// Binds through SQLite's C API: GRDB's `StatementArguments` boxes each of
    /// the 26 values, which cost more than the insert itself on a million rows.
    func insert(_ r: CanonicalResponse) throws -> Bool {
        let formID = r.hasFormID ? r.responseID : nil
        if let originalRow = duplicates.original(fingerprint: r.fingerprint, formID: formID) {
            let original = try String.fetchOne(findOriginal, arguments: [originalRow]) ?? r.responseID
            try insertDuplicate.execute(arguments: [fileID, r.sourceLine, r.responseID, original])
            return false
        }
        let s = r.scores
        let statement = insertResponse.sqliteStatement
        sqlite3_reset(statement)
        // Swapped in and out so the buffers stay uniquely owned (no copy on append).
        var bind = Binder(statement: statement, arena: [], texts: [])
        swap(&bind.arena, &arena)
        swap(&bind.texts, &texts)
        bind.arena.removeAll(keepingCapacity: true)
        bind.texts.removeAll(keepingCapacity: true)
        defer {
            swap(&bind.arena, &arena)
            swap(&bind.texts, &texts)
        }
        bind.text(r.responseID)
        bind.text(formID)
        bind.int(Int(fileID))
        bind.int(r.sourceLine)
        bind.int64(r.fingerprint)
        bind.text(r.timestamp)
        bind.text(r.region)
        bind.text(r.city)
        bind.text(r.sessionDate)
        bind.int(r.year)
        bind.int(r.month)
        bind.text(r.sessionID)
        bind.text(r.trainerID)
        bind.text(r.trainerName)
        bind.text(r.module)
        bind.text(r.participantGroup)
        bind.text(r.lang)
        bind.double(s.overall)
        bind.double(s.delivery)
        bind.double(s.content)
        bind.double(s.organisation)
        bind.double(s.applicability)
        bind.double(s.nps)
        bind.text(r.liked)
        bind.text(r.improve)
        bind.text(r.comment)
        bind.text(r.extras.isEmpty ? nil : ExtrasJSON.encode(r.extras))
        bind.bindTexts()
        let code = sqlite3_step(statement)
        sqlite3_clear_bindings(statement)  // the arena's bytes are about to be reused
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        duplicates.add(rowID: sqlite3_last_insert_rowid(db.sqliteConnection), fingerprint: r.fingerprint, formID: formID)
        return true
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

/// Binds values to consecutive parameters of a prepared statement. Text is
/// gathered into `arena` first and bound in place once the buffer stops
/// growing (`bindTexts`), so no value is copied twice.
private struct Binder {
    let statement: OpaquePointer
    var arena: [UInt8]
    var texts: [(index: Int32, start: Int, count: Int)]
    var index: Int32 = 1

    /// SQLite's SQLITE_STATIC: the bytes stay valid until the statement is stepped.
    private static let staticBytes = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String?) {
        defer { index += 1 }
        guard var value else { sqlite3_bind_null(statement, index); return }
        let start = arena.count
        value.withUTF8 { arena.append(contentsOf: $0) }
        texts.append((index, start, arena.count - start))
    }

    /// Binds every text gathered, now that the arena no longer moves.
    mutating func bindTexts() {
        arena.append(0)  // a non-empty buffer, so '' has an address too
        arena.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            for t in texts {
                sqlite3_bind_text(statement, t.index, base + t.start, Int32(t.count), Binder.staticBytes)
            }
        }
    }

    mutating func int(_ value: Int?) {
        defer { index += 1 }
        if let value { sqlite3_bind_int64(statement, index, Int64(value)) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func int64(_ value: Int64?) {
        defer { index += 1 }
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func double(_ value: Double?) {
        defer { index += 1 }
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
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
