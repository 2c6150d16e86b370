/// Student's t distribution with ν > 0 degrees of freedom (not necessarily
/// whole, as Welch–Satterthwaite degrees of freedom are not).
///
/// Supported ν: from 1e-10 (checked against mpmath; below it the functions
/// return `nil`) up to infinity. Above 1e18 the distribution differs from the
/// normal by less than a rounding error and the normal functions are used.
public enum StudentT {
    /// The smallest supported degrees of freedom.
    static let minimumDegreesOfFreedom = 1e-10
    /// Degrees of freedom above which the normal distribution is used.
    static let normalDegreesOfFreedom = 1e18

    /// The cumulative distribution function F(t; ν).
    ///
    /// With x = ν/(ν + t²), the tail beyond |t| is ½ Iₓ(ν/2, ½), Iₓ the
    /// regularized incomplete beta function; F(t) is that tail for t < 0 and
    /// one minus it for t ≥ 0. Above ν = 1e18 it is the normal distribution.
    ///
    /// - Returns: `nil` when ν is below 1e-10 or t or ν is NaN.
    /// - Complexity: O(√ν) iterations of a continued fraction.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double? {
        guard let tail = tail(abs(t), degreesOfFreedom: nu) else { return nil }
        return t < 0 ? tail.beyond : tail.within
    }

    /// The survival function 1 − F(t; ν), exact in the upper tail.
    ///
    /// - Returns: `nil` when ν is below 1e-10 or t or ν is NaN.
    /// - Complexity: O(√ν).
    public static func survival(_ t: Double, degreesOfFreedom nu: Double) -> Double? {
        guard let tail = tail(abs(t), degreesOfFreedom: nu) else { return nil }
        return t < 0 ? tail.within : tail.beyond
    }

    /// The two-sided p-value of a t statistic, P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½).
    ///
    /// - Returns: `nil` when ν is below 1e-10 or t or ν is NaN.
    /// - Complexity: O(√ν).
    public static func twoSidedP(_ t: Double, degreesOfFreedom nu: Double) -> Double? {
        guard let tail = tail(abs(t), degreesOfFreedom: nu) else { return nil }
        return Swift.min(1, 2 * tail.beyond)
    }

    /// The probability density function f(t; ν) = (1 + t²/ν)^(−(ν+1)/2) / (√ν B(ν/2, ½)).
    ///
    /// - Returns: `nil` when ν is below 1e-10 or t or ν is NaN.
    /// - Complexity: O(1).
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double? {
        guard nu >= minimumDegreesOfFreedom, !t.isNaN else { return nil }
        if nu > normalDegreesOfFreedom {
            return Elementary.exp(-t * t / 2) / 2.50662827463100050241576528481
        }
        return densityUnchecked(t, nu)
    }

    /// The quantile function: the t with F(t; ν) = p.
    ///
    /// Solved for the tail q = min(p, 1 − p) on t ≥ 0 by Newton's method on
    /// the tail function ½ I_{ν/(ν+t²)}(ν/2, ½) − q, safeguarded by a bracket
    /// (bisection, geometric while the bracket spans orders of magnitude, when
    /// a Newton step leaves it). It starts from the Cornish–Fisher expansion
    /// around the normal quantile and stops when a step changes t by less than
    /// 1e-15 relative; the result is accurate to about 1e-14 relative. ν = 1
    /// (Cauchy) and ν = 2 have closed forms; above ν = 1e18 it is the normal
    /// quantile.
    ///
    /// - Returns: `nil` unless 0 < p < 1 and ν ≥ 1e-10, and when the quantile
    ///   is beyond the largest finite Double (small p with ν well below 1).
    /// - Complexity: O(√ν) per step, a handful of steps.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double? {
        guard p > 0, p < 1, nu >= minimumDegreesOfFreedom else { return nil }
        if p == 0.5 { return 0 }
        if nu > normalDegreesOfFreedom { return Normal.quantile(p) }
        let q = p < 0.5 ? p : 1 - p
        let sign: Double = p < 0.5 ? -1 : 1
        let t: Double?
        if nu == 1 {
            // Cauchy: the tail beyond t is ½ − atan(t)/π, so t = tan(π(½ − q)) = 1/tan(πq);
            // the first form when ½ − q is exact, the second in the tail.
            t = q > 0.25 ? Elementary.tan(Double.pi * (0.5 - q)) : 1 / Elementary.tan(Double.pi * q)
        } else if nu == 2 {
            // Tail ½(1 − t/√(2 + t²)) = q  ⇔  t = (1 − 2q)·√(2 / (4q(1 − q))).
            let twoQ = 2 * q
            t = (1 - twoQ) * (2 / (twoQ * (2 - twoQ))).squareRoot()
        } else {
            t = upperQuantile(q, nu)
        }
        guard let t, t.isFinite else { return nil }
        return sign * t
    }

    // MARK: - Internals

    /// The tail beyond |t| and its complement, F restricted to |t|.
    private static func tail(_ t: Double, degreesOfFreedom nu: Double) -> (beyond: Double, within: Double)? {
        guard nu >= minimumDegreesOfFreedom, !t.isNaN else { return nil }
        if t.isInfinite { return (0, 1) }
        if nu > normalDegreesOfFreedom {
            let beyond = Normal.survival(t)
            return (beyond, 1 - beyond)
        }
        let beta = betaOfTail(t, nu)
        return (0.5 * beta.lower, 0.5 + 0.5 * beta.upper)
    }

    /// I_x(ν/2, ½) and its complement at x = ν/(ν + t²), for t ≥ 0.
    private static func betaOfTail(_ t: Double, _ nu: Double) -> (lower: Double, upper: Double) {
        let x: Double
        let y: Double
        if t > 1 {
            // r = ν/t² without overflowing t².
            let r = nu / t / t
            x = r / (1 + r)
            y = 1 / (1 + r)
        } else {
            let t2 = t * t
            x = nu / (nu + t2)
            y = t2 / (nu + t2)
        }
        return IncompleteBeta.regularized(a: nu / 2, b: 0.5, x: x, y: y)
    }

    /// tail(t) − q. Above q = ¼ it is (½ − q) − ½·I-complement, where ½ − q is
    /// exact and the complement is the side computed directly for small t,
    /// so the difference keeps its digits near the center.
    private static func tailExcess(_ t: Double, _ nu: Double, _ q: Double) -> Double {
        let beta = betaOfTail(t, nu)
        return q > 0.25 ? (0.5 - q) - 0.5 * beta.upper : 0.5 * beta.lower - q
    }

    private static func densityUnchecked(_ t: Double, _ nu: Double) -> Double {
        let logDensity = -(nu + 1) / 2 * (t > 1e150 ? 2 * Elementary.log(t) - Elementary.log(nu) : Elementary.log1p(t * t / nu))
            - 0.5 * Elementary.log(nu) - GammaFunctions.logBeta(nu / 2, 0.5)
        return Elementary.exp(logDensity)
    }

    /// The t ≥ 0 whose upper tail is q, for 0 < q < ½ and finite ν.
    private static func upperQuantile(_ q: Double, _ nu: Double) -> Double? {
        // Start: Cornish–Fisher expansion of t in powers of 1/ν (Abramowitz & Stegun 26.7.5).
        let z = -Normal.quantile(q)!
        let z2 = z * z
        var guess = z + z * (z2 + 1) / (4 * nu)
            + z * ((5 * z2 + 16) * z2 + 3) / (96 * nu * nu)
        if !(guess.isFinite && guess > 0) { guess = z > 0 ? z : 1 }

        // Bracket [low, high] with tail(low) ≥ q > tail(high).
        var low = 0.0
        var high = Swift.max(guess, 1)
        while tailExcess(high, nu, q) >= 0 {
            low = high
            high *= 4
            if !high.isFinite { return nil }
        }
        var t = Swift.min(Swift.max(guess, low), high)
        if t <= low || t >= high { t = low > 0 ? (low * high).squareRoot() : high / 2 }

        for _ in 0..<300 {
            let f = tailExcess(t, nu, q)
            if f == 0 { return t }
            if f > 0 { low = t } else { high = t }
            // The tail decreases with t: its derivative is −density.
            var next = t + f / densityUnchecked(t, nu)
            if !(next > low && next < high) || !next.isFinite {
                next = (low > 0 && high / low > 4) ? (low * high).squareRoot() : (low + high) / 2
            }
            if abs(next - t) <= 1e-15 * next { return next }
            if high - low <= 2e-16 * high { return next }
            t = next
        }
        return t
    }
}
