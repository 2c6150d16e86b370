@testable import PikirAggregate
import Testing

/// `--sort KEY` and `--sort=-KEY`: which keys are valid and how they parse.
@Suite("AggregateQuery.parse --sort")
struct SortKeyTests {
    @Test("a statistic sorts ascending, with - descending", arguments: [
        ("mean", "mean", false), ("-mean", "mean", true), ("n", "n", false), ("-n", "n", true),
        ("-MEAN", "mean", true), ("ci95", "ci95", false), ("-top2", "top2", true), ("nps", "nps", false),
    ])
    func stat(text: String, key: String, descending: Bool) throws {
        let sort = try #require(try query(sort: text).sort, "--sort \(text)")
        #expect(sort.key == key, "--sort \(text)")
        #expect(sort.descending == descending, "--sort \(text)")
    }

    @Test("a grouping dimension and measure are sort keys")
    func dimensionAndMeasure() throws {
        let q = try query(by: ["region,year"], sort: "-year")
        #expect(q.sort?.key == "year")
        #expect(q.sort?.descending == true)
        #expect(try query(by: ["trainer"], sort: "trainer").sort?.key == "trainer")
        #expect(try query(sort: "measure").sort?.key == "measure")
    }

    @Test("no --sort, or an empty one, keeps the natural order")
    func none() throws {
        #expect(try query(sort: nil).sort == nil)
        #expect(try query(sort: "").sort == nil)
    }

    @Test("a dimension not grouped by, dist, or an unknown key is refused with the valid keys",
          arguments: ["city", "-city", "dist", "average", "trainer_id"])
    func invalid(text: String) {
        let error = #expect(throws: QueryError.self) { try query(by: ["region"], sort: text) }
        let message = error?.message ?? ""
        let key = text.hasPrefix("-") ? String(text.dropFirst()) : text
        #expect(message.contains("'\(key)'"), "names the key: \(message)")
        #expect(message.contains("region, measure, n, mean"), "lists the grouping dimensions, measure and statistics: \(message)")
        let valid = message.split(separator: "valid:").last ?? ""
        #expect(!valid.contains("dist"), "dist is not a sort key: \(message)")
        #expect(message.contains("-"), "explains descending: \(message)")
    }
}
