import Foundation
import Testing
@testable import PikirModel

struct AccountingTests {
    @Test func recordsAreTheSumAndPlusAddsEveryCount() {
        let almaty = Accounting(accepted: 27, rejected: 1, duplicates: 1, ignored: 2, redactions: 3)
        let astana = Accounting(accepted: 40, rejected: 0, duplicates: 5, ignored: 1, redactions: 0)
        #expect(almaty.records == 31)
        let both = almaty + astana
        #expect(both == Accounting(accepted: 67, rejected: 1, duplicates: 6, ignored: 3, redactions: 3))
        #expect(both.records == 77)
        var total = Accounting()
        for file in [almaty, astana] { total += file }
        #expect(total == both)
    }

    /// `pikir ingest --format json` writes a file's counts flat beside its
    /// name, `records` included, as before the counts became one value.
    @Test func aReportIsWrittenFlatWithItsRecords() throws {
        var report = IngestReport(path: "2024-11-05_almaty.csv", status: .ingested)
        report.counts = Accounting(accepted: 27, rejected: 1, duplicates: 1, ignored: 2, redactions: 3)
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["records"] as? Int == 31)
        #expect(object["accepted"] as? Int == 27)
        #expect(object["redactions"] as? Int == 3)
        #expect(object["status"] as? String == "ingested")
        #expect(object["sha256"] == nil)
        #expect(try JSONDecoder().decode(IngestReport.self, from: data) == report)
    }
}
