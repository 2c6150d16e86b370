import PikirStats
import Testing

struct CronbachAlphaTests {
    @Test(arguments: Golden.file.cronbach)
    func matchesNumPyFormula(_ golden: GoldenFile.CronbachCase) {
        expectClose(CronbachAlpha.alpha(golden.rows), golden.expected, "alpha")
    }

    @Test func identicalItemsHaveAlphaOne() throws {
        let rows: [[Double]] = [[1, 1, 1], [3, 3, 3], [5, 5, 5], [2, 2, 2]]
        let alpha = try #require(CronbachAlpha.alpha(rows))
        #expect(abs(alpha - 1) < 1e-15)
    }

    @Test func nonFiniteScoresAreNil() {
        #expect(CronbachAlpha.alpha([[1, .nan], [2, 3], [3, 5]]) == nil)
    }
}
