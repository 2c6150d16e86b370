import PikirStats
import Testing

struct BoundedMeanIntervalTests {
    /// Every multiset of `n` answers from `values`, in ascending order.
    private func multisets(of values: [Double], size n: Int) -> [[Double]] {
        guard n > 0 else { return [[]] }
        var result: [[Double]] = []
        for (i, first) in values.enumerated() {
            for rest in multisets(of: Array(values[i...]), size: n - 1) { result.append([first] + rest) }
        }
        return result
    }

    @Test("n = 1…5 on 1–5 and n = 1…4 on 0–10: every possible set of answers stays on the scale, has width, holds its mean",
          arguments: [(1...5, 5), (0...10, 4)] as [(ClosedRange<Int>, Int)])
    func everySmallGroupStaysOnTheScale(scale: ClosedRange<Int>, largest: Int) throws {
        let points = scale.map(Double.init)
        for n in 1...largest {
            for answers in multisets(of: points, size: n) {
                let s = histogram(answers).summary(scale: scale)
                let ci = try #require(s.ci95, "\(answers)")
                let mean = try #require(s.mean)
                #expect(ci.low >= Double(scale.lowerBound) && ci.high <= Double(scale.upperBound), "\(answers): \(ci)")
                #expect(ci.width > 0, "\(answers): \(ci)")
                #expect(ci.contains(mean), "\(answers): mean \(mean) outside \(ci)")
            }
        }
    }

    @Test("the issue's example: 5, 5, 4, 3 no longer gives 2.73–5.77")
    func issueExample() throws {
        let ci = try #require(histogram([5, 5, 4, 3]).summary(scale: 1...5).ci95)
        #expect(ci.low >= 1 && ci.high <= 5 && ci.high > 4.25, "\(ci)")
    }

    @Test func emptyHistogramHasNoInterval() {
        #expect(BoundedMeanInterval.ci95(of: ScoreHistogram(), scale: 1...5) == nil)
    }

    @Test func answersOutsideTheScaleWidenIt() throws {
        let ci = try #require(BoundedMeanInterval.ci95(of: histogram([6, 6, 5]), scale: 1...5))
        #expect(ci.low >= 1 && ci.high <= 6 && ci.contains(17.0 / 3), "\(ci)")
        #expect(BoundedMeanInterval.ci95(of: histogram([0]), scale: 1...5) == Interval(low: 0, high: 5))
    }

    @Test func decimalAnswersStayOnTheScale() throws {
        let ci = try #require(histogram([4.5, 5, 4.75]).summary(scale: 1...5).ci95)
        #expect(ci.low >= 1 && ci.high <= 5 && ci.width > 0 && ci.contains(14.25 / 3), "\(ci)")
    }

    @Test("a million answers at the top and one at the bottom: finite, inside, narrow")
    func largeGroups() throws {
        var h = ScoreHistogram()
        h.ingest(5, count: 1_000_000)
        h.ingest(1)
        let s = h.summary(scale: 1...5)
        let ci = try #require(s.ci95)
        #expect(ci.low.isFinite && ci.high.isFinite)
        #expect(ci.low >= 1 && ci.high <= 5 && ci.contains(s.mean!) && ci.width > 0 && ci.width < 0.001, "\(ci)")
    }
}
