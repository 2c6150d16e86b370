import Foundation
import GRDB
import Testing
import PikirEngine
import PikirModel
@testable import PikirStore

struct IngestorTests {
    @Test func everySampleFileIngestsWithABalancedAccountingAndRerunningChangesNothing() throws {
        let warehouse = try freshWarehouse()
        let ingestor = Ingestor(warehouse: warehouse)
        let first = sampleFiles().map(ingestor.ingest(path:))
        #expect(first.count == 15)
        for report in first {
            #expect(report.status == .ingested, "\(report.path): \(report.message ?? "")")
            #expect(report.balances, "\(report.path)")
        }
        let responses = try warehouse.count("SELECT count(*) FROM response")
        #expect(responses == first.reduce(0) { $0 + $1.accepted })
        #expect(try warehouse.count("SELECT count(*) FROM reject") == first.reduce(0) { $0 + $1.rejected })
        #expect(try warehouse.count("SELECT count(*) FROM duplicate") == first.reduce(0) { $0 + $1.duplicates })
        #expect(try warehouse.count("SELECT count(*) FROM ignored_line") == first.reduce(0) { $0 + $1.ignored })

        let again = sampleFiles().map(ingestor.ingest(path:))
        #expect(again.allSatisfy { $0.status == .skipped })
        #expect(try warehouse.count("SELECT count(*) FROM response") == responses)
        #expect(try warehouse.count("SELECT count(*) FROM file") == 15)
    }

    @Test func theSampleRejectsAndTheDoubleSubmitLandWhereExpected() throws {
        let warehouse = try freshWarehouse()
        let ingestor = Ingestor(warehouse: warehouse)
        _ = sampleFiles().map(ingestor.ingest(path:))
        let rejects = try warehouse.rejects().map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.reason_code)" }
        #expect(rejects == [
            "2024-11-05_almaty_excel-utf8_kk-ru_bad-row.csv:25:too_many_fields",
            "2024-11-14_shymkent_google-sheets_en-us.csv:38:ambiguous_date",
            "2024-12-06_taraz_excel-day-numbers_ru_cp1251.csv:19:impossible_date",
            "2025-05-16_astana_google-sheets_ru-kk_unterminated.csv:27:unterminated_quote",
        ])
        let duplicates = try warehouse.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT line FROM duplicate").map { $0[0] as Int }
        }
        #expect(duplicates == [25])  // the double submit of line 24 (see sample-data/README.md)
    }

    @Test func theSameContentUnderAnotherNameIsSkipped() throws {
        let warehouse = try freshWarehouse()
        let ingestor = Ingestor(warehouse: warehouse)
        let text = "Қала;Жалпы баға\nАлматы;5\nАстана;4\n"
        let a = ingestor.ingest(path: write(text, to: "a.csv"))
        let b = ingestor.ingest(path: write(text, to: "b.csv"))
        #expect(a.status == .ingested)
        #expect(b.status == .skipped)
        #expect(b.message?.contains("a.csv") == true)
    }

    @Test func overlappingGoogleFormsDownloadsCountEachResponseOnce() throws {
        let warehouse = try freshWarehouse()
        let ingestor = Ingestor(warehouse: warehouse)
        let header = "Timestamp,City,Overall rating,Comment\n"
        let october = header + "2024/10/05 10:00:01 AM GMT+6,Almaty,5,Great\n2024/10/05 10:02:13 AM GMT+6,Almaty,4,\n"
        let november = october + "2024/11/05 11:00:00 AM GMT+6,Astana,3,Ok\n"
        let first = ingestor.ingest(path: write(october, to: "october.csv"))
        let second = ingestor.ingest(path: write(november, to: "november.csv"))
        #expect(first.accepted == 2)
        #expect(second.accepted == 1)
        #expect(second.duplicates == 2)
        #expect(second.balances)
        #expect(try warehouse.count("SELECT count(*) FROM response") == 3)
    }

    @Test func identicalAnswersWithoutATimestampAreTwoPeopleNotADuplicate() throws {
        let warehouse = try freshWarehouse()
        let report = Ingestor(warehouse: warehouse).ingest(path: write("Город;Общая оценка\nАлматы;5\nАлматы;5\n", to: "x.csv"))
        #expect(report.accepted == 2)
        #expect(report.duplicates == 0)
    }

    @Test func normaliserRejectsAreStoredWithLineCodeAndRaw() throws {
        let warehouse = try freshWarehouse()
        let text = "Қала;Күні;Жалпы баға\nАлматы;05.11.2024;5\nАстана;31.02.2024;4\nҚарағанды;06.11.2024;7\nАлматы;07.11.2024;\n"
        let report = Ingestor(warehouse: warehouse).ingest(path: write(text, to: "bad.csv"))
        #expect(report.accepted == 1)
        #expect(report.rejected == 3)
        #expect(report.balances)
        let rejects = try warehouse.rejects()
        #expect(rejects.map(\.line) == [3, 4, 5])
        #expect(rejects.map(\.reason_code) == ["impossible_date", "score_out_of_range", "no_answers"])
        #expect(rejects[0].raw == "Астана;31.02.2024;4")
        #expect(rejects[1].reason.contains("Жалпы баға"))
    }

    @Test func personalDataIsRedactedBeforeStorage() throws {
        let warehouse = try freshWarehouse()
        let text = "Город;Оценка;Комментарий\nАлматы;5;\"Звоните +7 701 234 5678, пишите aigerim@mail.kz, ИИН 950315300019\"\n"
        let report = Ingestor(warehouse: warehouse).ingest(path: write(text, to: "pii.csv"))
        #expect(report.redactions == 3)
        let comment = try warehouse.queue.read { db in try String.fetchOne(db, sql: "SELECT comment FROM response") }
        #expect(comment == "Звоните [PHONE], пишите [EMAIL], ИИН [IIN]")
        let everything = try warehouse.queue.read { db in
            try String.fetchAll(db, sql: "SELECT coalesce(comment,'') || coalesce(extras,'') FROM response").joined()
        }
        #expect(!everything.contains("701"))
        #expect(!everything.contains("@"))
    }

    @Test func filesThatCannotBeUsedFailWithAMessageAndTheOthersStillIngest() throws {
        let warehouse = try freshWarehouse()
        let ingestor = Ingestor(warehouse: warehouse)
        let dir = scratchDirectory()
        let unknown = ingestor.ingest(path: write("Foo;Bar\n1;2\n", to: "unknown.csv", in: dir))
        let empty = ingestor.ingest(path: write("", to: "empty.csv", in: dir))
        let missing = ingestor.ingest(path: dir.appendingPathComponent("missing.csv").path)
        let good = ingestor.ingest(path: write("Город;Оценка\nАлматы;5\n", to: "good.csv", in: dir))
        #expect(unknown.status == .failed)
        #expect(unknown.message?.contains("--map") == true)
        #expect(empty.status == .failed)
        #expect(empty.message?.contains("empty") == true)
        #expect(missing.status == .failed)
        #expect(good.status == .ingested)
        #expect(try warehouse.count("SELECT count(*) FROM file") == 1)
    }
}

