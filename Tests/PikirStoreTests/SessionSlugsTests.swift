import Foundation
import GRDB
import PikirNormalise
import Testing
import PikirEngine
import PikirModel
@testable import PikirStore

/// Migration v4: the session ids an earlier pikir derived (`Almaty/2024-11-05/T01`)
/// become slugs; ids from a registry or an export stay as they were written.
struct SessionSlugsTests {
    /// A warehouse made by migrations v1–v3, with responses as pikir stored them before slugs.
    static func oldWarehouse() throws -> String {
        let path = scratchDirectory().appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v3: personal data redacted in every stored text")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO file (id, path, sha256, size, encoding, delimiter, line_ending, header_line, records, accepted,
                                  rejected, duplicates, ignored, redactions, ingested_at)
                VALUES (1, 'old.csv', 'ab', 100, 'utf-8', ',', 'lf', 1, 7, 7, 0, 0, 0, 0, '2024-11-06T10:00:00Z')
                """)
            let rows: [(line: Int, city: String?, date: String?, session: String?, trainerID: String?, trainerName: String?)] = [
                (2, "Almaty", "2024-11-05", "Almaty/2024-11-05/T01", "T01", "Нұрлыбай Наурызбаев"),
                (3, "Almaty", "2024-11-05", "Almaty/2024-11-05/T01", "T01", "Нұрлыбай Наурызбаев"),
                (4, "Astana", "2022-11-05", "Astana/2022-11-05/aigerim", nil, "Айгерим"),
                (5, "Жаңаауыл", "2023-01-10", "Жаңаауыл/2023-01-10/-", nil, nil),
                (6, nil, "2023-01-11", "-/2023-01-11/dmitri kim", nil, "Дмитрий Ким"),
                // From a registry, and from an export's session column: never rewritten.
                (7, "Almaty", "2024-11-06", "ALM-2024-11-B", "T01", "Нұрлыбай Наурызбаев"),
                (8, "Almaty", "2024-11-05", "Almaty/2024-11-05/T09", "T01", "Нұрлыбай Наурызбаев"),
            ]
            for r in rows {
                try db.execute(sql: """
                    INSERT INTO response (response_id, file_id, source_line, city, session_date, session_id, trainer_id, trainer_name, overall)
                    VALUES (?, 1, ?, ?, ?, ?, ?, ?, 4)
                    """, arguments: ["ab:\(r.line)", r.line, r.city, r.date, r.session, r.trainerID, r.trainerName])
            }
            try db.execute(sql: """
                INSERT INTO session (session_id, city, date_from, date_to, trainer_key, module, registered)
                VALUES ('Almaty/2024-11-07/T01', 'Almaty', '2024-11-07', '2024-11-07', 'T01', NULL, 20)
                """)
        }
        return path
    }

    static func sessions(_ warehouse: SQLiteWarehouse) throws -> [String] {
        try warehouse.queue.read { db in try String.fetchAll(db, sql: "SELECT session_id FROM response ORDER BY source_line") }
    }

    @Test func derivedIdsBecomeSlugsAndOthersStay() throws {
        let path = try Self.oldWarehouse()
        let warehouse = try SQLiteWarehouse(path: path)
        #expect(try Self.sessions(warehouse) == [
            "almaty-2024-11-05-t01", "almaty-2024-11-05-t01", "astana-2022-11-05-aigerim", "zhangaauyl-2023-01-10",
            "2023-01-11-dmitri-kim", "ALM-2024-11-B", "Almaty/2024-11-05/T09",
        ])
        let registry = try warehouse.queue.read { db in try String.fetchAll(db, sql: "SELECT session_id FROM session") }
        #expect(registry == ["Almaty/2024-11-07/T01"], "the sessions registry is kept as written")
        #expect(try warehouse.count("SELECT count(*) FROM response") == 7)
        // Opened again: nothing left to do.
        let again = try warehouse.queue.write { db in try SessionSlugs.run(db) }
        #expect(again == 0)
    }

    @Test func newIngestsOfTheSameSessionJoinTheMigratedOnes() throws {
        let warehouse = try SQLiteWarehouse(path: try Self.oldWarehouse())
        let registry = TrainerRegistry([(id: "T01", name: "Нұрлыбай Наурызбаев", aliases: [])])
        let file = write("city,session_date,trainer,overall\nАлматы,05.11.2024,Наурызбаев Нурлыбай,5\n", to: "new.csv")
        let report = Ingestor(warehouse: warehouse, settings: NormaliserSettings(trainers: registry)).ingest(path: file)
        #expect(report.accepted == 1, "\(report)")
        let ids = try warehouse.queue.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT session_id FROM response WHERE trainer_id = 'T01' AND session_date = '2024-11-05'")
        }
        #expect(Set(ids) == ["almaty-2024-11-05-t01", "Almaty/2024-11-05/T09"])
    }
}
