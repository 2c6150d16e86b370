import PikirStats
import Testing

struct QuantileTests {
    @Test(arguments: Golden.file.quantiles)
    func typeSevenMatchesNumPyLinear(_ golden: GoldenFile.QuantileCase) {
        let h = histogram(golden.values)
        for (p, expected) in zip(golden.ps, golden.expected) {
            expectClose(h.quantile(p), expected, "Q(\(p))")
        }
    }

    @Test func interpolatesBetweenOrderStatistics() {
        // Sorted 1, 2, 4, 4: h = 3p.
        let h = histogram([4, 1, 4, 2])
        #expect(h.quantile(0) == 1)
        #expect(h.quantile(0.5) == 3)
        #expect(h.quantile(0.25) == 1.75)
        #expect(h.quantile(1) == 4)
    }

    @Test func undefinedQuantilesAreNil() {
        #expect(ScoreHistogram().quantile(0.5) == nil)
        #expect(histogram([1, 2]).quantile(-0.01) == nil)
        #expect(histogram([1, 2]).quantile(1.01) == nil)
        #expect(histogram([1, 2]).quantile(.nan) == nil)
    }
}
