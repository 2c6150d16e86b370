/// A share of answers that meet a condition, with its Wilson 95% interval.
public struct Proportion: Sendable, Equatable {
    /// The answers that meet the condition.
    public var successes: Int
    /// All answers.
    public var n: Int
    /// successes / n, in 0...1.
    public var share: Double
    /// The Wilson score 95% interval of the share, in 0...1.
    public var ci95: Interval

    /// Creates the proportion successes / n with its Wilson interval.
    ///
    /// - Returns: `nil` when n < 1 or successes is not in 0...n.
    /// - Complexity: O(1).
    public init?(successes: Int, n: Int) {
        guard n > 0, successes >= 0, successes <= n,
              let interval = wilsonInterval(successes: successes, n: n) else { return nil }
        self.successes = successes
        self.n = n
        self.share = Double(successes) / Double(n)
        self.ci95 = interval
    }
}

/// The Wilson score interval of a binomial proportion.
///
/// With p̂ = successes/n and z the (1 + confidence)/2 normal quantile
/// (z = 1.959963984540054 for 95%):
///
///     center = (p̂ + z²/(2n)) / (1 + z²/n)
///     half   = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²))
///
/// Unlike the Wald interval p̂ ± z√(p̂(1 − p̂)/n) it stays inside [0, 1] and
/// does not collapse to a point when p̂ is 0 or 1, which matters for the small
/// groups of a survey. Rounding is clamped so the bounds never leave [0, 1].
///
/// - Returns: `nil` when n < 1, successes is not in 0...n, or confidence is
///   not strictly between 0 and 1.
/// - Complexity: O(1).
public func wilsonInterval(successes: Int, n: Int, confidence: Double = 0.95) -> Interval? {
    guard n > 0, successes >= 0, successes <= n, confidence > 0, confidence < 1 else { return nil }
    let z: Double
    if confidence == 0.95 {
        z = Normal.z975
    } else {
        guard let quantile = Normal.quantile(0.5 + confidence / 2) else { return nil }
        z = quantile
    }
    let count = Double(n)
    let p = Double(successes) / count
    let z2 = z * z
    let denominator = 1 + z2 / count
    let center = (p + z2 / (2 * count)) / denominator
    let half = z / denominator * (p * (1 - p) / count + z2 / (4 * count * count)).squareRoot()
    return Interval(center: center, halfWidth: half).clamped(to: 0...1)
}

extension ScoreHistogram {
    /// The share of answers whose value satisfies `predicate`, with its
    /// Wilson interval.
    ///
    /// - Returns: `nil` when the histogram is empty.
    /// - Complexity: O(*d*) calls of `predicate`, one per distinct value.
    public func share(where predicate: (Double) throws -> Bool) rethrows -> Proportion? {
        var successes = 0
        var n = 0
        for bin in bins {
            n += bin.count
            if try predicate(bin.value) { successes += bin.count }
        }
        return Proportion(successes: successes, n: n)
    }
}
