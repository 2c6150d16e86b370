/// Charts made of characters, for the terminal dashboard.
///
/// Every result is exactly `width` terminal columns wide (bars are padded
/// with spaces), so charts line up in table columns; `width` ≤ 0 gives "".
/// Shares and values that are not finite count as 0 (bars) or as nothing
/// drawn (sparkline gap, interval).
public enum TextChart {
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A bar of `width` cells for a share 0–1: full cells "█" then one
    /// partial cell from the eighth blocks "▏▎▍▌▋▊▉", rounded to the nearest
    /// eighth, padded with spaces to `width`. A share above 0 always shows at
    /// least "▏"; shares are clamped to 0...1.
    ///
    ///     bar(0.5, width: 4)   == "██  "
    ///     bar(0.3, width: 4)   == "█▎  "   (9.6 eighths → 10 = 8 + 2)
    public static func bar(_ share: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let clamped = share.isFinite ? min(max(share, 0), 1) : 0
        var units = Int((clamped * Double(width) * 8).rounded(.toNearestOrAwayFromZero))
        if clamped > 0 { units = max(units, 1) }
        let full = units / 8, rest = units % 8
        var out = String(repeating: "█", count: full)
        if rest > 0 { out.append(eighths[rest - 1]) }
        return out + String(repeating: " ", count: width - full - (rest > 0 ? 1 : 0))
    }

    /// One of "▁▂▃▄▅▆▇█" per value: `range` split into eight equal bins, the
    /// lowest "▁", the highest (and the upper bound itself) "█"; values
    /// beyond the range are clamped, a value that is not finite is a space. A
    /// range of zero width (or with an infinite bound) draws every value as
    /// "▄". Empty input gives "".
    ///
    ///     sparkline([1, 2, 3, 4, 5], range: 1...5) == "▁▃▅▇█"
    public static func sparkline(_ values: [Double], range: ClosedRange<Double>) -> String {
        let lo = range.lowerBound, hi = range.upperBound
        let span = hi - lo
        var out = ""
        for v in values {
            guard v.isFinite else { out.append(" "); continue }
            guard span > 0, span.isFinite else { out.append("▄"); continue }
            let t = (min(max(v, lo), hi) - lo) / span
            out.append(levels[min(7, Int(t * 8))])
        }
        return out
    }

    /// A diverging bar of `width` cells around a centre "│": (`width` − 1) / 2
    /// cells on either side, so both sides share one scale (an even `width`
    /// ends in one more space). Each side stands for shares 0–1; the
    /// left holds "▓" for `low` then "░" for half of `mid` next to the
    /// centre, the right "░" for the other half of `mid` then "█" for `high`;
    /// spaces fill the outer ends. Shares are normalised as `DivergingRow`'s;
    /// cell counts are rounded cumulatively from the centre, so a side never
    /// overflows. All zero gives spaces around the "│".
    ///
    ///     diverging(low: 0.2, mid: 0.2, high: 0.6, width: 21) == "       ▓▓░│░██████   "
    public static func diverging(low: Double, mid: Double, high: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let share = ShareNormaliser.normalise(low, mid, high)
        let left = (width - 1) / 2, right = left
        func cells(_ x: Double, _ side: Int) -> Int {
            min(side, Int((x * Double(side)).rounded(.toNearestOrAwayFromZero)))
        }
        let midLeft = cells(share.mid / 2, left)
        let outerLeft = cells(share.mid / 2 + share.low, left)
        let midRight = cells(share.mid / 2, right)
        let outerRight = cells(share.mid / 2 + share.high, right)
        return String(repeating: " ", count: left - outerLeft)
            + String(repeating: "▓", count: outerLeft - midLeft)
            + String(repeating: "░", count: midLeft)
            + "│"
            + String(repeating: "░", count: midRight)
            + String(repeating: "█", count: outerRight - midRight)
            + String(repeating: " ", count: right - outerRight + (width - 1) % 2)
    }

    /// An interval on a text axis of `width` cells over `scale`: "─" on the
    /// cells from `low` to `high`, "●" on the estimate's cell, spaces
    /// elsewhere. A value maps to cell round((v − lower) / (upper − lower) ·
    /// (width − 1)), clamped to the axis; an interval cut by the axis's edge
    /// ends in "<" or ">" there (unless the "●" sits on that cell). A NaN end
    /// means no interval (the point alone); an estimate that is not finite
    /// gives spaces. The scale is made usable as the SVG charts' is.
    ///
    ///     interval(estimate: 3, low: 2, high: 4, scale: 1...5, width: 9) == "  ──●──  "
    public static func interval(estimate: Double, low: Double, high: Double, scale: ClosedRange<Double>, width: Int) -> String {
        guard width > 0 else { return "" }
        guard estimate.isFinite else { return String(repeating: " ", count: width) }
        let s = LinearScale(scale, data: [estimate, low, high])
        func cell(_ v: Double) -> Int {
            Int((s.fraction(v) * Double(width - 1)).rounded(.toNearestOrAwayFromZero))
        }
        var cells = [Character](repeating: " ", count: width)
        if !low.isNaN, !high.isNaN {
            let a = min(low, high), b = max(low, high)
            for i in cell(a)...cell(b) { cells[i] = "─" }
            if a < s.lower { cells[0] = "<" }
            if b > s.upper { cells[width - 1] = ">" }
        }
        if estimate < s.lower { cells[0] = "<" }
        if estimate > s.upper { cells[width - 1] = ">" }
        cells[cell(estimate)] = "●"
        return String(cells)
    }
}
