@testable import PikirAggregate
import Testing

/// Row order: natural (dimensions, then measures as asked), or `--sort` with
/// missing values last in either direction and ties in natural order.
@Suite("AggregateRow order and --sort")
struct AggregateSortTests {
    /// Almaty: mean 4.5 (n 4); Astana: mean 3 (n 6); Караганда: n 2, suppressed;
    /// no city: mean 4 (n 4). Every response also answers nps.
    static let responses: [Response] =
        answers([5, 4, 5, 4], Response(city: "Almaty", nps: 9))
        + answers([3, 3, 3, 3, 3, 3], Response(city: "Astana", nps: 6))
        + answers([5, 5], Response(city: "Караганда", nps: 10))
        + answers([4, 4, 4, 4], Response(nps: 8))

    private func cities(sort: String?, stats: [String] = [], measures: [String] = []) throws -> [String] {
        let rows = aggregate(Self.responses, try query(by: ["city"], measures: measures, stats: stats, minN: 3, sort: sort))
        return rows.map { "\($0.text(.city) ?? "—")" + (measures.isEmpty ? "" : " \($0.measure.name)") }
    }

    @Test("natural order: by the dimension, missing last")
    func natural() throws {
        #expect(try cities(sort: nil) == ["Almaty", "Astana", "Караганда", "—"])
    }

    @Test("--sort mean: ascending, the suppressed group (no mean) last")
    func ascending() throws {
        #expect(try cities(sort: "mean") == ["Astana", "—", "Almaty", "Караганда"])
    }

    @Test("--sort=-mean: descending, the suppressed group still last")
    func descending() throws {
        #expect(try cities(sort: "-mean") == ["Almaty", "—", "Astana", "Караганда"])
    }

    @Test("--sort n: ties keep the natural order; n is known even when suppressed")
    func byN() throws {
        #expect(try cities(sort: "n") == ["Караганда", "Almaty", "—", "Astana"])
        #expect(try cities(sort: "-n") == ["Astana", "Almaty", "—", "Караганда"])
    }

    @Test("--sort by the dimension, either way, with the missing value last")
    func byDimension() throws {
        #expect(try cities(sort: "city") == ["Almaty", "Astana", "Караганда", "—"])
        #expect(try cities(sort: "-city") == ["Караганда", "Astana", "Almaty", "—"])
    }

    @Test("--sort ci95 orders by the lower bound")
    func byInterval() throws {
        // Lower bounds (agg_golden.py's interval): Almaty 1.54, no city 1.91, Astana 2.19
        // (six answers of 3 are a narrow interval in the middle of the scale).
        #expect(try cities(sort: "ci95") == ["Almaty", "—", "Astana", "Караганда"])
        #expect(try cities(sort: "-ci95") == ["Astana", "—", "Almaty", "Караганда"], "no interval: last")
    }

    @Test("several measures: natural order keeps the measures as asked within each group")
    func measuresNatural() throws {
        #expect(try cities(sort: nil, measures: ["nps,overall"]).prefix(4) == ["Almaty nps", "Almaty overall", "Astana nps", "Astana overall"])
    }

    @Test("--sort=-nps: the 1–5 rows have no NPS and go last; --sort measure orders by name")
    func npsAndMeasure() throws {
        let byNPS = try cities(sort: "-nps", measures: ["overall,nps"])
        #expect(byNPS.prefix(3) == ["Almaty nps", "— nps", "Astana nps"], "\(byNPS)")
        #expect(byNPS.suffix(5).allSatisfy { $0.hasSuffix("overall") || $0 == "Караганда nps" }, "\(byNPS)")
        let byMeasure = try cities(sort: "measure", measures: ["overall,nps"])
        #expect(byMeasure.prefix(4).allSatisfy { $0.hasSuffix(" nps") }, "nps < overall: \(byMeasure)")
    }

    @Test("--sort=-year is numeric")
    func byYear() throws {
        let responses = [Response(year: 999, overall: 4), Response(year: 2024, overall: 4), Response(year: 2019, overall: 4), Response(overall: 4)]
        let rows = aggregate(responses, try query(by: ["year"], minN: 0, sort: "-year"))
        #expect(rows.map { $0.text(.year) } == ["2024", "2019", "999", nil])
    }
}
