import Foundation
import GRDB
import PikirNormalise
import Testing
import PikirEngine
import PikirModel
@testable import PikirStore

/// Migration v3: a warehouse an earlier pikir wrote, with personal data in
/// every place it kept it, is redacted in place when opened.
struct StoredRedactionTests {
    static let personalData = ["950315300019", "050712600425", "9503 1530 0019", "+7 701 123 45 67", "87011112233",
                               "+7 701 234 56 78", "a@b.kz", "A@b.Kz", "иван@mail.ru"]
    static let sha = "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"

    /// What an earlier version stored for
    /// `950315300019,2024/11/05 10:00:01 AM GMT+6,Almaty a@b.kz,Dmitriy Kim +7 701 123 45 67,5,call 87011112233,иван@mail.ru`
    /// (city and trainer cleaned but not redacted, the comment redacted, the
    /// extra not), with its fingerprint computed the way it did.
    static func oldRow() -> CanonicalResponse {
        var r = CanonicalResponse(responseID: "950315300019", sourceFile: "", sourceLine: 2)
        r.hasFormID = true
        r.timestamp = "2024/11/05 10:00:01 AM GMT+6"
        r.city = "Almaty A@b.Kz"
        r.sessionDate = "2024-11-05"
        r.year = 2024
        r.month = 11
        r.trainerName = "Dmitriy Kim +7 701 123 45 67"
        r.sessionID = SessionKey.legacy(city: r.city, date: "2024-11-05", trainerKey: TextFolding.matchKey(r.trainerName!))
        r.lang = "en"
        r.scores.overall = 5
        r.comment = "call [PHONE]"
        r.extras = [("Questions? call +7 701 234 56 78", "иван@mail.ru")]
        r.fingerprint = r.contentFingerprint
        return r
    }

