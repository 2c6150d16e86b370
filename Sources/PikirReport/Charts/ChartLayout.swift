/// Sizes, scales and text measures shared by the SVG charts.
///
/// Everything is in viewBox units. Charts are drawn `width="100%"`, so at
/// the A4 print width of a report (about 640–700 CSS px) one unit is about
/// one pixel when `width` is the default 640. The font grows with wider
/// drawings (12 units up to width 660, then `width` × 12 / 660) so that text
/// never prints smaller than about 11 px; every other measure follows the font.
struct ChartMetrics {
    /// The drawing's width in viewBox units, clamped to 320...2400.
    let width: Double
    /// Font size of labels, ticks and titles.
    let font: Double

    init(width: Int) {
        let w = Double(min(max(width, 320), 2400))
        self.width = w
        self.font = Self.round2(max(12, w * 12 / 660))
    }

    var unit: Double { font / 12 }
    /// The largest share of the width row labels may take: more on a narrow
    /// (phone) drawing, where a name cut at a third would say little.
    var labelShare: Double { width < 480 ? 0.47 : 0.34 }
    /// Outer padding.
    var pad: Double { 8 * unit }
    /// Height of one row of a forest plot or diverging chart (about 26 at width 640).
    var rowHeight: Double { Self.round2(font * 2.15) }
    /// Height of the title line.
    var titleBlock: Double { Self.round2(font * 2.2) }
    /// Baseline of the title.
    var titleBaseline: Double { pad + font }
    /// Height of a header line (the "n" column, a reference label).
    var headerBlock: Double { Self.round2(font * 1.7) }
    /// Shift from a row's centre to the baseline of text centred on it
    /// (`dominant-baseline` is not honoured by every PDF renderer).
    var baselineShift: Double { Self.round2(font * 0.35) }

    /// Estimated drawn width of `text`: 0.64 em per terminal column (East
    /// Asian wide characters count two). No font metrics are available to an
    /// offline file, and the reader's sans-serif may be DejaVu Sans, whose
    /// Cyrillic and digits run 0.6–0.64 em, so the estimate errs wide.
    func textWidth(_ text: String) -> Double { Double(DisplayWidth.of(text)) * Self.columnEm * font }

    static let columnEm = 0.64

    /// `text` cut to fit `maxWidth`, ending with "…" if it was cut; whole
    /// grapheme clusters only, so combining marks stay with their letter.
    func truncated(_ text: String, toFit maxWidth: Double) -> String {
        if textWidth(text) <= maxWidth { return text }
        let columnWidth = Self.columnEm * font
        let budget = Int((maxWidth / columnWidth).rounded(.down)) - 1  // one column for "…"
        guard budget > 0 else { return "…" }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(String(character))
            if used + w > budget { break }
            out.append(character)
            used += w
        }
        while let last = out.last, last.isWhitespace { out.removeLast() }
        return out + "…"
    }

    static func round2(_ x: Double) -> Double { (x * 100).rounded(.toNearestOrAwayFromZero) / 100 }
}

/// A linear scale: the chart's value range, made finite and non-empty.
struct LinearScale {
    let lower: Double
    let upper: Double

    /// `requested` as drawn. An infinite bound is replaced by the extreme of
    /// the finite `data` on that side; a range of zero width is widened by
    /// 0.5 on either side; anything still unusable becomes 0...1.
    init(_ requested: ClosedRange<Double>, data: [Double]) {
        let finite = data.filter(\.isFinite)
        var lo = requested.lowerBound, hi = requested.upperBound
        if !lo.isFinite { lo = finite.min() ?? (hi.isFinite ? hi - 1 : 0) }
        if !hi.isFinite { hi = finite.max() ?? (lo + 1) }
        if lo > hi { swap(&lo, &hi) }
        if hi == lo { lo -= 0.5; hi += 0.5 }
        if !(hi > lo) || !(hi - lo).isFinite { lo = 0; hi = 1 }
        lower = lo
        upper = hi
    }

    /// The position of `value` (clamped to the scale) between 0 and 1.
    func fraction(_ value: Double) -> Double {
        let clamped = min(max(value, lower), upper)
        return (clamped - lower) / (upper - lower)
    }

    func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    /// About `target` ticks at 1, 2, 2.5 or 5 × 10^k steps, inside the scale.
    func ticks(target: Int = 5) -> [Double] { Self.niceTicks(lower, upper, target: target) }

    static func niceTicks(_ lower: Double, _ upper: Double, target: Int) -> [Double] {
        let span = upper - lower
        guard span > 0, span.isFinite, target > 0 else { return [lower] }
        let raw = span / Double(target)
        var magnitude = 1.0
        var guardCount = 0
        while magnitude * 10 <= raw, guardCount < 400 { magnitude *= 10; guardCount += 1 }
        while magnitude > raw, guardCount < 800 { magnitude /= 10; guardCount += 1 }
        let normalised = raw / magnitude
        let factor = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10
        let step = factor * magnitude
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        guard first <= last, last - first < 100 else { return [lower, upper] }
        var ticks: [Double] = []
        var i = first
        while i <= last {
            let t = i * step
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            i += 1
        }
        return ticks
    }
}

