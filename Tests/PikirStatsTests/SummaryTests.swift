import PikirStats
import Testing

struct SummaryTests {
    @Test(arguments: Golden.file.summaries)
    func matchesNumPy(_ golden: GoldenFile.SummaryCase) {
        let h = histogram(golden.values)
        let s = h.summary()
        let e = golden.expected
        #expect(s.n == e.n)
        expectClose(s.mean, e.mean, "mean")
        expectClose(s.sd, e.sd, "sd")
        expectClose(s.se, e.se, "se")
        expectClose(s.ci95, e.ci95, "ci95")
        expectClose(s.min, e.min, "min")
        expectClose(s.max, e.max, "max")
        expectClose(s.median, e.median, "median")
        expectClose(s.p25, e.p25, "p25")
        expectClose(s.p75, e.p75, "p75")
        #expect(h.distribution.map { [$0.value, Double($0.count)] } == e.distribution)
    }

    @Test func emptyGroupHasOnlyN() {
        #expect(ScoreHistogram().summary() == Summary(n: 0))
    }

    @Test func oneAnswerHasNoSpread() {
        let s = histogram([4.5]).summary()
        #expect(s == Summary(n: 1, mean: 4.5, min: 4.5, max: 4.5, median: 4.5, p25: 4.5, p75: 4.5))
        #expect(s.sd == nil && s.se == nil && s.ci95 == nil)
    }

    @Test func equalAnswersHaveZeroSpreadAndAPointInterval() {
        for value in [0.1, 3, 4.5, 10] {
            let s = histogram(Array(repeating: value, count: 9)).summary()
            #expect(s.mean == value)
            #expect(s.sd == 0)
            #expect(s.se == 0)
            #expect(s.ci95 == Interval(low: value, high: value))
        }
    }

    @Test func meanStaysWithinTheAnswersAndNothingIsNaN() {
        let h = histogram(Array(repeating: 0.1, count: 3) + [0.1 + 1e-15])
        let s = h.summary()
        #expect(s.mean! >= s.min! && s.mean! <= s.max!)
        for value in [s.mean, s.sd, s.se, s.ci95?.low, s.ci95?.high, s.median, s.p25, s.p75] {
            #expect(value?.isFinite == true)
        }
    }
}