    /// A warehouse made by migrations v1 and v2 only, holding `oldRow`, a
    /// response with a session id from its export, two rejects and a duplicate.
    static func oldWarehouse() throws -> String {
        let path = scratchDirectory().appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v2: sessions registry")
        let r = oldRow()
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO file (id, path, sha256, size, encoding, delimiter, line_ending, header_line, records, accepted,
                                  rejected, duplicates, ignored, redactions, ingested_at)
                VALUES (1, 'old.csv', ?, 100, 'utf-8', ',', 'lf', 1, 6, 2, 2, 1, 1, 1, '2024-11-06T10:00:00Z')
                """, arguments: [sha])
            try db.execute(sql: """
                INSERT INTO response (response_id, form_id, file_id, source_line, fingerprint, timestamp, city, session_date,
                                      year, month, session_id, trainer_name, lang, overall, comment, extras)
                VALUES (?, ?, 1, 2, ?, ?, ?, ?, 2024, 11, ?, ?, 'en', 5, ?, ?)
                """, arguments: [r.responseID, r.responseID, r.fingerprint, r.timestamp, r.city, r.sessionDate, r.sessionID,
                                 r.trainerName, r.comment, ExtrasJSON.encode(r.extras)])
            try db.execute(sql: """
                INSERT INTO response (response_id, file_id, source_line, city, session_id, module, participant_group, overall)
                VALUES ('abcdef012345:3', 1, 3, 'Astana', 'S-1 9503 1530 0019', 'Open 87011112233', 'student', 4)
                """)
            try db.execute(sql: """
                INSERT INTO reject (file_id, line, reason_code, reason, raw) VALUES
                  (1, 4, 'score_out_of_range', 'overall: “9” is outside the 1–5 scale of this question',
                   '2024/11/05 10:05:00 AM GMT+6,Almaty,Dmitriy Kim,9,IIN 950315300019 tel +7 701 123 45 67 mail a@b.kz'),
                  (1, 5, 'score_unrecognised', 'overall: “050712600425” is not a score', '2024/11/05 10:06:00 AM GMT+6,Almaty,,050712600425,')
                """)
            try db.execute(sql: "INSERT INTO duplicate (file_id, line, response_id, duplicate_of) VALUES (1, 6, '950315300019', '950315300019')")
            try db.execute(sql: "INSERT INTO ignored_line (file_id, line, reason_code) VALUES (1, 7, 'totals_row')")
        }
        return path
    }

    /// Every text in every table of the warehouse.
    static func everyText(_ warehouse: SQLiteWarehouse) throws -> [String] {
        try warehouse.queue.read { db in
            var texts: [String] = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
                    for value in row.databaseValues { if let text = String.fromDatabaseValue(value) { texts.append(text) } }
                }
            }
            return texts
        }
    }

    @Test func anEarlierWarehouseIsRedactedInPlaceAndCounted() throws {
        let path = try Self.oldWarehouse()
        let warehouse = try SQLiteWarehouse(path: path)
        // Row 1: form id, city, trainer, extra key and value, and the session id
        // made of them (an e-mail and a phone); row 2: session id and module;
        // rejects: 3 in the first raw line, 1 in the second and 1 in its reason;
        // the duplicate's own id (it names the renamed form id, not counted again).
        #expect(warehouse.migratedRedactions == 7 + 2 + 5 + 1)
        for text in try Self.everyText(warehouse) {
            for pd in Self.personalData { #expect(!text.contains(pd), "\(text) holds \(pd)") }
        }
        let row = try #require(try warehouse.queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM response WHERE source_line = 2")
        })
        // The IIN was the form id: the response now has none, and the id of its file and line.
        #expect(row["form_id"] as String? == nil)
        #expect(row["response_id"] as String == "abcdef012345:2")
        #expect(row["city"] as String == "Almaty [EMAIL]")
        #expect(row["trainer_name"] as String == "Dmitriy Kim [PHONE]")
        #expect(row["session_id"] as String == SessionKey.derived(city: "Almaty [EMAIL]", date: "2024-11-05",
                                                                  trainerKey: TextFolding.matchKey("Dmitriy Kim [PHONE]")))
        #expect(row["extras"] as String == ExtrasJSON.encode([("Questions? call [PHONE]", "[EMAIL]")]))
        let second = try #require(try warehouse.queue.read { db in
            try Row.fetchOne(db, sql: "SELECT session_id, module FROM response WHERE source_line = 3")
        })
        #expect(second["session_id"] as String == "S-1 [IIN]")
        #expect(second["module"] as String == "Open [PHONE]")
        let rejects = try warehouse.rejects()
        #expect(rejects.map(\.raw) == ["2024/11/05 10:05:00 AM GMT+6,Almaty,Dmitriy Kim,9,IIN [IIN] tel [PHONE] mail [EMAIL]",
                                       "2024/11/05 10:06:00 AM GMT+6,Almaty,,[IIN],"])
        #expect(rejects[1].reason == "overall: “[IIN]” is not a score")
        let duplicate = try warehouse.queue.read { db in try Row.fetchOne(db, sql: "SELECT response_id, duplicate_of FROM duplicate") }
        #expect(duplicate?["response_id"] as String? == "abcdef012345:6")
        #expect(duplicate?["duplicate_of"] as String? == "abcdef012345:2")
        // The ledger's count grows by what the migration redacted.
        #expect(try warehouse.count("SELECT redactions FROM file") == 1 + 15)
        #expect(try warehouse.count("SELECT count(*) FROM response") == 2)
        #expect(try warehouse.count("SELECT count(*) FROM ignored_line") == 1)

        // Nor in the file's free space, where the rewritten rows' old text was.
        try warehouse.checkpoint()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for pd in Self.personalData { #expect(bytes.range(of: Data(pd.utf8)) == nil, "the file holds \(pd)") }

        // Opened again: nothing left to migrate, nothing to report.
        #expect(try SQLiteWarehouse(path: path).migratedRedactions == nil)
    }

    @Test func theSameAnswersIngestedAfterTheMigrationAreStillADuplicate() throws {
        let path = try Self.oldWarehouse()
        let warehouse = try SQLiteWarehouse(path: path)
        let text = "response_id,timestamp,city,trainer,overall,comment,Questions? call +7 701 234 56 78\n"
            + "R-2,2024/11/05 10:00:01 AM GMT+6,Almaty a@b.kz,Dmitriy Kim +7 701 123 45 67,5,call 87011112233,иван@mail.ru\n"
        let report = Ingestor(warehouse: warehouse).ingest(path: write(text, to: "again.csv"))
        #expect(report.status == .ingested)
        #expect(report.duplicates == 1)
        #expect(report.accepted == 0)
    }

    @Test func aNewWarehouseReportsNoMigration() throws {
        #expect(try freshWarehouse().migratedRedactions == nil)
    }

    @Test func extrasReadBackInTheirOrder() {
        let pairs: [(header: String, value: String)] = [("Б", "x\"y\\z\n"), ("A", "\u{01}"), ("column3", "ИИН [IIN]")]
        let decoded = ExtrasJSON.decode(ExtrasJSON.encode(pairs))
        #expect(decoded?.map(\.header) == pairs.map(\.header))
        #expect(decoded?.map(\.value) == pairs.map(\.value))
        #expect(ExtrasJSON.decode("{}")?.isEmpty == true)
        #expect(ExtrasJSON.decode("[1]") == nil)
        #expect(ExtrasJSON.decode("{\"a\":1}") == nil)
    }
}
