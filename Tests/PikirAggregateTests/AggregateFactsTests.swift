@testable import PikirAggregate
import PikirStats
import Testing

/// The group's own counts, one suppression policy with its complement, and
/// the command line a report prints for a query.
struct AggregateFactsTests {
    /// Kazakh and Russian city names, a 3-answer town beside regions of 82, 7 and 40.
    static var towns: [Response] {
        func city(_ name: String, _ count: Int, session: (Int) -> String, date: (Int) -> String) -> [Response] {
            (0..<count).map { i in
                var r = Response()
                r.city = name
                r.session = session(i)
                r.sessionDate = date(i)
                r.overall = Double(1 + i % 5)
                r.nps = i % 4 == 0 ? nil : Double(i % 11)
                return r
            }
        }
        return city("Қарағанды", 82, session: { "KAR-\($0 % 4)" }, date: { "2024-03-\(10 + $0 % 4)" })
            + city("Алматы", 3, session: { _ in "ALM" }, date: { _ in "2024-05-02" })
            + city("Шымкент", 7, session: { "SHY-\($0 % 2)" }, date: { "2024-0\(6 + $0 % 2)-01" })
            + city("Астана", 40, session: { _ in "AST" }, date: { _ in "2024-01-20" })
    }

    @Test("responses, sessions and first_date per group, the same for each measure; withheld with the statistics")
    func groupFacts() throws {
        var withEmpty = Self.towns
        var blank = Response()
        blank.city = "Тараз"
        blank.session = "TAR"
        withEmpty.append(blank)  // a response with no answer to either measure
        let rows = aggregate(withEmpty, try query(by: ["city"], measures: ["overall,nps"], stats: ["responses,sessions,first_date,n"], minN: 5))
        func facts(_ city: String) -> [String] {
            rows.filter { $0.text(.city) == city }.map { row in
                [row.value(.responses), row.value(.sessions), row.value(.firstDate)].map { $0.map { "\($0)" } ?? "nil" }.joined(separator: " ")
            }
        }
        #expect(facts("Қарағанды") == Array(repeating: "count(82) count(4) text(\"2024-03-10\")", count: 2))
        #expect(facts("Шымкент") == Array(repeating: "count(7) count(2) text(\"2024-06-01\")", count: 2))
        #expect(facts("Алматы") == ["nil nil nil", "nil nil nil"], "3 answers: suppressed, its counts too")
        #expect(facts("Тараз") == ["count(1) count(1) nil", "count(1) count(1) nil"], "no answers: n 0 is not suppressed")
    }

    @Test("primary suppression 1 ≤ n < k; --complementary adds the smallest other group of the measure, not the region of 82")
    func complementary() throws {
        let primary = aggregate(Self.towns, try query(by: ["city"], measures: ["overall"], minN: 5))
        #expect(primary.map { "\($0.text(.city)!) \($0.suppression)" } == ["Алматы primary", "Астана published", "Шымкент published", "Қарағанды published"])
        var q = try query(by: ["city"], measures: ["overall,nps"], minN: 5)
        q.complementary = true
        let rows = aggregate(Self.towns, q)
        #expect(rows.map { "\($0.text(.city)!) \($0.measure.name) \($0.n) \($0.suppression)" } == [
            "Алматы overall 3 primary", "Алматы nps 2 primary",
            "Астана overall 40 published", "Астана nps 30 published",
            "Шымкент overall 7 complementary", "Шымкент nps 5 complementary",
            "Қарағанды overall 82 published", "Қарағанды nps 61 published",
        ])
        #expect(rows.filter(\.suppressed).allSatisfy { $0.value(.mean) == nil })
    }

    @Test("the printed command parses back into the same query")
    func commandLine() throws {
        var q = try query(by: ["region,group"], measures: ["overall,nps"], stats: ["sessions,responses,n,mean,ci95,nps"],
                          filters: ["year=2024", "region=Қарағанды"], minN: 5)
        q.complementary = true
        q.from = "2024-01-01"
        #expect(q.commandLine == ["pikir", "agg", "--by", "region,group", "--measure", "overall,nps", "--stat", "sessions,responses,n,mean,ci95,nps",
                                  "--where", "year=2024", "--where", "region=Қарағанды", "--from", "2024-01-01", "--min-n", "5", "--complementary"])
        let back = try AggregateQuery.parse(by: ["region,group"], measures: ["overall,nps"], stats: ["sessions,responses,n,mean,ci95,nps"],
                                            filters: ["year=2024", "region=Қарағанды"], minN: 5, sort: nil, from: "2024-01-01", complementary: true)
        #expect(back.commandLine == q.commandLine)
        #expect(back.filters.map(\.values) == [["2024"], ["KZ-35"]], "the region's name stands for its code")
    }
}
