extension SVGChart {
    /// Diverging stacked bars, the standard diverging Likert layout: the
    /// share of `low` answers to the left of a centre line, `high` to the
    /// right, and `mid` split evenly across the centre, one bar per row in the
    /// order given. Segment widths are proportional to the shares (one scale
    /// for the whole chart, symmetric, up to the nearest 25% above the widest
    /// side, ticks every 25%). A segment's share is written inside it when it fits (black on
    /// vermillion and grey, white on blue, all ≥ 4.5:1); the row label is on
    /// the left (truncated with … in the drawing, full in the row's
    /// `<title>` with every share and n), n on the right, a legend on top.
    /// Shares are normalised as `DivergingRow` describes; a row of zeros is an
    /// empty bar. `format` writes shares (0–1), on bars and on the axis. With
    /// `narrowWidth` the phone variant follows the drawing (see `responsive`).
    public static func diverging(
        _ rows: [DivergingRow], legend: (low: String, mid: String, high: String), title: String, description: String,
        format: (Double) -> String, width: Int = 640, narrowWidth: Int? = SVGChart.narrowWidth
    ) -> String {
        responsive(width: width, narrowWidth: narrowWidth) {
            divergingDrawing(rows, legend: legend, title: title, description: description, format: format, width: $0)
        }
    }

