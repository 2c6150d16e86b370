/// Whether a cell of a published table is shown, and if not, why.
public enum CellSuppression: Sendable, Equatable, Hashable {
    /// The count can be published.
    case published
    /// Primary suppression: the count is in 1..<threshold, small enough to
    /// point at identifiable people.
    case primary
    /// Complementary suppression: the count is not small, but publishing it
    /// would let a reader recover a primary-suppressed cell by subtracting
    /// the other cells from a published total.
    case complementary

    /// Whether the cell is hidden.
    public var isSuppressed: Bool { self != .published }
}

/// Small-cell suppression of counts before they are published.
///
/// **Primary**: a count n with 1 ≤ n < threshold is suppressed. A count of 0
/// is published: it says nobody is in the cell, which identifies nobody.
///
/// **Complementary**: totals are published, so a row with exactly one
/// suppressed cell would give it away (total − the other cells). In such a
/// row the smallest other published cell with a positive count is
/// suppressed too (ties: the lowest index). Zero cells are passed over as
/// complements: a reader who guesses that a cell is empty would learn the
/// primary cell's count exactly from the two cells' sum. Only if no positive
/// cell is left is a zero cell taken (lowest index); if the row has no other
/// cell at all nothing can help and the total itself should not be
/// published.
///
/// For a two-way table with row and column totals the same rule is applied
/// to every row, then every column, and again until nothing changes, so that
/// every row and every column has either no suppressed cell or at least two.
/// The result is deterministic: it depends only on the counts.
///
/// This is the one suppression policy of pikir: `pikir agg` (`--min-n`,
/// `--complementary`), the yearly report's tables and the trainer report's
/// "not ranked under k" all read their threshold from here.
public struct SmallCellSuppression: Sendable, Equatable {
    /// The threshold every command uses unless told otherwise: 5, the common
    /// rule of thumb of statistical offices for survey tables.
    public static let defaultThreshold = 5

    /// Counts below this (and above 0) are suppressed.
    public var threshold: Int

    /// Creates a suppression rule with the given threshold.
    public init(threshold: Int = defaultThreshold) {
        self.threshold = threshold
    }

    /// The suppression of each cell of a one-way table: primary only, or
    /// primary and complementary (``suppress(counts:)``).
    public func suppress(counts: [Int], complementary: Bool) -> [CellSuppression] {
        complementary ? suppress(counts: counts) : counts.map { isSmall($0) ? .primary : .published }
    }

    /// Whether a count is primary-suppressed: 1 ≤ count < threshold.
    public func isSmall(_ count: Int) -> Bool {
        count >= 1 && count < threshold
    }

    /// The suppression of each cell of a one-way table whose total is
    /// published, in the input order.
    ///
    /// - Complexity: O(c) for c cells.
    public func suppress(counts: [Int]) -> [CellSuppression] {
        var marks = counts.map { isSmall($0) ? CellSuppression.primary : .published }
        _ = complementLine(counts, &marks, Array(counts.indices))
        return marks
    }

    /// The suppression of each cell of a two-way table whose row and column
    /// totals are published, in the input layout.
    ///
    /// Rows may differ in length; a missing cell takes no part in its column.
    ///
    /// - Complexity: O((r + c)·r·c) at worst, each pass adding a suppression.
    public func suppress(table: [[Int]]) -> [[CellSuppression]] {
        var marks = table.map { row in row.map { isSmall($0) ? CellSuppression.primary : .published } }
        let width = table.map(\.count).max() ?? 0
        var changed = true
        while changed {
            changed = false
            for row in table.indices {
                var line = marks[row]
                if complementLine(table[row], &line, Array(table[row].indices)) {
                    marks[row] = line
                    changed = true
                }
            }
            for column in 0..<width {
                let members = table.indices.filter { column < table[$0].count }
                let counts = members.map { table[$0][column] }
                var line = members.map { marks[$0][column] }
                if complementLine(counts, &line, members) {
                    for (position, row) in members.enumerated() { marks[row][column] = line[position] }
                    changed = true
                }
            }
        }
        return marks
    }

    /// Applies the complementary rule to one line (row or column) of cells.
    ///
    /// - Returns: whether a cell was newly suppressed.
    private func complementLine(_ counts: [Int], _ marks: inout [CellSuppression], _ ids: [Int]) -> Bool {
        let suppressed = marks.filter(\.isSuppressed).count
        guard suppressed == 1 else { return false }
        var best: Int?
        for position in counts.indices where !marks[position].isSuppressed && counts[position] > 0 {
            if let current = best, counts[current] <= counts[position] { continue }
            best = position
        }
        if best == nil {
            best = counts.indices.first { !marks[$0].isSuppressed }
        }
        guard let chosen = best else { return false }
        marks[chosen] = .complementary
        return true
    }
}
