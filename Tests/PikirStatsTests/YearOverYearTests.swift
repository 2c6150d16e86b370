import PikirStats
import Testing

struct YearOverYearTests {
    @Test(arguments: Golden.file.yearOverYear)
    func matchesWelchOfCurrentAgainstPrevious(_ golden: GoldenFile.ChangeCase) {
        let result = YearOverYear.change(previous: histogram(golden.previous), current: histogram(golden.current))
        guard let expected = golden.expected else {
            #expect(result == nil)
            return
        }
        guard let result else {
            Issue.record("result is nil")
            return
        }
        expectClose(result.previousMean, expected.previousMean, "previous mean")
        expectClose(result.currentMean, expected.currentMean, "current mean")
        expectClose(result.difference, expected.difference, "difference")
        expectClose(result.ci95, expected.ci95, "ci95")
        expectClose(result.p, expected.p, "p")
    }

    @Test func differenceWithoutATest() throws {
        let result = try #require(YearOverYear.change(previous: histogram([4]), current: histogram([5, 4])))
        #expect(result.difference == 0.5)
        #expect(result.ci95 == nil && result.p == nil && result.welch == nil)
    }
}
