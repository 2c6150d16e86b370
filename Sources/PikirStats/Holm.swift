/// Holm's step-down correction of p-values for multiple comparisons.
///
/// Comparing many groups at once (every trainer against the rest, every
/// region, every question) makes some p < 0.05 by chance; Holm's method
/// controls the family-wise error rate without assuming independence and is
/// uniformly more powerful than Bonferroni.
public enum Holm {
    /// The Holm-adjusted p-values, in the input order.
    ///
    /// With the m p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎ (ties kept in
    /// input order):
    ///
    ///     p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎)
    ///
    /// so the adjusted values are monotone in the sorted order and capped at
    /// 1. A p-value of NaN is treated as 1, and values outside 0...1 are
    /// clamped into it.
    ///
    /// - Complexity: O(m log m).
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let clean = pValues.map(clamp)
        let order = sortedOrder(clean)
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (position, index) in order.enumerated() {
            let scaled = Swift.min(1, Double(m - position) * clean[index])
            running = Swift.max(running, scaled)
            adjusted[index] = running
        }
        return adjusted
    }

    /// Which hypotheses Holm's procedure rejects at family-wise level `alpha`,
    /// in the input order.
    ///
    /// Step down through the sorted p-values, rejecting while
    /// p₍ᵢ₎ ≤ alpha/(m − i + 1) and stopping at the first that is not; the
    /// rest are kept. This is the same decision as adjusted p ≤ alpha, made
    /// without the rounding of the multiplication.
    ///
    /// - Complexity: O(m log m).
    public static func rejected(_ pValues: [Double], alpha: Double = 0.05) -> [Bool] {
        let m = pValues.count
        let clean = pValues.map(clamp)
        var result = [Bool](repeating: false, count: m)
        for (position, index) in sortedOrder(clean).enumerated() {
            guard clean[index] <= alpha / Double(m - position) else { break }
            result[index] = true
        }
        return result
    }

    private static func clamp(_ p: Double) -> Double {
        p.isNaN ? 1 : Swift.min(1, Swift.max(0, p))
    }

    /// Indices of `values` in ascending order, ties by index.
    private static func sortedOrder(_ values: [Double]) -> [Int] {
        values.indices.sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
    }
}
