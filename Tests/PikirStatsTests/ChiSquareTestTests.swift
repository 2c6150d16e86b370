import PikirStats
import Testing

struct ChiSquareTestTests {
    @Test(arguments: Golden.file.chiSquare)
    func matchesSciPyWithoutYates(_ golden: GoldenFile.ChiSquareCase) {
        let result = ChiSquareTest.test(golden.table)
        guard let expected = golden.expected else {
            #expect(result == nil)
            return
        }
        guard let result else {
            Issue.record("result is nil")
            return
        }
        expectClose(result.statistic, expected.statistic, "statistic")
        #expect(result.degreesOfFreedom == expected.df)
        expectClose(result.p, expected.p, "p")
        expectClose(result.minimumExpected, expected.minExpected, "minimum expected")
    }

    @Test func malformedTablesAreNil() {
        #expect(ChiSquareTest.test([]) == nil)
        #expect(ChiSquareTest.test([[1, 2], [3]]) == nil)
        #expect(ChiSquareTest.test([[1, -2], [3, 4]]) == nil)
        #expect(ChiSquareTest.test([[1, 0], [3, 0]]) == nil)
    }

    @Test func independentTableHasStatisticZero() throws {
        let result = try #require(ChiSquareTest.test([[10, 20], [30, 60]]))
        #expect(abs(result.statistic) < 1e-12)
        #expect(abs(result.p - 1) < 1e-12)
    }
}
