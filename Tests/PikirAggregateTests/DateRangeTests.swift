@testable import PikirAggregate
import Testing

/// `--from` / `--to`: session days kept, inclusive, written in any form the
/// date reader knows and stored as ISO days.
@Suite("AggregateQuery --from/--to")
struct DateRangeTests {
    private func range(from: String?, to: String?) throws -> AggregateQuery {
        try AggregateQuery.parse(by: [], measures: [], stats: [], filters: [], minN: 0, sort: nil, from: from, to: to)
    }

    @Test("ISO, dotted and written dates in Russian or Kazakh become yyyy-mm-dd", arguments: [
        ("2024-11-05", "2024-11-05"), ("05.11.2024", "2024-11-05"), ("5 ноября 2024", "2024-11-05"), ("2024 ж. 5 қараша", "2024-11-05"),
    ])
    func parse(text: String, iso: String) throws {
        let q = try range(from: text, to: text)
        #expect(q.from == iso, "--from \(text)")
        #expect(q.to == iso, "--to \(text)")
    }

    @Test("no --from or --to: no date limit")
    func none() throws {
        let q = try range(from: nil, to: nil)
        #expect(q.from == nil && q.to == nil)
    }

    @Test("a day that is not a date is refused, naming the flag and the form", arguments: ["2024-13-01", "завтра", "2024-02-30"])
    func invalid(text: String) {
        let error = #expect(throws: QueryError.self) { try range(from: text, to: nil) }
        let message = error?.message ?? ""
        #expect(message.contains("--from '\(text)'"), "\(message)")
        #expect(message.contains("yyyy-mm-dd"), "\(message)")
    }

    @Test("the aggregator keeps session days from --from to --to inclusive; a response without a day is left out")
    func kept() throws {
        let days = ["2024-11-04", "2024-11-05", "2024-11-06", "2024-12-01", "2023-11-05"]
        let responses = days.map { Response(sessionDate: $0, overall: 4) } + [Response(overall: 4)]
        let aggregator = Aggregator(query: try range(from: "05.11.2024", to: "2024-12-01"))
        for response in responses { aggregator.add(FakeRow(response, columns: aggregator.columns)) }
        #expect(aggregator.rows().map(\.n) == [3], "5 Nov, 6 Nov and 1 Dec 2024")
        #expect(aggregator.rowsKept == 3)
        #expect(aggregator.rowsRead == 6)
        let open = aggregate(responses, try range(from: "2024-11-06", to: nil))
        #expect(open.map(\.n) == [2], "--from alone: 6 Nov and 1 Dec")
    }
}
