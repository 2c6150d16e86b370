/// The standard normal distribution.
public enum Normal {
    /// The 0.975 quantile of the standard normal distribution, the z of a
    /// two-sided 95% interval: Φ⁻¹(0.975) = 1.959963984540054, correctly
    /// rounded for exactly 0.975 (SciPy's `norm.ppf(0.975)`). `quantile(0.975)`
    /// is one ulp lower: the Double nearest 0.975 is slightly below 0.975.
    public static let z975 = 1.959963984540054

    /// The cumulative distribution function, Φ(x) = ½ erfc(−x/√2).
    ///
    /// Through `erfc` both tails keep full relative precision.
    ///
    /// - Complexity: O(1).
    public static func cdf(_ x: Double) -> Double {
        0.5 * Elementary.erfc(-x * 0.707106781186547524400844362105)
    }

    /// The survival function, 1 − Φ(x) = ½ erfc(x/√2), exact in the upper tail.
    ///
    /// - Complexity: O(1).
    public static func survival(_ x: Double) -> Double {
        0.5 * Elementary.erfc(x * 0.707106781186547524400844362105)
    }

    /// The quantile function Φ⁻¹(p): the x with Φ(x) = p.
    ///
    /// Peter Acklam's rational approximation (relative error below 1.15e-9)
    /// followed by one Halley step on Φ(x) − p computed with `erfc` (with
    /// `erf` near the center), which brings the result to full double
    /// precision. The lower half is computed
    /// directly and the upper half by symmetry, Φ⁻¹(p) = −Φ⁻¹(1 − p), where
    /// 1 − p is exact.
    ///
    /// - Returns: `nil` unless 0 < p < 1 (the quantile is infinite at 0 and 1).
    /// - Complexity: O(1).
    public static func quantile(_ p: Double) -> Double? {
        guard p > 0, p < 1 else { return nil }
        if p > 0.5 { return -lowerQuantile(1 - p) }
        return lowerQuantile(p)
    }

    /// Φ⁻¹(p) for 0 < p ≤ ½.
    private static func lowerQuantile(_ p: Double) -> Double {
        let a = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
        let b = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01)
        let c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
        let d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00)
        var x: Double
        if p < 0.02425 {
            let q = (-2 * Elementary.log(p)).squareRoot()
            x = (((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5)
                / ((((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1)
        } else {
            let q = p - 0.5
            let r = q * q
            x = (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
                / (((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1)
        }
        // One Halley step: e = Φ(x) − p, u = e / φ(x). Above p = ¼, p − ½ is
        // exact and Φ(x) − ½ = ½ erf(x/√2) keeps the digits that Φ(x) − p
        // would cancel near the center.
        let e = p > 0.25
            ? 0.5 * Elementary.erf(x * 0.707106781186547524400844362105) - (p - 0.5)
            : cdf(x) - p
        let u = e * 2.50662827463100050241576528481 * Elementary.exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}
