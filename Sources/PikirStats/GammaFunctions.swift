/// ln Γ and ln B in forms that stay accurate for large arguments.
enum GammaFunctions {
    /// ln √(2π).
    static let logSqrtTwoPi = 0.918938533204672741780329736406

    /// The remainder of Stirling's series,
    /// ln Γ(x) − [(x − ½) ln x − x + ln √(2π)], for x ≥ 10.
    ///
    /// The asymptotic series Σ B₂ₖ / (2k (2k − 1) x²ᵏ⁻¹) to the x⁻¹⁵ term;
    /// the first omitted term is below 2·10⁻¹⁸ at x = 10.
    static func stirlingRemainder(_ x: Double) -> Double {
        let r = 1 / x
        let r2 = r * r
        var series = -3617.0 / 122_400
        series = series * r2 + 1.0 / 156
        series = series * r2 - 691.0 / 360_360
        series = series * r2 + 1.0 / 1188
        series = series * r2 - 1.0 / 1680
        series = series * r2 + 1.0 / 1260
        series = series * r2 - 1.0 / 360
        series = series * r2 + 1.0 / 12
        return series * r
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
    ///
    /// When an argument is 10 or more, Stirling's series is subtracted term by
    /// term (the algorithm of R's `lbeta`), so that nothing cancels when
    /// ln Γ values are large and close.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = Swift.min(a, b)
        let q = Swift.max(a, b)
        if p >= 10 {
            let correction = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q)
            return -0.5 * Elementary.log(q) + logSqrtTwoPi + correction
                + (p - 0.5) * Elementary.log(p / (p + q)) + q * Elementary.log1p(-p / (p + q))
        } else if q >= 10 {
            let correction = stirlingRemainder(q) - stirlingRemainder(p + q)
            return Elementary.logGamma(p) + correction + p - p * Elementary.log(p + q)
                + (q - 0.5) * Elementary.log1p(-p / (p + q))
        } else {
            return Elementary.logGamma(p) + Elementary.logGamma(q) - Elementary.logGamma(p + q)
        }
    }
}