    private static func divergingDrawing(
        _ rows: [DivergingRow], legend: (low: String, mid: String, high: String), title: String, description: String,
        format: (Double) -> String, width: Int
    ) -> String {
        let m = ChartMetrics(width: width)
        guard !rows.isEmpty else { return empty(kind: "diverging", metrics: m, title: title, description: description) }

        let shares = rows.map(\.normalised)
        let nTexts = rows.map { String(max(0, $0.n)) }
        let nWidth = max(nTexts.map(m.textWidth).max() ?? 0, m.textWidth("n"))
        let labelWidth = min(max(rows.map { m.textWidth($0.label) }.max() ?? 0, 4 * m.font), m.width * (m.labelShare - 0.04))
        let labelRight = m.pad + labelWidth
        let nRight = m.width - m.pad
        let plotLeft = labelRight + m.font
        let plotRight = nRight - nWidth - m.font
        let halfWidth = (plotRight - plotLeft) / 2
        let centre = plotLeft + halfWidth
        let widestSide = shares.map { max($0.low + $0.mid / 2, $0.high + $0.mid / 2) }.max() ?? 0
        let extent = min(max((widestSide * 4 - 1e-9).rounded(.up) / 4, 0.25), 1)
        let perShare = halfWidth / extent

        var w = SVGWriter()
        drawTitle(title, metrics: m, into: &w)

        // Legend, wrapped onto as many lines as it needs, left of the "n" header.
        let lineHeight = m.font * 1.7
        let swatch = m.font * 0.9
        let legendRight = plotRight
        var legendX = m.pad
        var legendLine = 0
        w.open("g", "class=\"pk-legend\" shape-rendering=\"crispEdges\"")
        for (colour, text) in [(ChartPalette.low, legend.low), (ChartPalette.mid, legend.mid), (ChartPalette.high, legend.high)] {
            let available = legendRight - m.pad - swatch - 0.4 * m.font
            let shown = m.truncated(text, toFit: available)
            let itemWidth = swatch + 0.4 * m.font + m.textWidth(shown)
            if legendX > m.pad, legendX + itemWidth > legendRight {
                legendLine += 1
                legendX = m.pad
            }
            let lineCentre = m.titleBlock + (Double(legendLine) + 0.5) * lineHeight
            w.rect(x: legendX, y: lineCentre - swatch / 2, width: swatch, height: swatch, fill: colour, cls: "pk-swatch")
            w.text(shown, x: legendX + swatch + 0.4 * m.font, y: lineCentre + m.baselineShift, cls: "pk-legend-label")
            legendX += itemWidth + 1.4 * m.font
        }
        w.close("g")
        let legendBottom = m.titleBlock + Double(legendLine + 1) * lineHeight
        w.text("n", x: nRight, y: legendBottom - lineHeight / 2 + m.baselineShift, anchor: .end, cls: "pk-n-head",
               fill: ChartPalette.axis)

        let rowsTop = legendBottom + 0.4 * m.font
        let rowsBottom = rowsTop + Double(rows.count) * m.rowHeight
        let axisY = rowsBottom + 4 * m.unit
        let tickLength = 5 * m.unit
        let tickLabelBaseline = axisY + tickLength + m.font + 2 * m.unit
        let height = tickLabelBaseline + m.pad + 2 * m.unit

        // Grid, axis and centre line.
        let ticks = (0...Int((extent * 4).rounded())).map { Double($0) / 4 }
        var positions: [(x: Double, value: Double)] = []
        for t in ticks {
            positions.append((centre + t * perShare, t))
            if t > 0 { positions.insert((centre - t * perShare, t), at: 0) }
        }
        w.open("g", "class=\"pk-axis\" shape-rendering=\"crispEdges\"")
        for p in positions where p.value > 0 {
            w.line(x1: p.x, y1: rowsTop, x2: p.x, y2: rowsBottom, stroke: ChartPalette.grid, width: 1, cls: "pk-grid")
        }
        w.line(x1: centre - extent * perShare, y1: axisY, x2: centre + extent * perShare, y2: axisY,
               stroke: ChartPalette.axis, width: 1, cls: "pk-axis-line")
        for p in positions {
            w.line(x1: p.x, y1: axisY, x2: p.x, y2: axisY + tickLength, stroke: ChartPalette.axis, width: 1, cls: "pk-tick")
        }
        w.close("g")
        for p in positions { w.text(format(p.value), x: p.x, y: tickLabelBaseline, anchor: .middle, cls: "pk-tick-label") }

        // The centre line, behind the bars: it shows between them, and never
        // crosses the share written on a neutral segment.
        w.line(x1: centre, y1: rowsTop - 2 * m.unit, x2: centre, y2: axisY, stroke: ChartPalette.axis, width: 1.5 * m.unit,
               cls: "pk-centre")

        let barHeight = m.rowHeight * 0.66
        for (i, row) in rows.enumerated() {
            let share = shares[i]
            let cy = rowsTop + (Double(i) + 0.5) * m.rowHeight
            w.open("g", "class=\"pk-row\" shape-rendering=\"crispEdges\"")
            var tooltip = row.label + ": "
            if share.low + share.mid + share.high > 0 {
                tooltip += legend.low + " " + format(share.low) + "; " + legend.mid + " " + format(share.mid) + "; "
                    + legend.high + " " + format(share.high) + "; "
            }
            w.title(tooltip + "n = " + nTexts[i])
            w.text(m.truncated(row.label, toFit: labelWidth), x: labelRight, y: cy + m.baselineShift, anchor: .end,
                   cls: "pk-label")
            let midWidth = share.mid * perShare
            let segments: [(share: Double, x: Double, width: Double, fill: String, ink: String, cls: String)] = [
                (share.low, centre - midWidth / 2 - share.low * perShare, share.low * perShare,
                 ChartPalette.low, ChartPalette.onLow, "pk-seg pk-low"),
                (share.mid, centre - midWidth / 2, midWidth, ChartPalette.mid, ChartPalette.onMid, "pk-seg pk-mid"),
                (share.high, centre + midWidth / 2, share.high * perShare,
                 ChartPalette.high, ChartPalette.onHigh, "pk-seg pk-high"),
            ]
            for seg in segments where seg.share > 0 {
                w.rect(x: seg.x, y: cy - barHeight / 2, width: seg.width, height: barHeight, fill: seg.fill, cls: seg.cls)
            }
            for seg in segments where seg.share > 0 {
                let label = format(seg.share)
                if m.textWidth(label) + 0.4 * m.font <= seg.width {
                    w.text(label, x: seg.x + seg.width / 2, y: cy + m.baselineShift, anchor: .middle,
                           cls: "pk-share", fill: seg.ink)
                }
            }
            w.text(nTexts[i], x: nRight, y: cy + m.baselineShift, anchor: .end, cls: "pk-n")
            w.close("g")
        }

        return document(kind: "diverging", metrics: m, height: height, title: title, description: description, body: w.body)
    }
}
