import PikirStats
import Testing

struct SummaryTests {
    @Test(arguments: Golden.file.summaries)
    func matchesNumPy(_ golden: GoldenFile.SummaryCase) {
        let h = histogram(golden.values)
        let s = h.summary(scale: golden.scale[0]...golden.scale[1])
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
        #expect(ScoreHistogram().summary(scale: 1...5) == Summary(n: 0))
    }

    @Test func oneAnswerHasNoSpreadAndTheWholeScaleAsItsInterval() {
        let s = histogram([4.5]).summary(scale: 1...5)
        #expect(s == Summary(n: 1, mean: 4.5, ci95: Interval(low: 1, high: 5), min: 4.5, max: 4.5,
                             median: 4.5, p25: 4.5, p75: 4.5))
        #expect(s.sd == nil && s.se == nil)
        #expect(histogram([7]).summary(scale: 0...10).ci95 == Interval(low: 0, high: 10))
    }

    @Test("equal answers: sd and se are 0, the interval is not a point and stays on the scale",
          arguments: [(1.0, 1...5), (3, 1...5), (4.5, 1...5), (5, 1...5), (0, 0...10), (10, 0...10)]
              as [(Double, ClosedRange<Int>)])
    func equalAnswers(value: Double, scale: ClosedRange<Int>) {
        for n in [2, 3, 4, 9, 30, 1000] {
            let s = histogram(Array(repeating: value, count: n)).summary(scale: scale)
            #expect(s.mean == value)
            #expect(s.sd == 0)
            #expect(s.se == 0)
            guard let ci = s.ci95 else { Issue.record("no interval for \(n) × \(value)"); continue }
            #expect(ci.width > 0, "\(n) × \(value): \(ci)")
            #expect(ci.contains(value), "\(n) × \(value): \(ci)")
            #expect(ci.low >= Double(scale.lowerBound) && ci.high <= Double(scale.upperBound), "\(n) × \(value): \(ci)")
        }
    }

    @Test func intervalNarrowsWithMoreAnswers() throws {
        var widths: [Double] = []
        for n in [2, 4, 10, 30, 100, 1000] {
            let answers = (0..<n).map { Double([5, 4, 5, 3, 4][$0 % 5]) }
            widths.append(try #require(histogram(answers).summary(scale: 1...5).ci95).width)
        }
        #expect(widths == widths.sorted(by: >), "\(widths)")
    }

    @Test func meanStaysWithinTheAnswersAndNothingIsNaN() {
        let h = histogram(Array(repeating: 0.1, count: 3) + [0.1 + 1e-15])
        let s = h.summary(scale: 0...10)
        #expect(s.mean! >= s.min! && s.mean! <= s.max!)
        for value in [s.mean, s.sd, s.se, s.ci95?.low, s.ci95?.high, s.median, s.p25, s.p75] {
            #expect(value?.isFinite == true)
        }
    }
}
