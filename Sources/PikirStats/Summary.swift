/// The descriptive statistics of one group of answers.
///
/// Every field that cannot be computed from the answers is `nil`; no NaN or
/// infinity is ever stored:
/// - n = 0: everything but `n` is `nil`.
/// - n = 1: `mean`, `min`, `max` and the quantiles are the answer; `sd`, `se`
///   and `ci95` are `nil` (a spread needs two answers).
/// - All answers equal (n ≥ 2): `sd = 0`, `se = 0` and `ci95` is the
///   degenerate interval [mean, mean] — honest, since the answers show no
///   spread at all.
public struct Summary: Sendable, Equatable {
    /// The number of answers.
    public var n: Int
    /// The arithmetic mean, Σx / n.
    public var mean: Double?
    /// The sample standard deviation, √(Σ(x − x̄)² / (n − 1)).
    public var sd: Double?
    /// The standard error of the mean, sd / √n.
    public var se: Double?
    /// The 95% confidence interval of the mean, x̄ ± t₀.₉₇₅,ₙ₋₁ · se, with the
    /// exact Student t quantile.
    public var ci95: Interval?
    /// The smallest answer.
    public var min: Double?
    /// The largest answer.
    public var max: Double?
    /// The median, the type-7 quantile Q(0.5).
    public var median: Double?
    /// The first quartile, the type-7 quantile Q(0.25).
    public var p25: Double?
    /// The third quartile, the type-7 quantile Q(0.75).
    public var p75: Double?

    /// Creates a summary from its fields.
    public init(n: Int, mean: Double? = nil, sd: Double? = nil, se: Double? = nil, ci95: Interval? = nil,
                min: Double? = nil, max: Double? = nil, median: Double? = nil,
                p25: Double? = nil, p75: Double? = nil) {
        self.n = n
        self.mean = mean
        self.sd = sd
        self.se = se
        self.ci95 = ci95
        self.min = min
        self.max = max
        self.median = median
        self.p25 = p25
        self.p75 = p75
    }
}

extension ScoreHistogram {
    /// The descriptive statistics of the answers counted so far.
    ///
    /// The mean is Σ cᵥ·v / n over the distinct values v with counts cᵥ; the
    /// variance is computed in a second pass as Σ cᵥ·(v − x̄)² / (n − 1), which
    /// does not lose digits the way Σx² − n·x̄² does. See `Summary` for what
    /// degenerate groups give.
    ///
    /// - Complexity: O(*d*) in the number of distinct values, plus one
    ///   Student t quantile.
    public func summary() -> Summary {
        let bins = self.bins
        let moments = Moments(bins)
        guard moments.n > 0, let first = bins.first, let last = bins.last else { return Summary(n: 0) }
        var result = Summary(n: moments.n, mean: moments.mean, min: first.value, max: last.value,
                             median: Self.quantile(0.5, of: bins),
                             p25: Self.quantile(0.25, of: bins),
                             p75: Self.quantile(0.75, of: bins))
        if let sd = moments.sd {
            let se = sd / Double(moments.n).squareRoot()
            result.sd = sd
            result.se = se
            result.ci95 = Moments.meanInterval(mean: moments.mean, se: se, degreesOfFreedom: Double(moments.n - 1))
        }
        return result
    }
}
