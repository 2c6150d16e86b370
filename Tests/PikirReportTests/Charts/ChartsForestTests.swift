@testable import PikirReport
import Testing

@Suite("Charts: forest plot")
struct ChartsForestTests {
    /// The chart's x for a value, read off the axis ticks at 1 and 5.
    struct Axis {
        let x1: Double, x5: Double
        func x(_ v: Double) -> Double { x1 + (v - 1) / 4 * (x5 - x1) }
    }

    static func axis(_ root: ChartSVGNode) throws -> Axis {
        let ticks = root.all(class: "pk-tick").compactMap { $0.number("x1") }
        try #require(ticks.count == 5)
        return Axis(x1: ticks[0], x5: ticks[4])
    }

    static func chart(_ rows: [ForestRow], reference: Double? = 4.1, scale: ClosedRange<Double> = 1...5) throws -> ChartSVGNode {
        try #require(parseChartSVG(SVGChart.forest(rows, scale: scale, reference: reference, title: "Ranking",
                                              description: "d", format: ChartSamples.mean)))
    }

    @Test("the interval of n = 6 is drawn longer than that of n = 200")
    func uncertaintyIsVisible() throws {
        let root = try Self.chart(ChartSamples.forestRows)
        let rows = root.all(class: "pk-row")
        #expect(rows.count == 3)
        func length(_ row: ChartSVGNode) throws -> Double {
            let ci = try #require(row.all(class: "pk-ci").first)
            return try #require(ci.number("x2")) - #require(ci.number("x1"))
        }
        let big = try length(rows[0]), small = try length(rows[1])
        #expect(rows[0].allText.contains("200") && rows[1].allText.contains("6"))
        #expect(small > big * 5)
        // Both ends where the scale says.
        let axis = try Self.axis(root)
        let ci = try #require(rows[1].all(class: "pk-ci").first)
        #expect(abs(try #require(ci.number("x1")) - axis.x(3.05)) < 0.02)
        #expect(abs(try #require(ci.number("x2")) - axis.x(4.65)) < 0.02)
        // Caps at both ends, no clip marks.
        #expect(rows[1].all(class: "pk-cap").count == 2)
        #expect(rows[1].all(class: "pk-clip").isEmpty)
    }

    @Test("points lie at their estimates, so x is monotone in the estimate")
    func pointsMonotone() throws {
        let estimates = [4.9, 1.2, 3.3, 2.5, 4.0, 1.0, 5.0]
        let rows = estimates.enumerated().map {
            ForestRow(label: "T\($0.offset)", estimate: $0.element, low: $0.element - 0.1, high: $0.element + 0.1, n: 10)
        }
        let root = try Self.chart(rows, reference: nil)
        let axis = try Self.axis(root)
        let xs = try root.all(class: "pk-est").map { try #require($0.number("cx")) }
        #expect(xs.count == estimates.count)
        for (x, e) in zip(xs, estimates) { #expect(abs(x - axis.x(e)) < 0.02) }
        let sorted = zip(estimates, xs).sorted { $0.0 < $1.0 }
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.1 < b.1) }
        // Rows go down the page in the order given.
        let ys = try root.all(class: "pk-est").map { try #require($0.number("cy")) }
        #expect(ys == ys.sorted() && Set(ys).count == ys.count)
    }

    @Test("the dashed reference line stands at the reference value, its value written above")
    func referenceLine() throws {
        let root = try Self.chart(ChartSamples.forestRows, reference: 4.1)
        let axis = try Self.axis(root)
        let ref = try #require(root.all(class: "pk-ref").first)
        #expect(ref["stroke"] == ChartPalette.reference)
        #expect(ref["stroke-dasharray"] != nil)
        #expect(abs(try #require(ref.number("x1")) - axis.x(4.1)) < 0.02)
        #expect(ref.number("x1") == ref.number("x2"))
        // It spans every row.
        let ys = try root.all(class: "pk-est").map { try #require($0.number("cy")) }
        #expect(try #require(ref.number("y1")) < ys.min()! && #require(ref.number("y2")) > ys.max()!)
        #expect(root.all(class: "pk-ref-label").first?.text == "4.10")
    }

    @Test("no reference line when it is nil, not finite or outside the scale")
    func noReference() throws {
        for reference in [nil, Double.nan, .infinity, 0.5, 5.5] {
            let root = try Self.chart(ChartSamples.forestRows, reference: reference)
            #expect(root.all(class: "pk-ref").isEmpty)
            #expect(root.all(class: "pk-ref-label").isEmpty)
        }
    }

    @Test("intervals beyond the scale are clipped at its edges and marked with an outward triangle")
    func clipping() throws {
        let rows = [
            ForestRow(label: "left", estimate: 1.5, low: 0.2, high: 2, n: 3),
            ForestRow(label: "right", estimate: 4.8, low: 4.2, high: 7, n: 3),
            ForestRow(label: "both", estimate: 3, low: -.infinity, high: .infinity, n: 3),
            ForestRow(label: "inside", estimate: 3, low: 2, high: 4, n: 3),
            ForestRow(label: "point beyond", estimate: 6, low: 5.5, high: 6.5, n: 3),
        ]
        let root = try Self.chart(rows, reference: nil)
        let axis = try Self.axis(root)
        let g = root.all(class: "pk-row")
        try #require(g.count == 5)
        func ci(_ i: Int) throws -> (Double, Double) {
            let line = try #require(g[i].all(class: "pk-ci").first)
            return (try #require(line.number("x1")), try #require(line.number("x2")))
        }
        func tips(_ i: Int) -> [Double] {
            g[i].all(class: "pk-clip").compactMap { $0["points"]?.split(separator: " ").first?.split(separator: ",").first.flatMap { Double($0) } }
        }
        #expect(abs(try ci(0).0 - axis.x(1)) < 0.02)
        #expect(tips(0).count == 1 && tips(0)[0] < axis.x(1))
        #expect(g[0].all(class: "pk-cap").count == 1)  // the unclipped end keeps its cap
        #expect(abs(try ci(1).1 - axis.x(5)) < 0.02)
        #expect(tips(1).count == 1 && tips(1)[0] > axis.x(5))
        let both = try ci(2)
        #expect(abs(both.0 - axis.x(1)) < 0.02 && abs(both.1 - axis.x(5)) < 0.02)
        #expect(tips(2).count == 2)
        #expect(g[2].all(class: "pk-cap").isEmpty)
        #expect(tips(3).isEmpty)
        // An estimate beyond the scale sits on the edge, marked.
        let est = try #require(g[4].all(class: "pk-est").first?.number("cx"))
        #expect(abs(est - axis.x(5)) < 0.02)
        #expect(tips(4).count == 1 && tips(4)[0] > axis.x(5))
    }

    @Test("non-finite estimates skip the row; a NaN end drops the interval; reversed ends are swapped")
    func nonFinite() throws {
        let rows = [
            ForestRow(label: "nan", estimate: .nan, low: 1, high: 2, n: 3),
            ForestRow(label: "inf", estimate: -.infinity, low: 1, high: 2, n: 3),
            ForestRow(label: "no interval", estimate: 3, low: .nan, high: 4, n: 3),
            ForestRow(label: "reversed", estimate: 3, low: 4, high: 2, n: 3),
        ]
        let root = try Self.chart(rows, reference: nil)
        let g = root.all(class: "pk-row")
        try #require(g.count == 2)
        #expect(g[0].children.first?.text == "no interval: 3.00, n = 3")
        #expect(g[0].all(class: "pk-ci").isEmpty && g[0].all(class: "pk-est").count == 1)
        let axis = try Self.axis(root)
        let line = try #require(g[1].all(class: "pk-ci").first)
        #expect(abs(try #require(line.number("x1")) - axis.x(2)) < 0.02)
        #expect(abs(try #require(line.number("x2")) - axis.x(4)) < 0.02)
        #expect(g[1].children.first?.text == "reversed: 3.00 [2.00, 4.00], n = 3")
    }

    @Test("a negative n is written as 0")
    func negativeN() throws {
        let root = try Self.chart([ForestRow(label: "a", estimate: 3, low: 2, high: 4, n: -5)])
        #expect(root.all(class: "pk-n").first?.text == "0")
    }

    @Test("empty input, or only non-finite rows: a small SVG with the title and nothing else")
    func empty() throws {
        let a = SVGChart.forest([], scale: 1...5, reference: 3, title: "Trainers", description: "none", format: ChartSamples.mean)
        let b = SVGChart.forest([ForestRow(label: "x", estimate: .nan, low: 1, high: 2, n: 1)], scale: 1...5,
                                reference: 3, title: "Trainers", description: "none", format: ChartSamples.mean)
        #expect(a == b)
        let root = try #require(parseChartSVG(a))
        #expect(root.children.map(\.name) == ["title", "desc", "text"])
        #expect(root.children[2].text == "Trainers")
        let size = try #require(chartViewBox(root))
        #expect(size.height < 40)
    }

    @Test("long labels are cut with … in the drawing, whole in the row's title")
    func truncation() throws {
        let long = "Жанар Төлегенқызы Әбдірахманова, Қызылорда облысы жастар ресурстық орталығы"
        let root = try Self.chart([ForestRow(label: long, estimate: 4, low: 3.5, high: 4.5, n: 20)])
        let row = try #require(root.all(class: "pk-row").first)
        let shown = try #require(row.all(class: "pk-label").first).text
        #expect(shown.hasSuffix("…"))
        #expect(long.hasPrefix(String(shown.dropLast())))
        #expect(shown.count < long.count)
        #expect(row.children.first?.name == "title")
        #expect(row.children.first?.text.hasPrefix(long + ": 4.00 [3.50, 4.50]") == true)
        // The label stays inside the drawing.
        let x = try #require(row.all(class: "pk-label").first?.number("x"))
        #expect(x - ChartMetrics(width: 640).textWidth(shown) >= 0)
    }

    @Test("height grows by about 24–28 units per row")
    func height() throws {
        let one = try #require(chartViewBox(try Self.chart(Array(ChartSamples.forestRows.prefix(1))))).height
        let rows = (0..<11).map { ForestRow(label: "T\($0)", estimate: 3, low: 2, high: 4, n: 5) }
        let eleven = try #require(chartViewBox(try Self.chart(rows))).height
        let perRow = (eleven - one) / 10
        #expect(perRow >= 24 && perRow <= 28)
    }

    @Test("ticks for a 1–5 scale, an NPS scale and a 0–1 scale")
    func ticks() {
        #expect(LinearScale(1...5, data: []).ticks() == [1, 2, 3, 4, 5])
        #expect(LinearScale(-100...100, data: []).ticks() == [-100, -50, 0, 50, 100])
        #expect(LinearScale(0...100, data: []).ticks() == [0, 20, 40, 60, 80, 100])
        let unit = LinearScale(0...1, data: []).ticks()
        #expect(unit.count == 6 && abs(unit[3] - 0.6) < 1e-12)
        // Infinite bounds come from the data, a point scale is widened.
        let open = LinearScale(-Double.infinity...Double.infinity, data: [2, .nan, 4.5])
        #expect(open.lower == 2 && open.upper == 4.5)
        let point = LinearScale(3...3, data: [])
        #expect(point.lower == 2.5 && point.upper == 3.5)
        let nothing = LinearScale(-Double.infinity...Double.infinity, data: [])
        #expect(nothing.upper > nothing.lower && nothing.upper.isFinite && nothing.lower.isFinite)
    }
}
