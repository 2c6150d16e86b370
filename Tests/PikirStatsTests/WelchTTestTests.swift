import PikirStats
import Testing

struct WelchTTestTests {
    @Test(arguments: Golden.file.welch)
    func histogramsMatchSciPy(_ golden: GoldenFile.WelchCase) {
        check(WelchTTest.test(histogram(golden.a), histogram(golden.b)), golden.expected)
    }

    @Test(arguments: Golden.file.welchStats)
    func summaryStatisticsMatchSciPy(_ golden: GoldenFile.WelchStatsCase) {
        check(WelchTTest.test(n1: golden.n1, mean1: golden.mean1, sd1: golden.sd1,
                              n2: golden.n2, mean2: golden.mean2, sd2: golden.sd2), golden.expected)
    }

    @Test func degenerateGroupsAreNil() {
        #expect(WelchTTest.test(histogram([4]), histogram([1, 2, 3])) == nil)
        #expect(WelchTTest.test(ScoreHistogram(), histogram([1, 2, 3])) == nil)
        #expect(WelchTTest.test(histogram([4, 4, 4]), histogram([3, 3])) == nil)
        #expect(WelchTTest.test(n1: 5, mean1: .nan, sd1: 1, n2: 5, mean2: 1, sd2: 1) == nil)
        #expect(WelchTTest.test(n1: 5, mean1: 1, sd1: -1, n2: 5, mean2: 1, sd2: 1) == nil)
    }

    @Test func swappingGroupsFlipsTheSign() throws {
        let a = histogram([5, 4, 4, 3, 5, 5])
        let b = histogram([3, 2, 4, 3, 1])
        let ab = try #require(WelchTTest.test(a, b))
        let ba = try #require(WelchTTest.test(b, a))
        #expect(ab.t == -ba.t)
        #expect(ab.p == ba.p)
        #expect(ab.degreesOfFreedom == ba.degreesOfFreedom)
        #expect(ab.ci95.low == -ba.ci95.high)
    }
}

func check(_ actual: WelchResult?, _ expected: GoldenFile.WelchExpected?,
           sourceLocation: SourceLocation = #_sourceLocation) {
    guard let expected else {
        #expect(actual == nil, "should be nil", sourceLocation: sourceLocation)
        return
    }
    guard let actual else {
        Issue.record("result is nil", sourceLocation: sourceLocation)
        return
    }
    expectClose(actual.meanDifference, expected.meanDifference, "difference", sourceLocation: sourceLocation)
    expectClose(actual.se, expected.se, "se", sourceLocation: sourceLocation)
    expectClose(actual.t, expected.t, "t", sourceLocation: sourceLocation)
    expectClose(actual.degreesOfFreedom, expected.df, "df", sourceLocation: sourceLocation)
    expectClose(actual.p, expected.p, "p", sourceLocation: sourceLocation)
    expectClose(actual.ci95, expected.ci95, "ci95", sourceLocation: sourceLocation)
}
