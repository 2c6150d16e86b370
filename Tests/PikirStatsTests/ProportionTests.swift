import PikirStats
import Testing

struct ProportionTests {
    @Test(arguments: Golden.file.wilson)
    func wilsonMatchesClosedFormWithSciPyZ(_ golden: GoldenFile.WilsonCase) {
        let interval = wilsonInterval(successes: golden.successes, n: golden.n, confidence: golden.confidence)
        expectClose(interval, golden.expected, "Wilson")
    }

    @Test func wilsonStaysInsideZeroToOne() throws {
        for n in [1, 2, 7, 50, 1000] {
            for successes in [0, n / 2, n] {
                let interval = try #require(wilsonInterval(successes: successes, n: n))
                #expect(interval.low >= 0 && interval.high <= 1 && interval.low <= interval.high)
            }
        }
    }

    @Test func impossibleProportionsAreNil() {
        #expect(Proportion(successes: 0, n: 0) == nil)
        #expect(Proportion(successes: 3, n: 2) == nil)
        #expect(Proportion(successes: -1, n: 2) == nil)
        #expect(wilsonInterval(successes: 1, n: 2, confidence: 1) == nil)
        #expect(wilsonInterval(successes: 1, n: 2, confidence: 0) == nil)
    }

    @Test func shareWhere() throws {
        let h = histogram([5, 4, 4.5, 3, 2, 5])
        let share = try #require(h.share { $0 >= 4.5 })
        #expect(share.successes == 3)
        #expect(share.n == 6)
        #expect(share.share == 0.5)
        #expect(share.ci95 == wilsonInterval(successes: 3, n: 6))
        #expect(ScoreHistogram().share { _ in true } == nil)
    }
}
