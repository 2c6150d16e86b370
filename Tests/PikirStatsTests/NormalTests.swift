import PikirStats
import Testing

struct NormalTests {
    @Test(arguments: Golden.file.normalQuantile)
    func quantileMatchesSciPy(_ golden: GoldenFile.NormalQuantileCase) {
        expectClose(Normal.quantile(golden.p), golden.expected, "Φ⁻¹(\(golden.p))")
    }

    @Test(arguments: Golden.file.normalCdf)
    func cdfMatchesSciPy(_ golden: GoldenFile.NormalCDFCase) {
        expectClose(Normal.cdf(golden.x), golden.expected, "Φ(\(golden.x))")
    }

    /// z975 is Φ⁻¹ of exactly 0.975; the Double nearest 0.975 is a little
    /// below it, and its quantile (correctly rounded, checked with mpmath) is
    /// one ulp lower.
    @Test func z975IsTheQuantile() {
        #expect(Normal.z975 == 1.959963984540054)
        #expect(Normal.quantile(0.975) == 1.9599639845400538)
        #expect(Normal.quantile(0.975)?.nextUp == Normal.z975)
    }

    @Test func symmetry() throws {
        // Dyadic p, so that 1 − p is exact.
        for p in [0x1p-40, 0x1p-10, 0.125, 0.25, 0.375] {
            #expect(try #require(Normal.quantile(p)) == -(try #require(Normal.quantile(1 - p))))
        }
        #expect(Normal.survival(1.5) == Normal.cdf(-1.5))
    }

    @Test func undefinedQuantiles() {
        #expect(Normal.quantile(0) == nil)
        #expect(Normal.quantile(1) == nil)
        #expect(Normal.quantile(.nan) == nil)
    }
}
