/// A change between two periods' means (this year − last year).
public struct ChangeResult: Sendable, Equatable {
    /// Last period's mean.
    public var previousMean: Double
    /// This period's mean.
    public var currentMean: Double
    /// currentMean − previousMean.
    public var difference: Double
    /// The Welch 95% interval of the difference; `nil` when the test cannot
    /// be computed (a period with fewer than 2 answers, or no spread in
    /// either period).
    public var ci95: Interval?
    /// The two-sided Welch p-value of the difference; `nil` when `ci95` is.
    public var p: Double?
    /// The full Welch test of current against previous, when computable.
    public var welch: WelchResult?

    /// Creates a change from its fields.
    public init(previousMean: Double, currentMean: Double, difference: Double,
                ci95: Interval?, p: Double?, welch: WelchResult?) {
        self.previousMean = previousMean
        self.currentMean = currentMean
        self.difference = difference
        self.ci95 = ci95
        self.p = p
        self.welch = welch
    }
}

/// Year-over-year change of a mean score.
public enum YearOverYear {
    /// The change of the mean from `previous` to `current`, with Welch's
    /// 95% interval and p-value.
    ///
    /// difference = x̄_current − x̄_previous; its interval and p are Welch's
    /// t-test of current against previous (see `WelchTTest`), so a positive
    /// difference is an improvement on a scale where higher is better.
    ///
    /// The difference itself needs only one answer in each period; the
    /// interval and p-value are `nil` when Welch's test is undefined.
    ///
    /// - Returns: `nil` when either period has no answers.
    /// - Complexity: O(*d*) plus one t quantile and one t tail.
    public static func change(previous: ScoreHistogram, current: ScoreHistogram) -> ChangeResult? {
        let before = Moments(previous.bins)
        let after = Moments(current.bins)
        guard before.n > 0, after.n > 0 else { return nil }
        let welch = WelchTTest.test(current, previous)
        return ChangeResult(previousMean: before.mean, currentMean: after.mean,
                            difference: after.mean - before.mean,
                            ci95: welch?.ci95, p: welch?.p, welch: welch)
    }
}
