@testable import PikirAggregate
import Testing

/// `AggregateQuery.parse`: the --by, --measure, --stat, --min-n and --sort flags.
@Suite("AggregateQuery.parse")
struct AggregateQueryTests {
    @Test("no flags: one overall group, overall measure, default statistics, min-n 5")
    func defaults() throws {
        let query = try AggregateQuery.parse(by: [], measures: [], stats: [], filters: [], minN: 5, sort: nil)
        #expect(query.by.isEmpty, "no --by is one overall group")
        #expect(query.measures == [Measure(.overall)], "the default measure is overall")
        #expect(query.stats == [.n, .mean, .ci95, .median], "the default statistics are n,mean,ci95,median")
        #expect(query.filters.isEmpty)
        #expect(query.minN == 5)
        #expect(query.sort == nil)
    }

    @Test("every dimension is accepted by name, in any case", arguments: Dimension.allCases)
    func eachDimension(dimension: Dimension) throws {
        #expect(try query(by: [dimension.rawValue]).by == [dimension])
        #expect(try query(by: [dimension.rawValue.uppercased()]).by == [dimension], "--by \(dimension.rawValue.uppercased())")
    }

    @Test("the nine dimensions of the spec, and no others")
    func dimensionNames() {
        #expect(Dimension.allCases.map(\.rawValue) == ["region", "city", "year", "month", "session", "trainer", "module", "group", "lang"])
    }

    @Test("every measure is accepted by name", arguments: ["overall", "delivery", "content", "organisation", "applicability", "nps"])
    func eachMeasure(name: String) throws {
        let measures = try query(measures: [name]).measures
        #expect(measures.map(\.name) == [name], "--measure \(name) replaces the default")
        #expect(measures.first?.scale == (name == "nps" ? 0...10 : 1...5), "\(name) is on the right scale")
    }

    @Test("every statistic is accepted by name", arguments: Stat.allCases)
    func eachStat(stat: Stat) throws {
        #expect(try query(stats: [stat.rawValue]).stats == [stat], "--stat \(stat.rawValue) replaces the defaults")
    }

    @Test("the fourteen statistics of the answers and the group's three counts of the spec, and no others")
    func statNames() {
        #expect(Stat.allCases.map(\.rawValue) == ["n", "mean", "sd", "se", "ci95", "median", "p25", "p75", "min", "max", "top2", "bottom2", "nps", "dist",
                                                   "responses", "sessions", "first_date"])
    }

    @Test("comma lists and repeated flags add up in order, spaces trimmed, repeats dropped")
    func listsAndRepeats() throws {
        let q = try query(by: ["region, year", "trainer", "YEAR"], measures: ["nps,overall", "nps"],
                          stats: ["mean,sd", " p25 ,p75", "mean"])
        #expect(q.by == [.region, .year, .trainer])
        #expect(q.measures.map(\.name) == ["nps", "overall"])
        #expect(q.stats == [.mean, .sd, .p25, .p75])
    }

    @Test("empty items between commas are ignored")
    func emptyItems() throws {
        #expect(try query(by: ["region,,year,"]).by == [.region, .year])
        #expect(try query(stats: [","]).stats == Stat.defaults, "an empty --stat list keeps the defaults")
    }

    @Test("--by all and --by none are one overall group", arguments: ["all", "ALL", "none"])
    func all(word: String) throws {
        #expect(try query(by: [word]).by.isEmpty)
    }

    @Test("--min-n 0 is allowed (nothing suppressed)")
    func minNZero() throws {
        #expect(try query(minN: 0).minN == 0)
        #expect(try query(minN: 30).minN == 30)
    }

    // MARK: - Errors

    @Test("an unknown dimension names itself and every valid dimension, and all",
          arguments: ["regoin", "регион", "oblast", "trainer_id"])
    func unknownDimension(name: String) {
        let error = #expect(throws: QueryError.self) { try query(by: ["year,\(name)"]) }
        let message = error?.message ?? ""
        #expect(message.contains("'\(name)'"), "names the bad value: \(message)")
        #expect(message.contains("--by"), "names the flag: \(message)")
        for dimension in Dimension.allCases {
            #expect(message.contains(dimension.rawValue), "lists \(dimension.rawValue): \(message)")
        }
        #expect(message.contains("all"), "mentions all: \(message)")
    }

    @Test("an unknown measure names itself and every valid measure", arguments: ["overal", "оценка", "q1"])
    func unknownMeasure(name: String) {
        let error = #expect(throws: QueryError.self) { try query(measures: [name]) }
        let message = error?.message ?? ""
        #expect(message.contains("'\(name)'"), "names the bad value: \(message)")
        #expect(message.contains("--measure"), "names the flag: \(message)")
        #expect(message.contains("overall, delivery, content, organisation, applicability, nps"), "lists the measures: \(message)")
    }

    @Test("an unknown statistic names itself and every valid statistic", arguments: ["avg", "all", "ci", "среднее"])
    func unknownStat(name: String) {
        let error = #expect(throws: QueryError.self) { try query(stats: ["n,\(name)"]) }
        let message = error?.message ?? ""
        #expect(message.contains("'\(name)'"), "names the bad value: \(message)")
        #expect(message.contains("--stat"), "names the flag: \(message)")
        #expect(message.contains("n, mean, sd, se, ci95, median, p25, p75, min, max, top2, bottom2, nps, dist"), "lists the statistics: \(message)")
    }

    @Test("a negative --min-n is refused")
    func negativeMinN() {
        let error = #expect(throws: QueryError.self) { try query(minN: -1) }
        #expect(error?.message.contains("--min-n") == true, "\(String(describing: error))")
    }
}
