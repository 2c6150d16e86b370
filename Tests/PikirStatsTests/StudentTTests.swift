import PikirStats
import Testing

struct StudentTTests {
    @Test(arguments: Golden.file.tQuantile)
    func quantileMatchesSciPy(_ golden: GoldenFile.TQuantileCase) {
        expectClose(StudentT.quantile(golden.p, degreesOfFreedom: golden.df), golden.expected,
                    "t⁻¹(\(golden.p); \(golden.df))")
    }

    /// Cases where SciPy itself is not accurate to 1e-9, from mpmath at 40 digits.
    @Test(arguments: Golden.file.tQuantileHard)
    func quantileMatchesMpmath(_ golden: GoldenFile.TQuantileCase) {
        let t = StudentT.quantile(golden.p, degreesOfFreedom: golden.df)
        expectClose(t, golden.expected, "t⁻¹(\(golden.p); \(golden.df))")
        if let t, let expected = golden.expected {
            #expect(abs(t - expected) <= 1e-12 * abs(expected), "1e-12 relative: \(t) vs \(expected)")
        }
    }

    @Test(arguments: Golden.file.tCdf)
    func cdfMatchesSciPy(_ golden: GoldenFile.TCDFCase) {
        expectClose(StudentT.cdf(golden.t, degreesOfFreedom: golden.df), golden.expected,
                    "F(\(golden.t); \(golden.df))")
    }

    @Test func quantileInvertsCDF() throws {
        for df in [1.0, 2, 3.3, 10, 57, 1e4] {
            for p in [1e-8, 0.01, 0.2, 0.5, 0.8, 0.975] {
                let t = try #require(StudentT.quantile(p, degreesOfFreedom: df))
                let back = try #require(StudentT.cdf(t, degreesOfFreedom: df))
                #expect(abs(back - p) <= 1e-13 * p, "df \(df) p \(p): F(\(t)) = \(back)")
            }
        }
    }

    @Test func tailsAndTwoSidedP() throws {
        let df = 12.5
        let t = 2.2
        let cdf = try #require(StudentT.cdf(t, degreesOfFreedom: df))
        let survival = try #require(StudentT.survival(t, degreesOfFreedom: df))
        #expect(abs(cdf + survival - 1) < 1e-15)
        #expect(StudentT.survival(-t, degreesOfFreedom: df) == StudentT.cdf(t, degreesOfFreedom: df))
        #expect(StudentT.twoSidedP(t, degreesOfFreedom: df) == 2 * survival)
        #expect(StudentT.twoSidedP(0, degreesOfFreedom: df) == 1)
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: df) == 1)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: df) == 0)
    }

    @Test func infiniteDegreesOfFreedomIsNormal() {
        #expect(StudentT.quantile(0.975, degreesOfFreedom: .infinity) == Normal.quantile(0.975))
        #expect(StudentT.cdf(1.3, degreesOfFreedom: .infinity) == Normal.cdf(1.3))
        #expect(StudentT.quantile(0.9, degreesOfFreedom: 1e19) == Normal.quantile(0.9))
        // Just below the switch the t functions agree with the normal ones to rounding.
        let t = StudentT.quantile(0.9, degreesOfFreedom: 1e17)!
        #expect(abs(t - Normal.quantile(0.9)!) <= 1e-14)
    }

    @Test func densityIntegratesToTheCDF() throws {
        // Simpson's rule over [0, 2] against F(2) − F(0).
        let df = 4.5
        let steps = 2000
        let h = 2.0 / Double(steps)
        var sum = 0.0
        for i in 0...steps {
            let weight: Double = (i == 0 || i == steps) ? 1 : (i % 2 == 1 ? 4 : 2)
            sum += weight * (try #require(StudentT.density(Double(i) * h, degreesOfFreedom: df)))
        }
        let integral = sum * h / 3
        let exact = try #require(StudentT.cdf(2, degreesOfFreedom: df)) - 0.5
        #expect(abs(integral - exact) < 1e-12)
    }

    @Test func undefinedInputsAreNil() {
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 0) == nil)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: .nan) == nil)
        #expect(StudentT.quantile(0, degreesOfFreedom: 3) == nil)
        #expect(StudentT.quantile(1, degreesOfFreedom: 3) == nil)
        #expect(StudentT.cdf(.nan, degreesOfFreedom: 3) == nil)
        #expect(StudentT.cdf(1, degreesOfFreedom: -1) == nil)
        // Beyond the largest Double: nil, not infinity.
        #expect(StudentT.quantile(1e-300, degreesOfFreedom: 0.1) == nil)
        #expect(StudentT.quantile(0.6, degreesOfFreedom: 1e-3) != nil)
        #expect(StudentT.quantile(0.75, degreesOfFreedom: 1e-3) == nil)
        // Below the supported degrees of freedom.
        #expect(StudentT.quantile(0.6, degreesOfFreedom: 1e-20) == nil)
        #expect(StudentT.cdf(1, degreesOfFreedom: 1e-11) == nil)
        #expect(StudentT.density(1, degreesOfFreedom: 1e-11) == nil)
    }
}
