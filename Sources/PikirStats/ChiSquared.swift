/// The chi-squared distribution with k > 0 degrees of freedom.
public enum ChiSquared {
    /// The survival function P(X ≥ x) = Q(k/2, x/2), the regularized upper
    /// incomplete gamma function — the p-value of a chi-square statistic x.
    ///
    /// Q is computed directly by a continued fraction when x/2 ≥ k/2 + 1, so
    /// small p-values keep full relative precision (see `IncompleteGamma`).
    ///
    /// - Returns: 1 for x ≤ 0; `nil` when k is not positive or x or k is NaN.
    /// - Complexity: O(√k) iterations.
    public static func survival(_ x: Double, degreesOfFreedom k: Double) -> Double? {
        guard k > 0, k.isFinite, !x.isNaN else { return nil }
        if x <= 0 { return 1 }
        return IncompleteGamma.regularized(a: k / 2, x: x / 2).upper
    }

    /// The cumulative distribution function P(X ≤ x) = P(k/2, x/2).
    ///
    /// - Returns: 0 for x ≤ 0; `nil` when k is not positive or x or k is NaN.
    /// - Complexity: O(√k) iterations.
    public static func cdf(_ x: Double, degreesOfFreedom k: Double) -> Double? {
        guard k > 0, k.isFinite, !x.isNaN else { return nil }
        if x <= 0 { return 0 }
        return IncompleteGamma.regularized(a: k / 2, x: x / 2).lower
    }
}
