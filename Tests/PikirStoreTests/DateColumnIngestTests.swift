import Foundation
import GRDB
import Testing
import PikirEngine
import PikirModel
@testable import PikirStore

/// A date column whose order only the whole file settles, ingested on
/// several normaliser lanes: every lane reads it with the one census.
struct DateColumnIngestTests {
    /// An English-locale Google Sheet of 2,000 answers (four batches, so both
    /// lanes): the stamps that read both ways come first, the values that
    /// settle the column (month first) last, and one day-first value
    /// contradicts them.
    static func englishSheet() -> String {
        var text = "Timestamp,City,Overall rating\n"
        for i in 0..<1997 {
            // Distinct stamps: the same stamp with the same answers would be a duplicate download.
            text += "\(1 + i % 12)/\(1 + i % 12 == 5 ? 6 : 5)/2024 9:\(String(format: "%02d:%02d", i / 60, i % 60)),Almaty,\(1 + i % 5)\n"
        }
        text += "3/14/2024 10:00:00,Astana,5\n3/15/2024 10:00:00,Astana,4\n14/3/2024 10:00:00,Astana,3\n"
        return text
    }

    @Test(arguments: [1, 2])
    func everyLaneReadsTheColumnAsAWhole(_ parallelism: Int) throws {
        let warehouse = try freshWarehouse()
        let path = write(Self.englishSheet(), to: "english-sheet.csv")
        let reports = Ingestor(warehouse: warehouse).ingest(paths: [path], parallelism: parallelism)
        #expect(reports.first?.status == .ingested)
        #expect(reports.first?.accepted == 1999)
        #expect(reports.first?.rejected == 1)
        #expect(reports.first?.balances == true)
        let dates = try warehouse.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT source_line, session_date FROM response ORDER BY source_line")
                .map { ($0[0] as Int, $0[1] as String) }
        }
        try #require(dates.count == 1999)
        #expect(dates[0] == (2, "2024-01-05"))  // 1/5/2024: 5 January
        #expect(dates[4] == (6, "2024-05-06"))  // 5/6/2024: 6 May
        #expect(dates[1998] == (2000, "2024-03-15"))
        let reject = try #require(try warehouse.rejects().first)
        #expect(reject.line == 2001)
        #expect(reject.reason_code == "ambiguous_date")
        #expect(reject.reason.contains("the first is line 1999: ‘3/14/2024’"))
    }
}