extension SVGChart {
    /// The width of the phone variant. On a 390 px screen a chart is about
    /// 366 px wide; a 640-unit drawing would print its 12-unit text at 7 px,
    /// a 360-unit one at 12 px.
    public static let narrowWidth = 360

    /// The chart `draw` makes at `width`, followed by the same chart drawn at
    /// `narrowWidth` (when given and narrower): two `<svg>` elements, classed
    /// `pk-wide` and `pk-narrow`, of which the page's style shows one (the
    /// narrow one on a phone screen, the wide one otherwise and on paper).
    /// Each is complete on its own, with its own ids, title and description.
    static func responsive(width: Int, narrowWidth: Int?, _ draw: (Int) -> String) -> String {
        let wide = draw(width)
        guard let narrowWidth, narrowWidth < width else { return wide }
        return variant(wide, "pk-wide") + variant(draw(narrowWidth), "pk-narrow")
    }

    private static func variant(_ svg: String, _ cls: String) -> String {
        let root = "class=\"pikir-chart "
        guard let range = svg.range(of: root) else { return svg }
        return svg.replacingCharacters(in: range, with: root + cls + " ")
    }

    /// The root element around `body`; its id hashes the kind, size, title,
    /// description and body, so the same chart gives the same bytes and
    /// different charts different ids.
    static func document(
        kind: String, metrics m: ChartMetrics, height: Double, title: String, description: String, body: String
    ) -> String {
        let heightText = SVG.number(height.rounded(.up))
        let widthText = SVG.number(m.width)
        var hash = ChartID()
        for part in [kind, widthText, heightText, title, description, body] { hash.combine(part) }
        let id = "pikir-" + kind + "-" + hash.hex
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pikir-chart pikir-\(kind)\" role=\"img\""
        out += " aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 \(widthText) \(heightText)\" width=\"100%\""
        out += " preserveAspectRatio=\"xMidYMin meet\" font-family=\"sans-serif\" font-size=\"\(SVG.number(m.font))\""
        out += " fill=\"\(ChartPalette.text)\">\n"
        out += "<title id=\"\(id)-title\">" + SVG.escape(title) + "</title>\n"
        out += "<desc id=\"\(id)-desc\">" + SVG.escape(description) + "</desc>\n"
        out += body
        out += "</svg>\n"
        return out
    }

    /// The chart drawn when there is nothing to draw: its title, and nothing else.
    static func empty(kind: String, metrics m: ChartMetrics, title: String, description: String) -> String {
        var w = SVGWriter()
        w.text(m.truncated(title, toFit: m.width - 2 * m.pad), x: m.pad, y: m.titleBaseline, cls: "pk-title", bold: true)
        return document(
            kind: kind, metrics: m, height: m.titleBlock + m.pad, title: title, description: description, body: w.body)
    }

    /// The visible title line at the top of a chart.
    static func drawTitle(_ title: String, metrics m: ChartMetrics, into w: inout SVGWriter) {
        w.text(m.truncated(title, toFit: m.width - 2 * m.pad), x: m.pad, y: m.titleBaseline, cls: "pk-title", bold: true)
    }

    /// A small triangle with its tip at (`tipX`, `tipY`), pointing in
    /// `direction`: the mark of an interval (or a value) cut at the edge of
    /// the scale.
    static func clipMark(
        tipX x: Double, tipY y: Double, direction: ClipDirection, size s: Double, cls: String = "pk-clip",
        into w: inout SVGWriter
    ) {
        let points: [(Double, Double)]
        switch direction {
        case .left: points = [(x, y), (x + s, y - s * 0.7), (x + s, y + s * 0.7)]
        case .right: points = [(x, y), (x - s, y - s * 0.7), (x - s, y + s * 0.7)]
        case .up: points = [(x, y), (x - s * 0.7, y + s), (x + s * 0.7, y + s)]
        case .down: points = [(x, y), (x - s * 0.7, y - s), (x + s * 0.7, y - s)]
        }
        w.polygon(points, fill: ChartPalette.point, cls: cls)
    }

    enum ClipDirection { case left, right, up, down }

    /// "4.2 [3.9, 4.5]", or "4.2" without an interval; in `<title>`s.
    static func describe(
        _ value: Double, low: Double?, high: Double?, format: (Double) -> String
    ) -> String {
        var out = value.isFinite ? format(value) : "—"
        if let low, let high, !low.isNaN, !high.isNaN {
            let a = min(low, high), b = max(low, high)
            out += " [" + (a.isFinite ? format(a) : (a < 0 ? "−∞" : "∞")) + ", "
                + (b.isFinite ? format(b) : (b < 0 ? "−∞" : "∞")) + "]"
        }
        return out
    }
}
