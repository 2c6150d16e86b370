/// Inline SVG charts for self-contained HTML reports.
///
/// Every chart is a single `<svg>` element with `role="img"`, a `<title>` and
/// a `<desc>` it is labelled by (ids derived from a hash of the chart, never
/// random), and nothing outside itself: no links, images, fonts, scripts,
/// styles sheets or `<foreignObject>`, only `font-family="sans-serif"`.
/// Every string from the data passes through `SVG.escape`; numbers are
/// written with at most two decimals; the same input gives the same bytes.
///
/// Non-finite numbers are never written: a row or point whose value is not
/// finite is skipped (forest) or left as a gap (trend), an infinite interval
/// end is clipped at the scale's edge, and a NaN end means "no interval".
/// Intervals and values beyond the scale are clipped to it and marked with a
/// small triangle pointing outwards. With nothing to draw a chart is a small
/// SVG showing its title alone.
///
/// Each chart carries its text alternative (`description`) but not its data
/// table: the report puts the table next to it.
public enum SVGChart {
    /// Forest plot: one row per item, in the order given, a point at
    /// `estimate`, a horizontal line from `low` to `high` with caps at its
    /// ends, the n at the right; a vertical dashed reference line (for example
    /// the overall mean) with its value written above it (after
    /// `referenceLabel`, e.g. "centre mean 4.26", when given), drawn only when it
    /// is finite and inside `scale`. The axis runs over `scale` with ticks at 1,
    /// 2, 2.5 or 5 × 10^k steps. Row labels on the left are truncated with …
    /// in the drawing only; each row's `<title>` holds the full label, the
    /// estimate, its interval and n.
    ///
    /// Rows whose estimate is not finite are not drawn (list them in the
    /// table). Rows are about 26 units high at width 640. With `narrowWidth`
    /// the phone variant follows the drawing (see `responsive`).
    public static func forest(
        _ rows: [ForestRow], scale: ClosedRange<Double>, reference: Double?, referenceLabel: String? = nil,
        title: String, description: String, format: (Double) -> String, width: Int = 640,
        narrowWidth: Int? = SVGChart.narrowWidth
    ) -> String {
        responsive(width: width, narrowWidth: narrowWidth) {
            forestDrawing(rows, scale: scale, reference: reference, referenceLabel: referenceLabel, title: title,
                          description: description, format: format, width: $0)
        }
    }

