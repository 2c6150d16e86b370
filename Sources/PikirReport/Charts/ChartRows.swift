/// One row of a forest plot: a trainer (or centre, or question) with its
/// estimate, the interval around it and the number of answers behind it.
public struct ForestRow: Sendable, Equatable {
    /// Shown left of the row (truncated with … if long) and in full in the row's `<title>`.
    public var label: String
    /// The point; a row whose estimate is not finite is not drawn.
    public var estimate: Double
    /// The interval's ends; swapped if reversed; ±∞ is drawn clipped at the
    /// scale's edge, NaN means "no interval" (the point alone is drawn).
    public var low: Double
    public var high: Double
    /// Answers behind the estimate, written at the right (negative shows as 0).
    public var n: Int

    public init(label: String, estimate: Double, low: Double, high: Double, n: Int) {
        self.label = label
        self.estimate = estimate
        self.low = low
        self.high = high
        self.n = n
    }
}

/// One diverging stacked bar: the shares of answers 1–2 (`low`), 3 (`mid`)
/// and 4–5 (`high`).
///
/// Shares should sum to 1; they are normalised defensively: negative or
/// non-finite shares count as 0, the rest are divided by their sum, and a
/// row whose shares are all 0 is drawn as an empty bar (label and n only).
public struct DivergingRow: Sendable, Equatable {
    public var label: String
    public var low: Double
    public var mid: Double
    public var high: Double
    public var n: Int

    public init(label: String, low: Double, mid: Double, high: Double, n: Int) {
        self.label = label
        self.low = low
        self.mid = mid
        self.high = high
        self.n = n
    }

    /// The shares as drawn: finite, non-negative and summing to 1, or all 0.
    var normalised: (low: Double, mid: Double, high: Double) {
        ShareNormaliser.normalise(low, mid, high)
    }
}

/// One session on a trend line: its value and, if known, an interval.
public struct TrendPoint: Sendable, Equatable {
    /// The session (a date, a code); on the x axis and in the point's `<title>`.
    public var label: String
    /// A value that is not finite leaves a gap in the line.
    public var value: Double
    /// The interval's ends, if known; NaN counts as unknown, ±∞ as clipped.
    public var low: Double?
    public var high: Double?

    public init(label: String, value: Double, low: Double? = nil, high: Double? = nil) {
        self.label = label
        self.value = value
        self.low = low
        self.high = high
    }
}

enum ShareNormaliser {
    static func normalise(_ low: Double, _ mid: Double, _ high: Double) -> (low: Double, mid: Double, high: Double) {
        func clean(_ x: Double) -> Double { x.isFinite && x > 0 ? x : 0 }
        let l = clean(low), m = clean(mid), h = clean(high)
        let sum = l + m + h
        guard sum > 0, sum.isFinite else {
            // Every share is 0, or they overflow together: scale down first.
            let big = max(l, m, h)
            guard big > 0, big.isFinite else { return (0, 0, 0) }
            return normalise(l / big, m / big, h / big)
        }
        return (l / sum, m / sum, h / sum)
    }
}
