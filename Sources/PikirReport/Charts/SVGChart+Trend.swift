extension SVGChart {
    /// A line of values over sessions, in the order given, evenly spaced.
    /// Intervals are drawn as a shaded band over consecutive sessions that
    /// have one, and as whiskers with caps on a session whose neighbours have
    /// none. A value that is not finite leaves a gap in the line (its label
    /// stays on the axis). A value beyond `scale` is drawn as a triangle with
    /// its tip on the edge, an interval cut by the edge ends in a smaller one. Each point's `<title>`
    /// holds its label, value and interval; x labels are thinned out (every
    /// k-th) when they would overlap. `height` is in viewBox units and is
    /// raised if too small for the title, axis and a usable plot. With
    /// `bandLabel` and at least one interval, a key under the axis (a shaded
    /// square and the label, e.g. "Shaded: 95% interval") says what the band is.
    /// When every point has a `day` and `dateLabel` is given, x is time: a
    /// point's position is proportional to its date, and the axis is ticked
    /// at month starts (every 1, 2, 3 or 6 months) or years, labelled by
    /// `dateLabel(year, month, withYear)` (month nil for a year tick; the year is
    /// asked for on the first month tick and on each January only). With
    /// `narrowWidth` the phone variant follows the drawing (see `responsive`).
    public static func trend(
        _ points: [TrendPoint], scale: ClosedRange<Double>, title: String, description: String,
        format: (Double) -> String, width: Int = 640, height: Int = 160, bandLabel: String? = nil,
        dateLabel: ((_ year: Int, _ month: Int?, _ withYear: Bool) -> String)? = nil,
        narrowWidth: Int? = SVGChart.narrowWidth
    ) -> String {
        responsive(width: width, narrowWidth: narrowWidth) {
            trendDrawing(points, scale: scale, title: title, description: description, format: format, width: $0,
                         height: height, bandLabel: bandLabel, dateLabel: dateLabel)
        }
    }

    private static func trendDrawing(
        _ points: [TrendPoint], scale: ClosedRange<Double>, title: String, description: String,
        format: (Double) -> String, width: Int, height: Int, bandLabel: String?,
        dateLabel: ((_ year: Int, _ month: Int?, _ withYear: Bool) -> String)?
    ) -> String {
        let m = ChartMetrics(width: width)
        guard points.contains(where: { $0.value.isFinite }) else {
            return empty(kind: "trend", metrics: m, title: title, description: description)
        }
        func interval(_ p: TrendPoint) -> (low: Double, high: Double)? {
            guard p.value.isFinite, let a = p.low, let b = p.high, !a.isNaN, !b.isNaN else { return nil }
            return (min(a, b), max(a, b))
        }
        let s = LinearScale(scale, data: points.flatMap { [$0.value, $0.low ?? .nan, $0.high ?? .nan] })
        let xLabelBlock = m.font + 8 * m.unit
        let bandKey = points.contains { interval($0) != nil } ? bandLabel : nil
        let keyBlock = bandKey == nil ? 0 : 1.6 * m.font
        let minimumHeight = m.titleBlock + 0.6 * m.font + 4 * m.font + xLabelBlock + keyBlock + m.pad
        let totalHeight = max(Double(max(height, 0)), minimumHeight)
        let plotTop = m.titleBlock + 0.6 * m.font
        let plotBottom = totalHeight - m.pad - xLabelBlock - keyBlock
        // As many ticks as fit 1.6 em apart, at most about four.
        let ticks = s.ticks(target: max(1, min(4, Int((plotBottom - plotTop) / (1.6 * m.font)))))
        let tickTexts = ticks.map { m.truncated(format($0), toFit: m.width * 0.25) }
        let yLabelWidth = tickTexts.map(m.textWidth).max() ?? 0
        let plotLeft = m.pad + yLabelWidth + 0.5 * m.font
        let plotRight = m.width - m.pad - 0.5 * m.font
        // Room at the ends for the first and last x labels (up to 12 em wide).
        let endLabel = [points.first, points.last].compactMap { $0.map { min(m.textWidth($0.label), 12 * m.font) } }.max() ?? 0
        let inset = max(0.8 * m.font, endLabel / 2 - 0.5 * m.font + m.unit)
        func y(_ v: Double) -> Double { plotBottom - s.fraction(v) * (plotBottom - plotTop) }
        let spacing = points.count > 1 ? (plotRight - plotLeft - 2 * inset) / Double(points.count - 1) : 0
        let days = points.compactMap(\.day)
        let timeSpan: (first: Int, last: Int)? = dateLabel != nil && days.count == points.count && points.count > 1
            && days.max()! > days.min()! ? (days.min()!, days.max()!) : nil
        func x(day: Int, span: (first: Int, last: Int)) -> Double {
            plotLeft + inset + Double(day - span.first) / Double(span.last - span.first) * (plotRight - plotLeft - 2 * inset)
        }
        func x(_ i: Int) -> Double {
            if let timeSpan { return x(day: points[i].day!, span: timeSpan) }
            return points.count > 1 ? plotLeft + inset + Double(i) * spacing : (plotLeft + plotRight) / 2
        }

        var w = SVGWriter()
        drawTitle(title, metrics: m, into: &w)

        // Grid, axes, tick labels.
        w.open("g", "class=\"pk-axis\" shape-rendering=\"crispEdges\"")
        for t in ticks {
            w.line(x1: plotLeft, y1: y(t), x2: plotRight, y2: y(t), stroke: ChartPalette.grid, width: 1, cls: "pk-grid")
        }
        w.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: ChartPalette.axis, width: 1,
               cls: "pk-axis-line")
        w.close("g")
        for (t, text) in zip(ticks, tickTexts) {
            w.text(text, x: plotLeft - 0.4 * m.font, y: y(t) + m.baselineShift, anchor: .end, cls: "pk-tick-label")
        }
        let widest = min(points.map { m.textWidth($0.label) }.max() ?? 0, 12 * m.font) + 0.6 * m.font
        let stride = spacing > 0 ? max(1, Int((widest / spacing).rounded(.up))) : 1
        if let timeSpan, let dateLabel {
            dateTicks(timeSpan, dateLabel: dateLabel, metrics: m, plotBottom: plotBottom, x: { x(day: $0, span: timeSpan) },
                      room: plotRight - plotLeft, into: &w)
        }
        for i in points.indices where timeSpan == nil && i % stride == 0 {
            let px = x(i)
            let room = min(spacing > 0 ? Double(stride) * spacing - 0.4 * m.font : plotRight - plotLeft,
                           2 * min(px, m.width - px) - 2 * m.unit)
            w.line(x1: px, y1: plotBottom, x2: px, y2: plotBottom + 4 * m.unit, stroke: ChartPalette.axis, width: 1,
                   cls: "pk-tick")
            w.text(m.truncated(points[i].label, toFit: room), x: px, y: plotBottom + 4 * m.unit + m.font,
                   anchor: .middle, cls: "pk-x-label")
        }

        if let bandKey {
            let top = plotBottom + xLabelBlock + 0.4 * m.font, side = 0.8 * m.font
            w.polygon([(plotLeft, top), (plotLeft + side, top), (plotLeft + side, top + side), (plotLeft, top + side)],
                      fill: ChartPalette.high, cls: "pk-band-key", opacity: "0.2")
            w.text(m.truncated(bandKey, toFit: plotRight - plotLeft - 1.4 * side), x: plotLeft + 1.4 * side,
                   y: top + side - 0.5 * m.unit, cls: "pk-band-label")
        }

        // Intervals: bands over runs of two or more, whiskers for a lone one.
        var run: [Int] = []
        func flush() {
            if run.count >= 2 {
                let upper = run.map { (x($0), y(interval(points[$0])!.high)) }
                let lower = run.reversed().map { (x($0), y(interval(points[$0])!.low)) }
                w.polygon(upper + lower, fill: ChartPalette.high, cls: "pk-band", opacity: "0.2")
            } else if let i = run.first, let iv = interval(points[i]) {
                let cap = 0.3 * m.font
                w.line(x1: x(i), y1: y(iv.low), x2: x(i), y2: y(iv.high), stroke: ChartPalette.high, width: 1.5 * m.unit,
                       cls: "pk-whisker")
                for v in [iv.low, iv.high] where s.contains(v) {
                    w.line(x1: x(i) - cap, y1: y(v), x2: x(i) + cap, y2: y(v), stroke: ChartPalette.high,
                           width: 1.5 * m.unit, cls: "pk-cap")
                }
            }
            run.removeAll()
        }
        for i in points.indices {
            if interval(points[i]) != nil { run.append(i) } else { flush() }
        }
        flush()

        // The line, broken where a value is missing.
        var segment: [(Double, Double)] = []
        for (i, p) in points.enumerated() {
            if p.value.isFinite { segment.append((x(i), y(p.value))) }
            if !p.value.isFinite || i == points.count - 1 {
                if segment.count >= 2 { w.polyline(segment, stroke: ChartPalette.high, width: 2 * m.unit, cls: "pk-line") }
                segment.removeAll()
            }
        }

        // Points with their titles. A value beyond the scale is drawn as a
        // triangle with its tip on the edge; an interval cut by the edge gets a
        // smaller one there.
        let radius = min(0.3 * m.font, spacing > 0 ? max(spacing * 0.35, 1.5 * m.unit) : 0.3 * m.font)
        let markSize = 0.5 * m.font
        for (i, p) in points.enumerated() where p.value.isFinite {
            let iv = interval(p)
            w.open("g", "class=\"pk-point\"")
            w.title(p.label + ": " + describe(p.value, low: p.low, high: p.high, format: format))
            if p.value > s.upper {
                clipMark(tipX: x(i), tipY: plotTop, direction: .up, size: markSize * 1.4, cls: "pk-value pk-clip", into: &w)
            } else if p.value < s.lower {
                clipMark(tipX: x(i), tipY: plotBottom, direction: .down, size: markSize * 1.4, cls: "pk-value pk-clip",
                         into: &w)
            } else {
                if let iv, iv.high > s.upper {
                    clipMark(tipX: x(i), tipY: plotTop, direction: .up, size: markSize, into: &w)
                }
                if let iv, iv.low < s.lower {
                    clipMark(tipX: x(i), tipY: plotBottom, direction: .down, size: markSize, into: &w)
                }
                w.circle(cx: x(i), cy: y(p.value), r: radius, fill: ChartPalette.high, stroke: "#FFFFFF", cls: "pk-value")
            }
            w.close("g")
        }

        return document(kind: "trend", metrics: m, height: totalHeight, title: title, description: description, body: w.body)
    }
}