    private static func forestDrawing(
        _ rows: [ForestRow], scale: ClosedRange<Double>, reference: Double?, referenceLabel: String?,
        title: String, description: String, format: (Double) -> String, width: Int
    ) -> String {
        let m = ChartMetrics(width: width)
        let rows = rows.filter { $0.estimate.isFinite }
        guard !rows.isEmpty else { return empty(kind: "forest", metrics: m, title: title, description: description) }

        let s = LinearScale(scale, data: rows.flatMap { [$0.estimate, $0.low, $0.high] })
        let nTexts = rows.map { String(max(0, $0.n)) }
        let nWidth = max(nTexts.map(m.textWidth).max() ?? 0, m.textWidth("n"))
        let labelWidth = min(max(rows.map { m.textWidth($0.label) }.max() ?? 0, 4 * m.font), m.width * m.labelShare)
        let labelRight = m.pad + labelWidth
        let nRight = m.width - m.pad
        let plotLeft = labelRight + m.font * 1.2
        let plotRight = nRight - nWidth - m.font * 1.2
        let plotWidth = plotRight - plotLeft
        func x(_ v: Double) -> Double { plotLeft + s.fraction(v) * plotWidth }

        let rowsTop = m.titleBlock + m.headerBlock
        let rowsBottom = rowsTop + Double(rows.count) * m.rowHeight
        let axisY = rowsBottom + 4 * m.unit
        let tickLength = 5 * m.unit
        let tickLabelBaseline = axisY + tickLength + m.font + 2 * m.unit
        let height = tickLabelBaseline + m.pad + 2 * m.unit

        var w = SVGWriter()
        drawTitle(title, metrics: m, into: &w)
        let headerBaseline = m.titleBlock + m.headerBlock - 6 * m.unit
        w.text("n", x: nRight, y: headerBaseline, anchor: .end, cls: "pk-n-head", fill: ChartPalette.axis)

        // Grid and axis.
        let ticks = s.ticks()
        w.open("g", "class=\"pk-axis\" shape-rendering=\"crispEdges\"")
        for t in ticks {
            w.line(x1: x(t), y1: rowsTop, x2: x(t), y2: rowsBottom, stroke: ChartPalette.grid, width: 1, cls: "pk-grid")
        }
        w.line(x1: plotLeft, y1: axisY, x2: plotRight, y2: axisY, stroke: ChartPalette.axis, width: 1, cls: "pk-axis-line")
        for t in ticks {
            w.line(x1: x(t), y1: axisY, x2: x(t), y2: axisY + tickLength, stroke: ChartPalette.axis, width: 1, cls: "pk-tick")
        }
        w.close("g")
        for t in ticks { w.text(format(t), x: x(t), y: tickLabelBaseline, anchor: .middle, cls: "pk-tick-label") }

        // Reference line, behind the rows.
        if let reference, reference.isFinite, s.contains(reference) {
            let rx = x(reference)
            w.line(
                x1: rx, y1: rowsTop - 2 * m.unit, x2: rx, y2: axisY, stroke: ChartPalette.reference, width: 1.5 * m.unit,
                cls: "pk-ref", dash: SVG.number(4 * m.unit) + " " + SVG.number(3 * m.unit))
            // Centred on the line, but never over the "n" header nor past the left edge.
            let label = referenceLabel.map { $0 + " " + format(reference) } ?? format(reference)
            let labelX = max(m.pad + m.textWidth(label) / 2,
                             min(rx, nRight - m.textWidth("n") - 0.5 * m.font - m.textWidth(label) / 2))
            w.text(label, x: labelX, y: headerBaseline, anchor: .middle, cls: "pk-ref-label")
        }

        let capHalf = 0.3 * m.font
        let markSize = 0.5 * m.font
        for (i, row) in rows.enumerated() {
            let cy = rowsTop + (Double(i) + 0.5) * m.rowHeight
            w.open("g", "class=\"pk-row\"")
            w.title(row.label + ": " + describe(row.estimate, low: row.low, high: row.high, format: format)
                + ", n = " + nTexts[i])
            w.text(m.truncated(row.label, toFit: labelWidth), x: labelRight, y: cy + m.baselineShift, anchor: .end,
                   cls: "pk-label")
            var clippedLeft = row.estimate < s.lower
            var clippedRight = row.estimate > s.upper
            if !row.low.isNaN && !row.high.isNaN {
                let a = min(row.low, row.high), b = max(row.low, row.high)
                clippedLeft = clippedLeft || a < s.lower
                clippedRight = clippedRight || b > s.upper
                let x1 = x(a), x2 = x(b)
                w.line(x1: x1, y1: cy, x2: x2, y2: cy, stroke: ChartPalette.point, width: 2 * m.unit, cls: "pk-ci")
                if a >= s.lower {
                    w.line(x1: x1, y1: cy - capHalf, x2: x1, y2: cy + capHalf, stroke: ChartPalette.point,
                           width: 1.5 * m.unit, cls: "pk-cap")
                }
                if b <= s.upper {
                    w.line(x1: x2, y1: cy - capHalf, x2: x2, y2: cy + capHalf, stroke: ChartPalette.point,
                           width: 1.5 * m.unit, cls: "pk-cap")
                }
            }
            if clippedLeft { clipMark(tipX: plotLeft - markSize, tipY: cy, direction: .left, size: markSize, into: &w) }
            if clippedRight { clipMark(tipX: plotRight + markSize, tipY: cy, direction: .right, size: markSize, into: &w) }
            w.circle(cx: x(row.estimate), cy: cy, r: 0.38 * m.font, fill: ChartPalette.point, stroke: "#FFFFFF",
                     cls: "pk-est")
            w.text(nTexts[i], x: nRight, y: cy + m.baselineShift, anchor: .end, cls: "pk-n")
            w.close("g")
        }

        return document(kind: "forest", metrics: m, height: height, title: title, description: description, body: w.body)
    }
}
