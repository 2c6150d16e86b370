import PikirStats
import Testing

struct ScoreHistogramTests {
    @Test func emptyHistogram() {
        let empty = ScoreHistogram()
        #expect(empty.n == 0)
        #expect(empty.isEmpty)
        #expect(empty.distribution.isEmpty)
        #expect(empty == ScoreHistogram())
    }

    @Test func countsWholeNumbersDecimalsAndOutOfRangeValues() {
        let h = histogram([5, 4, 4.5, 4, 0, 10, -1, 12, 4.5, 0.25])
        #expect(h.n == 10)
        #expect(h.count(of: 4) == 2)
        #expect(h.count(of: 4.5) == 2)
        #expect(h.count(of: -1) == 1)
        #expect(h.count(of: 3) == 0)
        #expect(h.count(of: 7.5) == 0)
        let values = h.distribution.map(\.value)
        let counts = h.distribution.map(\.count)
        #expect(values == [-1, 0, 0.25, 4, 4.5, 5, 10, 12])
        #expect(counts == [1, 1, 1, 2, 2, 1, 1, 1])
    }

    @Test func nonFiniteValuesAreIgnored() {
        var h = ScoreHistogram()
        h.ingest(.nan)
        h.ingest(.infinity)
        h.ingest(-.infinity)
        h.ingest(.nan, count: 3)
        h.ingest(3)
        #expect(h.n == 1)
        #expect(h == [3])
    }

    @Test func ingestWithCountEqualsRepeatedIngest() {
        var byCount = ScoreHistogram()
        byCount.ingest(4, count: 3)
        byCount.ingest(2.5, count: 2)
        byCount.ingest(5, count: 0)
        byCount.ingest(5, count: -4)
        #expect(byCount == [4, 4, 4, 2.5, 2.5])
        #expect(byCount.n == 5)
    }

    @Test func minusZeroIsZero() {
        #expect(histogram([-0.0]) == histogram([0]))
    }

    @Test func mergeEqualsIngestingEverything() {
        let all: [Double] = [5, 4, 4.5, 3, 1, 2, 5, 5, 7.25, -2, 4.5, 11, 0, 10, 3.5]
        for cut in 0...all.count {
            var merged = histogram(Array(all[..<cut]))
            merged.merge(histogram(Array(all[cut...])))
            #expect(merged == histogram(all))
            #expect(merged.summary(scale: 1...5) == histogram(all).summary(scale: 1...5))
        }
    }

    @Test func mergeIsOrderIndependent() {
        let parts: [[Double]] = [[5, 4.5, 3], [1, 1, 2.25, 12], [], [4.5, 9.75, 0], [3, 3, 3, 2.25]]
        let forward = parts.reduce(ScoreHistogram()) { $0.merging(histogram($1)) }
        let backward = parts.reversed().reduce(ScoreHistogram()) { $0.merging(histogram($1)) }
        var pairwise = histogram(parts[0]).merging(histogram(parts[1]))
        pairwise.merge(histogram(parts[2]).merging(histogram(parts[3]).merging(histogram(parts[4]))))
        #expect(forward == backward)
        #expect(forward == pairwise)
        #expect(forward == histogram(parts.flatMap { $0 }.reversed()))
        #expect(forward.n == parts.map(\.count).reduce(0, +))
    }

    @Test func mergingIntoEmptyAndWithEmpty() {
        let h = histogram([1, 2.5, 3])
        #expect(ScoreHistogram().merging(h) == h)
        #expect(h.merging(ScoreHistogram()) == h)
    }

    @Test func equalityIgnoresInsertionOrder() {
        #expect(histogram([4.5, 1.5, 3]) == histogram([3, 1.5, 4.5]))
        #expect(histogram([4.5, 1.5]) != histogram([4.5, 1.5, 1.5]))
        #expect(histogram([4]) != histogram([5]))
    }

    @Test func sequenceAndArrayLiteralInitializers() {
        let fromSequence = ScoreHistogram([1, 2, 2.5])
        let fromLiteral: ScoreHistogram = [2.5, 2, 1]
        #expect(fromSequence == fromLiteral)
    }

    @Test func largeCountsStayExact() {
        var h = ScoreHistogram()
        for _ in 0..<1000 { h.ingest(5, count: 1_000_000) }
        h.ingest(1)
        #expect(h.n == 1_000_000_001)
        #expect(h.quantile(0) == 1)
        #expect(h.summary(scale: 1...5).median == 5)
    }
}
