/// A closed interval of real numbers, such as a confidence interval.
public struct Interval: Sendable, Equatable, Hashable {
    /// The lower bound.
    public var low: Double
    /// The upper bound.
    public var high: Double

    /// Creates an interval from its bounds.
    ///
    /// - Complexity: O(1).
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The interval center ± halfWidth.
    ///
    /// - Complexity: O(1).
    public init(center: Double, halfWidth: Double) {
        self.init(low: center - halfWidth, high: center + halfWidth)
    }

    /// high − low.
    ///
    /// - Complexity: O(1).
    public var width: Double { high - low }

    /// Whether `x` lies in the interval, bounds included.
    ///
    /// - Complexity: O(1).
    public func contains(_ x: Double) -> Bool { low <= x && x <= high }

    /// The interval with both bounds clamped into `range`.
    ///
    /// - Complexity: O(1).
    public func clamped(to range: ClosedRange<Double>) -> Interval {
        Interval(low: Swift.min(Swift.max(low, range.lowerBound), range.upperBound),
                 high: Swift.min(Swift.max(high, range.lowerBound), range.upperBound))
    }
}
