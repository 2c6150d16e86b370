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
    /// The session's date as days since 1970-01-01; when every point has one the x axis is time.
    public var day: Int?

    public init(label: String, value: Double, low: Double? = nil, high: Double? = nil, day: Int? = nil) {
        self.label = label
        self.value = value
        self.low = low
        self.high = high
        self.day = day
    }
}

/// Civil dates as day numbers (days since 1970-01-01, proleptic Gregorian), for time axes.
enum CivilDay {
    /// "2024-11-05" → its day number; nil if not an ISO date.
    static func day(iso: String?) -> Int? {
        guard let iso else { return nil }
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return day(year: parts[0], month: parts[1], day: parts[2])
    }

    /// H. Hinnant's days_from_civil.
    static func day(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The year and month of a day number (H. Hinnant's civil_from_days).
    static func yearMonth(_ days: Int) -> (year: Int, month: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month)
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
