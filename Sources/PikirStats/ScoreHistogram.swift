/// A streaming accumulator of answers on a small scale: how many times each
/// value was given.
///
/// Survey answers come from small discrete scales (1–5, 0–10), so a group's
/// answers fit exactly in a histogram. Every statistic of this module — mean,
/// standard deviation, exact quantiles, box shares, NPS, rank tests — is
/// computed from the histogram, never from the raw list, so memory is
/// O(distinct values) whatever the number of answers, and histograms built
/// on different files or threads combine with `merge(_:)`.
///
///     var histogram = ScoreHistogram()
///     for answer in [5, 4, 4, 3, 5] { histogram.ingest(Double(answer)) }
///     histogram.summary(scale: 1...5).mean    // 4.2
///
/// Whole numbers 0...10 are counted in an inline fixed array (no allocation,
/// a comparison and an increment); any other value (decimals such as 4.5,
/// numbers outside 0...10) goes to a small sorted fallback list.
///
/// Values that are not finite (NaN, ±infinity) are not answers: `ingest`
/// ignores them and they are not counted.
///
/// Two histograms are equal when they hold the same count for every value,
/// however they were built.
public struct ScoreHistogram: Sendable {
    /// One distinct value and how many times it was given.
    @usableFromInline
    struct Bin: Sendable, Equatable {
        @usableFromInline var value: Double
        @usableFromInline var count: Int

        @inlinable
        init(value: Double, count: Int) {
            self.value = value
            self.count = count
        }
    }

    /// The largest whole number counted in the inline array.
    @usableFromInline
    static var fastMax: Int { 10 }

    /// Counts of the whole numbers 0...10, indexed by value.
    @usableFromInline
    var fast: InlineArray<11, Int>

    /// Counts of every other value, ascending by value, no zero counts.
    @usableFromInline
    var other: [Bin]

    /// Creates an empty histogram.
    ///
    /// - Complexity: O(1).
    @inlinable
    public init() {
        fast = InlineArray(repeating: 0)
        other = []
    }

    /// Creates a histogram holding the given values.
    ///
    /// - Complexity: O(*n* + *d*²) for *n* values of which *d* are not whole
    ///   numbers in 0...10.
    public init<S: Sequence>(_ values: S) where S.Element == Double {
        self.init()
        for value in values { ingest(value) }
    }

    /// Counts one answer.
    ///
    /// Non-finite values are ignored.
    ///
    /// - Complexity: O(1) for whole numbers 0...10; O(*d*) otherwise, where
    ///   *d* is the number of distinct such values already held.
    @inlinable
    public mutating func ingest(_ value: Double) {
        if value >= 0, value <= 10 {
            let index = Int(value)
            if Double(index) == value {
                fast[index] &+= 1
                return
            }
        }
        ingestOther(value, count: 1)
    }

    /// Counts `count` answers of the same value.
    ///
    /// Non-finite values and counts below 1 are ignored.
    ///
    /// - Complexity: O(1) for whole numbers 0...10; O(*d*) otherwise.
    @inlinable
    public mutating func ingest(_ value: Double, count: Int) {
        guard count > 0 else { return }
        if value >= 0, value <= 10 {
            let index = Int(value)
            if Double(index) == value {
                fast[index] &+= count
                return
            }
        }
        ingestOther(value, count: count)
    }

    /// The slow path of `ingest`: a value that is not a whole number in 0...10.
    @usableFromInline
    mutating func ingestOther(_ value: Double, count: Int) {
        guard value.isFinite, count > 0 else { return }
        // Binary search for the first bin whose value is not below `value`.
        var low = 0
        var high = other.count
        while low < high {
            let middle = (low + high) / 2
            if other[middle].value < value { low = middle + 1 } else { high = middle }
        }
        if low < other.count, other[low].value == value {
            other[low].count &+= count
        } else {
            other.insert(Bin(value: value, count: count), at: low)
        }
    }

    /// Adds every count of `other` to this histogram.
    ///
    /// Merging is commutative and associative: histograms built on parts of
    /// the data, in any order, merge to the histogram of all of it.
    ///
    /// - Complexity: O(*d*₁ + *d*₂) in the number of distinct values outside
    ///   the inline range.
    public mutating func merge(_ other: ScoreHistogram) {
        for index in 0...Self.fastMax {
            fast[index] &+= other.fast[index]
        }
        if other.other.isEmpty { return }
        if self.other.isEmpty {
            self.other = other.other
            return
        }
        var merged: [Bin] = []
        merged.reserveCapacity(self.other.count + other.other.count)
        var i = 0
        var j = 0
        let left = self.other
        let right = other.other
        while i < left.count || j < right.count {
            if j == right.count || (i < left.count && left[i].value < right[j].value) {
                merged.append(left[i]); i += 1
            } else if i == left.count || right[j].value < left[i].value {
                merged.append(right[j]); j += 1
            } else {
                merged.append(Bin(value: left[i].value, count: left[i].count &+ right[j].count))
                i += 1; j += 1
            }
        }
        self.other = merged
    }

    /// Returns this histogram merged with `other`.
    ///
    /// - Complexity: O(*d*₁ + *d*₂).
    public func merging(_ other: ScoreHistogram) -> ScoreHistogram {
        var result = self
        result.merge(other)
        return result
    }

    /// The number of answers counted.
    ///
    /// - Complexity: O(*d*), *d* distinct values.
    public var n: Int {
        var total = 0
        for index in 0...Self.fastMax { total &+= fast[index] }
        for bin in other { total &+= bin.count }
        return total
    }

    /// Whether no answer has been counted.
    ///
    /// - Complexity: O(*d*).
    public var isEmpty: Bool { n == 0 }

    /// Each distinct value with its count, ascending by value.
    ///
    /// - Complexity: O(*d*).
    public var distribution: [(value: Double, count: Int)] {
        bins.map { (value: $0.value, count: $0.count) }
    }

    /// The count of answers equal to `value`.
    ///
    /// - Complexity: O(log *d*).
    public func count(of value: Double) -> Int {
        if value >= 0, value <= 10, Double(Int(value)) == value { return fast[Int(value)] }
        var low = 0
        var high = other.count
        while low < high {
            let middle = (low + high) / 2
            if other[middle].value < value { low = middle + 1 } else { high = middle }
        }
        return low < other.count && other[low].value == value ? other[low].count : 0
    }

    /// Distinct values with their counts, ascending by value, no zero counts.
    ///
    /// - Complexity: O(*d*).
    @usableFromInline
    var bins: [Bin] {
        var result: [Bin] = []
        result.reserveCapacity(other.count + 11)
        var j = 0
        for index in 0...Self.fastMax {
            let value = Double(index)
            while j < other.count, other[j].value < value {
                result.append(other[j]); j += 1
            }
            let count = fast[index]
            if count > 0 { result.append(Bin(value: value, count: count)) }
        }
        while j < other.count {
            result.append(other[j]); j += 1
        }
        return result
    }
}

extension ScoreHistogram: Equatable {
    /// Whether both histograms hold the same count for every value.
    ///
    /// - Complexity: O(*d*).
    public static func == (lhs: ScoreHistogram, rhs: ScoreHistogram) -> Bool {
        for index in 0...fastMax where lhs.fast[index] != rhs.fast[index] { return false }
        return lhs.other == rhs.other
    }
}

extension ScoreHistogram: ExpressibleByArrayLiteral {
    /// Creates a histogram holding the listed answers.
    public init(arrayLiteral elements: Double...) {
        self.init(elements)
    }
}
