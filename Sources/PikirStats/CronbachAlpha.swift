/// Cronbach's α, the internal consistency of a set of items (questions)
/// answered by the same respondents.
public enum CronbachAlpha {
    /// Cronbach's α of `rows`, one row per respondent, one column per item.
    ///
    /// With k items, sample variances (n − 1 denominator) s²ᵢ of each item and
    /// s²ₜ of the respondents' totals:
    ///
    ///     α = k/(k − 1) · (1 − Σ s²ᵢ / s²ₜ)
    ///
    /// Only complete rows belong in the input (listwise deletion is the
    /// caller's choice to make). α is at most 1 and can be negative when
    /// items disagree.
    ///
    /// - Returns: `nil` when there are fewer than 2 items or 2 rows, the rows
    ///   differ in length, a score is not finite, the totals have zero
    ///   variance, or the scores are so large that the variances overflow.
    /// - Complexity: O(n·k).
    public static func alpha(_ rows: [[Double]]) -> Double? {
        let n = rows.count
        guard n >= 2 else { return nil }
        let k = rows[0].count
        guard k >= 2 else { return nil }
        for row in rows {
            guard row.count == k, row.allSatisfy(\.isFinite) else { return nil }
        }
        var itemVariances = 0.0
        for item in 0..<k {
            itemVariances += variance(rows.lazy.map { $0[item] }, count: n)
        }
        let totals = rows.map { $0.reduce(0, +) }
        // Equal totals have no variance; test it exactly, not through rounding.
        guard totals.contains(where: { $0 != totals[0] }) else { return nil }
        let totalVariance = variance(totals, count: n)
        guard totalVariance > 0 else { return nil }
        let items = Double(k)
        let alpha = items / (items - 1) * (1 - itemVariances / totalVariance)
        return alpha.isFinite ? alpha : nil
    }

    /// The sample variance Σ(x − x̄)²/(n − 1), in two passes.
    private static func variance<C: Collection>(_ values: C, count: Int) -> Double where C.Element == Double {
        var sum = 0.0
        for value in values { sum += value }
        let mean = sum / Double(count)
        var squares = 0.0
        for value in values {
            let deviation = value - mean
            squares += deviation * deviation
        }
        return squares / Double(count - 1)
    }
}
