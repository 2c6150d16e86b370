@testable import PikirAggregate
import Testing

@Suite("AggregateQuery.parse")
struct AggregateQueryTests {
    @Test("no flags: one overall group, overall measure, default statistics, min-n 5")
    func defaults() throws {
        let query = try AggregateQuery.parse(by: [], measures: [], stats: [], filters: [], minN: 5, sort: nil)
        #expect(query.by.isEmpty)
        #expect(query.measures == [Measure(.overall)])
        #expect(query.stats == [.n, .mean, .ci95, .median])
        #expect(query.filters.isEmpty)
        #expect(query.minN == 5)
        #expect(query.sort == nil)
    }
}
