/// The result of Welch's two-sample t-test.
public struct WelchResult: Sendable, Equatable {
    /// mean(a) − mean(b).
    public var meanDifference: Double
    /// The standard error of the difference, √(s²ₐ/nₐ + s²ᵦ/nᵦ).
    public var se: Double
    /// The t statistic, meanDifference / se.
    public var t: Double
    /// The Welch–Satterthwaite degrees of freedom.
    public var degreesOfFreedom: Double
    /// The two-sided p-value, P(|T_df| ≥ |t|).
    public var p: Double
    /// The 95% interval of the difference, meanDifference ± t₀.₉₇₅,df · se.
    public var ci95: Interval

    /// Creates a result from its fields.
    public init(meanDifference: Double, se: Double, t: Double, degreesOfFreedom: Double, p: Double, ci95: Interval) {
        self.meanDifference = meanDifference
        self.se = se
        self.t = t
        self.degreesOfFreedom = degreesOfFreedom
        self.p = p
        self.ci95 = ci95
    }
}

/// Welch's t-test of the difference between two means, without assuming
/// equal variances.
public enum WelchTTest {
    /// Welch's test of mean(a) − mean(b) from the two groups' answers.
    ///
    /// See `test(n1:mean1:sd1:n2:mean2:sd2:)` for the formulas. Matches
    /// `scipy.stats.ttest_ind(a, b, equal_var=False)`.
    ///
    /// - Returns: `nil` when a group has fewer than 2 answers or both groups
    ///   have zero variance.
    /// - Complexity: O(*d*ₐ + *d*ᵦ) plus one t quantile and one t tail.
    public static func test(_ a: ScoreHistogram, _ b: ScoreHistogram) -> WelchResult? {
        let first = Moments(a.bins)
        let second = Moments(b.bins)
        guard let sd1 = first.sd, let sd2 = second.sd else { return nil }
        return test(n1: first.n, mean1: first.mean, sd1: sd1, n2: second.n, mean2: second.mean, sd2: sd2)
    }

    /// Welch's test of mean1 − mean2 from each group's size, mean and sample
    /// standard deviation.
    ///
    ///     vᵢ  = sdᵢ² / nᵢ
    ///     se  = √(v₁ + v₂)
    ///     t   = (mean1 − mean2) / se
    ///     df  = (v₁ + v₂)² / (v₁²/(n₁ − 1) + v₂²/(n₂ − 1))    (Welch–Satterthwaite)
    ///     p   = 2·P(T_df ≥ |t|)
    ///     CI  = (mean1 − mean2) ± t₀.₉₇₅,df · se
    ///
    /// - Returns: `nil` when n₁ or n₂ is below 2, an input is not finite or
    ///   an sd is negative, or both standard deviations are 0 (no spread:
    ///   the t statistic is undefined).
    /// - Complexity: one t quantile and one t tail.
    public static func test(n1: Int, mean1: Double, sd1: Double,
                            n2: Int, mean2: Double, sd2: Double) -> WelchResult? {
        guard n1 >= 2, n2 >= 2,
              mean1.isFinite, mean2.isFinite, sd1.isFinite, sd2.isFinite,
              sd1 >= 0, sd2 >= 0, sd1 > 0 || sd2 > 0 else { return nil }
        let v1 = sd1 * sd1 / Double(n1)
        let v2 = sd2 * sd2 / Double(n2)
        let variance = v1 + v2
        let se = variance.squareRoot()
        let difference = mean1 - mean2
        let t = difference / se
        let df = variance * variance / (v1 * v1 / Double(n1 - 1) + v2 * v2 / Double(n2 - 1))
        guard t.isFinite, df.isFinite, df > 0,
              let p = StudentT.twoSidedP(t, degreesOfFreedom: df),
              let ci95 = Moments.meanInterval(mean: difference, se: se, degreesOfFreedom: df)
        else { return nil }
        return WelchResult(meanDifference: difference, se: se, t: t, degreesOfFreedom: df, p: p, ci95: ci95)
    }
}
