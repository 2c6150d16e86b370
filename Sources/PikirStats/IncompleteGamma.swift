/// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P.
enum IncompleteGamma {
    /// P(a, x) and Q(a, x) for a > 0, x ≥ 0.
    ///
    /// P(a, x) = γ(a, x)/Γ(a) by its power series when x < a + 1, otherwise
    /// Q(a, x) = Γ(a, x)/Γ(a) by its continued fraction evaluated with the
    /// modified Lentz method (Numerical Recipes §6.2, `gser` and `gcf`). The
    /// side computed directly keeps full relative precision. The common factor
    /// xᵃ e⁻ˣ / Γ(a) uses Stirling's series for a ≥ 10 so that it does not
    /// lose digits to cancellation.
    ///
    /// - Complexity: O(√a) iterations for large a, a few dozen otherwise.
    static func regularized(a: Double, x: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let logFactor: Double
        if a >= 10 {
            let d = (x - a) / a
            logFactor = a * (Elementary.log1p(d) - d) + 0.5 * Elementary.log(a)
                - GammaFunctions.logSqrtTwoPi - GammaFunctions.stirlingRemainder(a)
        } else {
            logFactor = a * Elementary.log(x) - x - Elementary.logGamma(a)
        }
        let factor = Elementary.exp(logFactor)
        let epsilon = 1e-16
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var ap = a
            for _ in 0..<100_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * epsilon { break }
            }
            let lower = sum * factor
            return (lower, 1 - lower)
        } else {
            let tiny = 1e-300
            var b = x + 1 - a
            var c = 1 / tiny
            var d = 1 / b
            var h = d
            var i = 1.0
            while i < 100_000 {
                let an = -i * (i - a)
                b += 2
                d = an * d + b
                if abs(d) < tiny { d = tiny }
                c = b + an / c
                if abs(c) < tiny { c = tiny }
                d = 1 / d
                let delta = d * c
                h *= delta
                if abs(delta - 1) <= epsilon { break }
                i += 1
            }
            let upper = factor * h
            return (1 - upper, upper)
        }
    }
}
