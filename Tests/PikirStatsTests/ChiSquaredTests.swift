import Foundation
import PikirStats
import Testing

struct ChiSquaredTests {
    @Test(arguments: Golden.file.chi2Sf)
    func survivalMatchesSciPy(_ golden: GoldenFile.ChiSquaredCase) {
        expectClose(ChiSquared.survival(golden.x, degreesOfFreedom: golden.df), golden.expected,
                    "Q(\(golden.x); \(golden.df))")
    }

    @Test func closedForms() throws {
        // df = 2: P(X ≥ x) = e^(−x/2).
        for x in [0.1, 1, 5, 40, 300] {
            let p = try #require(ChiSquared.survival(x, degreesOfFreedom: 2))
            let exact = exp(-x / 2)
            #expect(abs(p - exact) <= 1e-14 * exact)
        }
        // df = 1: P(X ≥ z²) = 2(1 − Φ(z)).
        let p = try #require(ChiSquared.survival(1.959963984540054 * 1.959963984540054, degreesOfFreedom: 1))
        #expect(abs(p - 0.05) < 1e-14)
    }

    @Test func cdfAndSurvivalAddToOne() throws {
        for (x, k) in [(0.5, 3.0), (10, 4), (3, 20), (150, 100)] {
            let sum = try #require(ChiSquared.cdf(x, degreesOfFreedom: k)) + (try #require(ChiSquared.survival(x, degreesOfFreedom: k)))
            #expect(abs(sum - 1) < 1e-14)
        }
    }

    @Test func edges() {
        #expect(ChiSquared.survival(0, degreesOfFreedom: 3) == 1)
        #expect(ChiSquared.survival(-1, degreesOfFreedom: 3) == 1)
        #expect(ChiSquared.survival(1, degreesOfFreedom: 0) == nil)
        #expect(ChiSquared.survival(.nan, degreesOfFreedom: 2) == nil)
        #expect(ChiSquared.cdf(0, degreesOfFreedom: 3) == 0)
    }
}
