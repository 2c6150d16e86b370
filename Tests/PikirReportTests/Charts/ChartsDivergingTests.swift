@testable import PikirReport
import Testing

@Suite("Charts: diverging bars")
struct ChartsDivergingTests {
    static func chart(_ rows: [DivergingRow], width: Int = 640) throws -> ChartSVGNode {
        try #require(parseChartSVG(SVGChart.diverging(rows, legend: ChartSamples.legend, title: "Answers", description: "d",
                                                 format: ChartSamples.percent, width: width)))
    }

    struct Segments { var low, mid, high: ChartSVGNode? }

    static func segments(_ row: ChartSVGNode) -> Segments {
        Segments(low: row.all(class: "pk-low").first, mid: row.all(class: "pk-mid").first,
                 high: row.all(class: "pk-high").first)
    }

    static func width(_ rect: ChartSVGNode?) throws -> Double { try #require(rect?.number("width")) }
    static func x(_ rect: ChartSVGNode?) throws -> Double { try #require(rect?.number("x")) }

    @Test("segment widths are proportional to the shares, on one scale for every row")
    func proportional() throws {
        let root = try Self.chart(ChartSamples.divergingRows)
        let rows = root.all(class: "pk-row")
        try #require(rows.count == 3)
        var perShare: [Double] = []
        for (row, data) in zip(rows, ChartSamples.divergingRows) {
            let s = Self.segments(row)
            perShare += [try Self.width(s.low) / data.low, try Self.width(s.mid) / data.mid,
                         try Self.width(s.high) / data.high]
        }
        let first = perShare[0]
        #expect(first > 100)
        for k in perShare { #expect(abs(k - first) < 0.2, "units per share \(k) vs \(first)") }
    }

    @Test("low left of the centre, mid split evenly across it, high right of it")
    func layout() throws {
        let root = try Self.chart(ChartSamples.divergingRows)
        let centre = try #require(root.all(class: "pk-centre").first?.number("x1"))
        for row in root.all(class: "pk-row") {
            let s = Self.segments(row)
            let lowEnd = try Self.x(s.low) + Self.width(s.low)
            let midStart = try Self.x(s.mid), midEnd = try midStart + Self.width(s.mid)
            #expect(abs(lowEnd - midStart) < 0.02)
            #expect(abs((midStart + midEnd) / 2 - centre) < 0.02)
            #expect(abs(try Self.x(s.high) - midEnd) < 0.02)
            #expect(s.low?["fill"] == ChartPalette.low && s.mid?["fill"] == ChartPalette.mid
                && s.high?["fill"] == ChartPalette.high)
            // The same height and top for the three.
            #expect(s.low?["y"] == s.mid?["y"] && s.mid?["y"] == s.high?["y"])
            #expect(s.low?["height"] == s.high?["height"])
        }
    }

    @Test("shares are normalised: counts draw the same chart as proportions")
    func normalised() throws {
        let counts = [DivergingRow(label: "q", low: 2, mid: 3, high: 5, n: 10)]
        let shares = [DivergingRow(label: "q", low: 0.2, mid: 0.3, high: 0.5, n: 10)]
        let f = { (rows: [DivergingRow]) in
            SVGChart.diverging(rows, legend: ChartSamples.legend, title: "t", description: "d", format: ChartSamples.percent)
        }
        #expect(f(counts) == f(shares))
        let n = DivergingRow(label: "x", low: .nan, mid: -3, high: .infinity, n: 1).normalised
        #expect(n.low == 0 && n.mid == 0 && n.high == 0)
        let big = DivergingRow(label: "x", low: .greatestFiniteMagnitude, mid: .greatestFiniteMagnitude, high: 0, n: 1).normalised
        #expect(big.low == 0.5 && big.mid == 0.5 && big.high == 0)
    }

    @Test("an all-zero row is an empty bar: label and n, no rectangles; a zero share draws no rectangle")
    func zeros() throws {
        let root = try Self.chart([
            DivergingRow(label: "none", low: 0, mid: 0, high: 0, n: 0),
            DivergingRow(label: "all high", low: 0, mid: 0, high: 1, n: 9),
        ])
        let rows = root.all(class: "pk-row")
        #expect(rows[0].all("rect").isEmpty)
        #expect(rows[0].all(class: "pk-label").first?.text == "none")
        #expect(rows[0].all(class: "pk-n").first?.text == "0")
        #expect(rows[0].children.first?.text == "none: n = 0")
        #expect(rows[1].all("rect").count == 1)
        let centre = try #require(root.all(class: "pk-centre").first?.number("x1"))
        #expect(abs(try Self.x(Self.segments(rows[1]).high) - centre) < 0.02)
    }

    @Test("share labels inside segments wide enough for them, in a colour that contrasts")
    func shareLabels() throws {
        let root = try Self.chart([DivergingRow(label: "q", low: 0.02, mid: 0.38, high: 0.6, n: 50)])
        let labels = root.all(class: "pk-share")
        #expect(labels.map(\.text) == ["38%", "60%"])
        #expect(labels.map { $0["fill"] } == [ChartPalette.onMid, ChartPalette.onHigh])
        let row = try #require(root.all(class: "pk-row").first)
        #expect(row.children.first?.text == "q: Disagree (1–2) 2%; Neutral (3) 38%; Agree (4–5) 60%; n = 50")
        let wide = try Self.chart([DivergingRow(label: "q", low: 0.4, mid: 0.2, high: 0.4, n: 50)])
        #expect(wide.all(class: "pk-share").first?["fill"] == ChartPalette.onLow)
    }

    @Test("the legend shows the three labels with their colours, in order")
    func legend() throws {
        let root = try Self.chart(ChartSamples.divergingRows)
        #expect(root.all(class: "pk-swatch").map { $0["fill"] } == [ChartPalette.low, ChartPalette.mid, ChartPalette.high])
        #expect(root.all(class: "pk-legend-label").map(\.text)
            == [ChartSamples.legend.low, ChartSamples.legend.mid, ChartSamples.legend.high])
        // Long legend labels wrap onto another line rather than run off the drawing.
        let long = String(repeating: "Совершенно не согласен ", count: 2)
        let svg = SVGChart.diverging(ChartSamples.divergingRows, legend: (long, long, long), title: "t", description: "d",
                                     format: ChartSamples.percent)
        let wrapped = try #require(parseChartSVG(svg))
        let ys = Set(wrapped.all(class: "pk-swatch").compactMap { $0["y"] })
        #expect(ys.count == 3)
        let m = ChartMetrics(width: 640)
        for label in wrapped.all(class: "pk-legend-label") {
            #expect(try #require(label.number("x")) + m.textWidth(label.text) <= 640)
        }
    }

    @Test("the axis is symmetric, in steps of 25%, up to the widest side")
    func axis() throws {
        let root = try Self.chart([DivergingRow(label: "q", low: 0.1, mid: 0.2, high: 0.7, n: 5)])
        #expect(root.all(class: "pk-tick-label").map(\.text) == ["100%", "75%", "50%", "25%", "0%", "25%", "50%", "75%", "100%"])
        let narrow = try Self.chart([DivergingRow(label: "q", low: 0.3, mid: 0.4, high: 0.3, n: 5)])
        #expect(narrow.all(class: "pk-tick-label").map(\.text) == ["50%", "25%", "0%", "25%", "50%"])
        let ticks = narrow.all(class: "pk-tick").compactMap { $0.number("x1") }
        let centre = try #require(narrow.all(class: "pk-centre").first?.number("x1"))
        #expect(abs(ticks[2] - centre) < 0.02 && abs((ticks[0] + ticks[4]) / 2 - centre) < 0.02)
        // 50% of the scale is the width of a 50% segment.
        let seg = try #require(narrow.all(class: "pk-low").first)
        #expect(abs(try Self.width(seg) / 0.3 * 0.5 - (ticks[4] - centre)) < 0.1)
    }

    @Test("empty input: the title alone")
    func empty() throws {
        let root = try #require(parseChartSVG(SVGChart.diverging([], legend: ChartSamples.legend, title: "Nothing", description: "d",
                                                           format: ChartSamples.percent)))
        #expect(root.children.map(\.name) == ["title", "desc", "text"])
        #expect(root.children[2].text == "Nothing")
    }

    @Test("height grows by about 24–28 units per row")
    func height() throws {
        let one = try #require(chartViewBox(try Self.chart(Array(ChartSamples.divergingRows.prefix(1))))).height
        let rows = (0..<11).map { DivergingRow(label: "Q\($0)", low: 0.2, mid: 0.3, high: 0.5, n: 5) }
        let eleven = try #require(chartViewBox(try Self.chart(rows))).height
        #expect((eleven - one) / 10 >= 24 && (eleven - one) / 10 <= 28)
    }
}