struct ParallelIngestTests {
    /// Every response, reject and duplicate as exported, for comparing warehouses.
    private func contents(_ warehouse: SQLiteWarehouse) throws -> [String] {
        var rows: [String] = []
        try warehouse.forEachResponse { rows.append($0.map { $0 ?? "∅" }.joined(separator: "|")) }
        rows += try warehouse.rejects().map { "\($0.file):\($0.line):\($0.reason_code)" }
        rows += try warehouse.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT f.path, d.line, d.response_id, d.duplicate_of FROM duplicate d JOIN file f ON f.id = d.file_id ORDER BY d.rowid")
                .map { "\($0[0] as String):\($0[1] as Int):\($0[2] as String)=\($0[3] as String)" }
        }
        return rows
    }

    @Test(arguments: [2, 3, 8])
    func theWarehouseEndsTheSameWhateverTheParallelism(_ parallelism: Int) throws {
        // The same response in two files: which copy is the original must not depend on timing.
        let dir = scratchDirectory()
        let first = write("Дата;Город;Тренер;Общая оценка;Комментарий\n05.11.2024;Алматы;Нурлыбай Наурызбаев;5;Отлично\n", to: "a.csv", in: dir)
        let twin = write("Күні;Қала;Тренер;Жалпы баға;Пікір\n05.11.2024;Алматы;Нурлыбай Наурызбаев;5;Отлично\n06.11.2024;Астана;Aigerim;4;Jaqsy\n", to: "b.csv", in: dir)
        let paths = sampleFiles() + [first, twin]

        let serial = try freshWarehouse()
        let serialReports = Ingestor(warehouse: serial).ingest(paths: paths, parallelism: 1)
        let parallel = try freshWarehouse()
        var order: [String] = []
        let parallelReports = Ingestor(warehouse: parallel).ingest(paths: paths, parallelism: parallelism) { order.append($0.path) }

        #expect(order == paths, "reports come in the order the files were given")
        #expect(parallelReports.map(\.status) == serialReports.map(\.status))
        #expect(parallelReports.map(\.accepted) == serialReports.map(\.accepted))
        #expect(parallelReports.map(\.duplicates) == serialReports.map(\.duplicates))
        #expect(parallelReports.allSatisfy { $0.balances })
        #expect(try contents(parallel) == (try contents(serial)))
        #expect(try parallel.count("SELECT count(*) FROM response") > 400)
    }

    @Test func aFileGivenTwiceInOneRunIsStoredOnce() throws {
        let warehouse = try freshWarehouse()
        let path = write("City,Overall\nAlmaty,5\nAstana,4\n", to: "twice.csv")
        let reports = Ingestor(warehouse: warehouse).ingest(paths: [path, path], parallelism: 2)
        #expect(reports.map(\.status) == [.ingested, .skipped])
        #expect(try warehouse.count("SELECT count(*) FROM response") == 2)
    }
}
