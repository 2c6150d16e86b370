/// The result of a chi-square test of independence.
public struct ChiSquareResult: Sendable, Equatable {
    /// Pearson's statistic Σ (O − E)² / E.
    public var statistic: Double
    /// (r − 1)(c − 1).
    public var degreesOfFreedom: Int
    /// P(χ²_df ≥ statistic).
    public var p: Double
    /// The smallest expected count; below 5 the chi-square approximation is
    /// doubtful (Cochran's rule), which a report may want to say.
    public var minimumExpected: Double

    /// Creates a result from its fields.
    public init(statistic: Double, degreesOfFreedom: Int, p: Double, minimumExpected: Double) {
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.p = p
        self.minimumExpected = minimumExpected
    }
}

/// Pearson's chi-square test of independence of an r × c contingency table.
public enum ChiSquareTest {
    /// Tests whether the rows and columns of `table` are independent.
    ///
    /// With row totals Rᵢ, column totals Cⱼ and grand total N, the expected
    /// counts are Eᵢⱼ = RᵢCⱼ/N and
    ///
    ///     χ² = Σᵢⱼ (Oᵢⱼ − Eᵢⱼ)² / Eᵢⱼ,  df = (r − 1)(c − 1),  p = Q(df/2, χ²/2)
    ///
    /// No Yates continuity correction, also for 2 × 2 tables: this matches
    /// `scipy.stats.chi2_contingency(table, correction=False)`.
    ///
    /// - Returns: `nil` when the table has fewer than 2 rows or 2 columns, is
    ///   ragged, holds a negative count, or has a row or column whose total is
    ///   0 (an expected count would be 0; drop such rows and columns first).
    /// - Complexity: O(r·c).
    public static func test(_ table: [[Int]]) -> ChiSquareResult? {
        let rows = table.count
        guard rows >= 2 else { return nil }
        let columns = table[0].count
        guard columns >= 2, table.allSatisfy({ $0.count == columns }) else { return nil }
        var rowTotals = [Double](repeating: 0, count: rows)
        var columnTotals = [Double](repeating: 0, count: columns)
        for (i, row) in table.enumerated() {
            for (j, count) in row.enumerated() {
                guard count >= 0 else { return nil }
                rowTotals[i] += Double(count)
                columnTotals[j] += Double(count)
            }
        }
        guard rowTotals.allSatisfy({ $0 > 0 }), columnTotals.allSatisfy({ $0 > 0 }) else { return nil }
        let total = rowTotals.reduce(0, +)
        var statistic = 0.0
        var minimumExpected = Double.infinity
        for (i, row) in table.enumerated() {
            for (j, count) in row.enumerated() {
                let expected = rowTotals[i] * columnTotals[j] / total
                let deviation = Double(count) - expected
                statistic += deviation * deviation / expected
                minimumExpected = Swift.min(minimumExpected, expected)
            }
        }
        let df = (rows - 1) * (columns - 1)
        guard let p = ChiSquared.survival(statistic, degreesOfFreedom: Double(df)) else { return nil }
        return ChiSquareResult(statistic: statistic, degreesOfFreedom: df, p: p, minimumExpected: minimumExpected)
    }
}
