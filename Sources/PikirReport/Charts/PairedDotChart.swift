/// One row of a paired-dot chart: last period's value and this one's.
public struct PairedDotRow: Sendable, Equatable {
    public var label: String
    /// Last period's value; nil when it has none to show (no data, or suppressed).
    public var last: Double?
    public var current: Double
    /// Said in the row's `<title>` and the text chart when `last` is nil (why it is missing).
    public var lastMissing: String

    public init(label: String, last: Double?, current: Double, lastMissing: String = "") {
        self.label = label
        self.last = last
        self.current = current
        self.lastMissing = lastMissing
    }
}

/// The paired-dot (dumbbell) chart of the yearly report: per row a hollow dot
/// at last year's value, a filled dot at this year's, joined by a line, so the
/// change is read as the line's length and direction. A legend names the two
/// periods. Rows in the order given; non-finite current values are not drawn.
/// With `narrowWidth` the phone variant follows the drawing (see `SVGChart.responsive`).
public enum PairedDotChart {
    public static func svg(
        _ rows: [PairedDotRow], scale: ClosedRange<Double>, lastLabel: String, currentLabel: String, title: String,
        description: String, format: (Double) -> String, width: Int = 640, narrowWidth: Int? = SVGChart.narrowWidth
    ) -> String {
        SVGChart.responsive(width: width, narrowWidth: narrowWidth) {
            drawing(rows, scale: scale, lastLabel: lastLabel, currentLabel: currentLabel, title: title,
                    description: description, format: format, width: $0)
        }
    }

    private static func drawing(
        _ rows: [PairedDotRow], scale: ClosedRange<Double>, lastLabel: String, currentLabel: String, title: String,
        description: String, format: (Double) -> String, width: Int
    ) -> String {
        let m = ChartMetrics(width: width)
        let rows = rows.filter { $0.current.isFinite }
        guard !rows.isEmpty else { return SVGChart.empty(kind: "paired", metrics: m, title: title, description: description) }
        let s = LinearScale(scale, data: rows.flatMap { [$0.current] + ($0.last.map { [$0] } ?? []) })
        let labelWidth = min(max(rows.map { m.textWidth($0.label) }.max() ?? 0, 4 * m.font), m.width * m.labelShare)
        let labelRight = m.pad + labelWidth
        let plotLeft = labelRight + m.font * 1.2
        let plotRight = m.width - m.pad - m.font
        func x(_ v: Double) -> Double { plotLeft + s.fraction(min(max(v, s.lower), s.upper)) * (plotRight - plotLeft) }

        let rowsTop = m.titleBlock + m.headerBlock
        let rowsBottom = rowsTop + Double(rows.count) * m.rowHeight
        let axisY = rowsBottom + 4 * m.unit
        let tickLabelBaseline = axisY + 5 * m.unit + m.font + 2 * m.unit
        let height = tickLabelBaseline + m.pad + 2 * m.unit
        let r = 0.38 * m.font

        var w = SVGWriter()
        SVGChart.drawTitle(title, metrics: m, into: &w)
        // Legend: ○ last year  ● this year.
        let legendY = m.titleBlock + m.headerBlock - 6 * m.unit
        w.open("g", "class=\"pk-legend\"")
        w.circle(cx: plotLeft + r, cy: legendY - 0.35 * m.font, r: r, fill: "#FFFFFF", stroke: ChartPalette.point, cls: "pk-last")
        w.text(lastLabel, x: plotLeft + 3 * r, y: legendY, cls: "pk-legend-label")
        let second = plotLeft + 3 * r + m.textWidth(lastLabel) + m.font * 1.5
        w.circle(cx: second + r, cy: legendY - 0.35 * m.font, r: r, fill: ChartPalette.point, cls: "pk-current")
        w.text(currentLabel, x: second + 3 * r, y: legendY, cls: "pk-legend-label")
        w.close("g")

        let ticks = s.ticks()
        w.open("g", "class=\"pk-axis\" shape-rendering=\"crispEdges\"")
        for t in ticks { w.line(x1: x(t), y1: rowsTop, x2: x(t), y2: rowsBottom, stroke: ChartPalette.grid, width: 1, cls: "pk-grid") }
        w.line(x1: plotLeft, y1: axisY, x2: plotRight, y2: axisY, stroke: ChartPalette.axis, width: 1, cls: "pk-axis-line")
        w.close("g")
        for t in ticks { w.text(format(t), x: x(t), y: tickLabelBaseline, anchor: .middle, cls: "pk-tick-label") }

        for (i, row) in rows.enumerated() {
            let cy = rowsTop + (Double(i) + 0.5) * m.rowHeight
            w.open("g", "class=\"pk-row\"")
            let was = row.last.map(format) ?? row.lastMissing
            w.title(row.label + ": " + lastLabel + " " + was + ", " + currentLabel + " " + format(row.current))
            w.text(m.truncated(row.label, toFit: labelWidth), x: labelRight, y: cy + m.baselineShift, anchor: .end, cls: "pk-label")
            if let last = row.last, last.isFinite {
                w.line(x1: x(last), y1: cy, x2: x(row.current), y2: cy, stroke: ChartPalette.reference, width: 3 * m.unit, cls: "pk-link")
                w.circle(cx: x(last), cy: cy, r: r, fill: "#FFFFFF", stroke: ChartPalette.point, cls: "pk-last")
            }
            w.circle(cx: x(row.current), cy: cy, r: r, fill: ChartPalette.point, stroke: "#FFFFFF", cls: "pk-current")
            w.close("g")
        }
        return SVGChart.document(kind: "paired", metrics: m, height: height, title: title, description: description, body: w.body)
    }

    /// The text version: `○` last year, `●` this year, `─` between, on a `width`-cell scale.
    ///
    ///     text(last: 2, current: 4, scale: 1...5, width: 9) == "  ○───●  "
    public static func text(last: Double?, current: Double, scale: ClosedRange<Double>, width: Int) -> String {
        guard width > 1, current.isFinite else { return String(repeating: " ", count: max(width, 0)) }
        let s = LinearScale(scale, data: [current] + (last.map { [$0] } ?? []))
        func cell(_ v: Double) -> Int { Int((s.fraction(min(max(v, s.lower), s.upper)) * Double(width - 1)).rounded(.toNearestOrAwayFromZero)) }
        var cells = [Character](repeating: " ", count: width)
        if let last, last.isFinite {
            let a = cell(last), b = cell(current)
            for i in min(a, b)...max(a, b) { cells[i] = "─" }
            cells[a] = "○"
        }
        cells[cell(current)] = "●"
        return String(cells)
    }
}
