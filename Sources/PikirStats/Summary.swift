/// The descriptive statistics of one group of answers to a question on a
/// bounded scale.
///
/// Every field that cannot be computed from the answers is `nil`; no NaN or
/// infinity is ever stored:
/// - n = 0: everything but `n` is `nil`.
/// - n = 1: `mean`, `min`, `max` and the quantiles are the answer; `sd` and
///   `se` are `nil` (a spread needs two answers); `ci95` is the whole scale.
/// - All answers equal (n ≥ 2): `sd = 0` and `se = 0`, but `ci95` still has
///   width: a few equal answers do not show that everyone would answer so.
public struct Summary: Sendable, Equatable {
    /// The number of answers.
    public var n: Int
    /// The arithmetic mean, Σx / n.
    public var mean: Double?
    /// The sample standard deviation, √(Σ(x − x̄)² / (n − 1)).
    public var sd: Double?
    /// The standard error of the mean, sd / √n.
    public var se: Double?
    /// The 95% confidence interval of the mean, inside the question's scale
    /// (see `BoundedMeanInterval`).
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
    /// The descriptive statistics of the answers counted so far, to a
    /// question on `scale` (1...5, or 0...10 for the recommendation question).
    ///
    /// The mean is Σ cᵥ·v / n over the distinct values v with counts cᵥ; the
    /// variance is computed in a second pass as Σ cᵥ·(v − x̄)² / (n − 1), which
    /// does not lose digits the way Σx² − n·x̄² does. The interval of the mean
    /// is `BoundedMeanInterval`'s, which needs the scale. See `Summary` for
    /// what degenerate groups give.
    ///
    /// - Complexity: O(*d*) in the number of distinct values, plus one
    ///   Student t quantile.
    public func summary(scale: ClosedRange<Int>) -> Summary {
        let bins = self.bins
        let moments = Moments(bins)
        guard moments.n > 0, let first = bins.first, let last = bins.last else { return Summary(n: 0) }
        var result = Summary(n: moments.n, mean: moments.mean, min: first.value, max: last.value,
                             median: Self.quantile(0.5, of: bins),
                             p25: Self.quantile(0.25, of: bins),
                             p75: Self.quantile(0.75, of: bins))
        if let sd = moments.sd {
            result.sd = sd
            result.se = sd / Double(moments.n).squareRoot()
        }
        result.ci95 = BoundedMeanInterval.ci95(bins: bins, moments: moments,
                                               scale: Double(scale.lowerBound)...Double(scale.upperBound))
        return result
    }
}
