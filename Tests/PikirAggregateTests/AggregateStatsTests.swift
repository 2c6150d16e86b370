@testable import PikirAggregate
import PikirStats
import Testing

/// `AggregateRow.value`: each statistic of small groups against values worked
/// out by hand, and the intervals against SciPy's (the script
/// Tests/pikirTests/Reference/agg_golden.py prints these cases with `--small`).
@Suite("AggregateRow statistics")
struct AggregateStatsTests {

    private func row(_ values: [Double], measure: String = "overall", minN: Int = 0) throws -> AggregateRow {
        let responses = values.map { x -> Response in
            var r = Response()
            if measure == "nps" { r.nps = x } else { r.overall = x }
            return r
        }
        return try #require(aggregate(responses, try query(measures: [measure], minN: minN)).first)
    }

    @Test("answers 5, 4, 4, 3 on 1–5")
    func fourAnswers() throws {
        let r = try row([5, 4, 4, 3])
        let sd = (2.0 / 3).squareRoot()
        #expect(r.value(.n) == .count(4))
        #expect(close(r.number(.mean), 4), "mean")
        #expect(close(r.number(.sd), sd), "sd = √(2/3)")
        #expect(close(r.number(.se), sd / 2), "se = sd/√4")
        #expect(close(r.number(.median), 4), "median")
        #expect(close(r.number(.p25), 3.75), "p25, type 7")
        #expect(close(r.number(.p75), 4.25), "p75, type 7")
        #expect(r.number(.min) == 3)
        #expect(r.number(.max) == 5)
        #expect(close(r.number(.top2), 0.75), "4 and 5 are the top two points")
        #expect(r.number(.bottom2) == 0, "no 1 or 2")
        #expect(r.value(.nps) == nil, "no NPS for a 1–5 question")
        // The bounded interval of agg_golden.py --small (the t interval, 2.70–5.30, left the scale).
        guard case .interval(let ci)? = r.value(.ci95) else { Issue.record("ci95: \(String(describing: r.value(.ci95)))"); return }
        #expect(close(ci.low, 1.659394991990216, tolerance: 1e-10), "ci95 low")
        #expect(close(ci.high, 4.86005405085589, tolerance: 1e-10), "ci95 high")
        guard case .distribution(let d)? = r.value(.dist) else { Issue.record("dist"); return }
        #expect(d.map(\.value) == [3, 4, 5])
        #expect(d.map(\.count) == [1, 2, 1])
    }

    @Test("answers 10, 9, 9, 8, 7, 6, 3, 0 on 0–10")
    func npsAnswers() throws {
        let r = try row([10, 9, 9, 8, 7, 6, 3, 0], measure: "nps")
        let sd = (82.0 / 7).squareRoot()
        #expect(r.n == 8)
        #expect(close(r.number(.mean), 6.5), "mean 52/8")
        #expect(close(r.number(.sd), sd), "sd = √(82/7)")
        #expect(close(r.number(.median), 7.5), "median between 7 and 8")
        #expect(close(r.number(.p25), 5.25), "p25 = 3 + 0.75·(6 − 3)")
        #expect(close(r.number(.p75), 9), "p75")
        #expect(close(r.number(.top2), 3.0 / 8), "9 and 10 are the top two points of 0–10")
        #expect(close(r.number(.bottom2), 1.0 / 8), "0 and 1 are the bottom two")
        #expect(close(r.number(.nps), 0), "3 promoters, 3 detractors")
        // On the 0–10 scale, from agg_golden.py --small.
        guard case .interval(let ci)? = r.value(.ci95) else { Issue.record("ci95"); return }
        #expect(close(ci.low, 3.1381930802819307, tolerance: 1e-10))
        #expect(close(ci.high, 8.670831389543437, tolerance: 1e-10))
    }

    @Test("NPS is −100…100: 100·(share of 9–10 − share of 0–6)", arguments: [
        ([10, 10, 9, 3], 50), ([10, 10, 10], 100), ([0, 6, 5], -100), ([7, 8], 0), ([9, 8, 6], 0),
    ] as [([Double], Double)])
    func nps(values: [Double], score: Double) throws {
        #expect(close(try row(values, measure: "nps").number(.nps), score), "\(values)")
    }

    @Test("decimal answers count in a box when past its threshold")
    func decimals() throws {
        let r = try row([4.5, 3.5, 2, 1])
        #expect(close(r.number(.top2), 0.25), "4.5 is in the top two, 3.5 is not")
        #expect(close(r.number(.bottom2), 0.5), "2 and 1")
        guard case .distribution(let d)? = r.value(.dist) else { Issue.record("dist"); return }
        #expect(d.map(\.value) == [1, 2, 3.5, 4.5])
        #expect(close(r.number(.median), 2.75))
    }

    @Test("one answer: the answer for mean and quantiles; no spread; the interval is the whole scale")
    func oneAnswer() throws {
        let r = try row([4])
        #expect(r.number(.mean) == 4)
        #expect(r.number(.median) == 4)
        #expect(r.number(.p25) == 4)
        #expect(r.number(.p75) == 4)
        #expect(r.value(.sd) == nil, "sd needs two answers")
        #expect(r.value(.se) == nil)
        #expect(r.value(.ci95) == .interval(Interval(low: 1, high: 5)), "one answer says nothing about spread")
    }

    @Test("equal answers: sd 0, but the interval has width and ends at the scale's end")
    func equalAnswers() throws {
        let r = try row([5, 5, 5])
        #expect(r.number(.sd) == 0)
        #expect(r.number(.se) == 0)
        guard case .interval(let ci)? = r.value(.ci95) else { Issue.record("ci95"); return }
        #expect(close(ci.low, 1.0047847330846502, tolerance: 1e-10), "agg_golden.py --small")
        #expect(ci.high == 5)
        #expect(r.number(.top2) == 1)
    }

    @Test("suppression: below min-n every statistic is withheld but n; at min-n nothing is", arguments: [4, 5])
    func suppression(count: Int) throws {
        let r = try row(Array(repeating: 4, count: count), minN: 5)
        #expect(r.suppressed == (count < 5), "\(count) answers at min-n 5")
        #expect(r.value(.n) == .count(count), "n is always kept")
        // The group's own counts (responses, sessions, first_date) are not statistics of the answers: AggregateFactsTests.
        for stat in Stat.allCases where stat != .n && ![.responses, .sessions, .firstDate].contains(stat) {
            if count < 5 {
                #expect(r.value(stat) == nil, "\(stat) withheld")
            } else if stat != .nps {
                #expect(r.value(stat) != nil, "\(stat) reported")
            }
        }
    }

    @Test("--min-n 0 suppresses nothing, not even an empty group")
    func minNZero() throws {
        let r = try row([], minN: 0)
        #expect(r.suppressed == false)
        #expect(r.n == 0)
    }
}