extension SVGChart {
    /// Date ticks at month starts (every 1, 2, 3 or 6 months) or at years (every 1, 2, 5, 10), the
    /// finest step whose labels do not overlap, only inside `span`.
    static func dateTicks(
        _ span: (first: Int, last: Int), dateLabel: (Int, Int?, Bool) -> String, metrics m: ChartMetrics, plotBottom: Double,
        x: (Int) -> Double, room: Double, into w: inout SVGWriter
    ) {
        let start = CivilDay.yearMonth(span.first), end = CivilDay.yearMonth(span.last)
        let first = start.year * 12 + start.month - 1, last = end.year * 12 + end.month - 1
        for step in [1, 2, 3, 6, 12, 24, 60, 120] {
            var ticks: [(day: Int, text: String)] = []
            var index = first
            while index <= last + 1 {
                let year = index / 12, month = index % 12 + 1
                let day = CivilDay.day(year: year, month: month, day: 1)
                let aligned = step < 12 ? (month - 1) % step == 0 : month == 1 && year % (step / 12) == 0
                if aligned, day >= span.first, day <= span.last {
                    ticks.append((day, step < 12 ? dateLabel(year, month, ticks.isEmpty || month == 1) : dateLabel(year, nil, true)))
                }
                index += 1
            }
            // Within one month there may be no month start inside the span: name the month at the first session.
            if ticks.isEmpty { ticks = [(span.first, dateLabel(start.year, start.month, true))] }
            // Neighbours fit when the gap holds half of each label and a little space.
            let fits = zip(ticks, ticks.dropFirst()).allSatisfy { a, b in
                x(b.day) - x(a.day) >= (m.textWidth(a.text) + m.textWidth(b.text)) / 2 + 0.6 * m.font
            }
            guard ticks.count >= 2 || step == 1 || step == 120 else { continue }
            if fits || step == 120 {
                for t in ticks {
                    let px = x(t.day)
                    w.line(x1: px, y1: plotBottom, x2: px, y2: plotBottom + 4 * m.unit, stroke: ChartPalette.axis, width: 1,
                           cls: "pk-tick")
                    w.text(t.text, x: px, y: plotBottom + 4 * m.unit + m.font, anchor: .middle, cls: "pk-x-label")
                }
                return
            }
        }
    }
}
