@testable import PikirReport
import Testing

@Suite("Charts: trend")
struct ChartsTrendTests {
    static func chart(_ points: [TrendPoint], height: Int = 160) throws -> ChartSVGNode {
        try #require(parseChartSVG(SVGChart.trend(points, scale: 1...5, title: "Trend", description: "d",
                                             format: ChartSamples.mean, height: height)))
    }

    /// The y of a value, read off the grid lines at 1 and 5.
    static func yAxis(_ root: ChartSVGNode) throws -> (Double) -> Double {
        let grid = root.all(class: "pk-grid").compactMap { $0.number("y1") }
        let y1 = try #require(grid.first), y5 = try #require(grid.last)
        return { v in y1 + (v - 1) / 4 * (y5 - y1) }
    }

    @Test("points at their values, left to right in order, evenly spaced, joined by one line")
    func points() throws {
        let root = try Self.chart(ChartSamples.trendPoints)
        let y = try Self.yAxis(root)
        let circles = root.all(class: "pk-value")
        try #require(circles.count == 4)
        let xs = try circles.map { try #require($0.number("cx")) }
        for (c, p) in zip(circles, ChartSamples.trendPoints) {
            #expect(abs(try #require(c.number("cy")) - y(p.value)) < 0.02)
        }
        let gaps = zip(xs, xs.dropFirst()).map { $1 - $0 }
        #expect(gaps.allSatisfy { $0 > 0 && abs($0 - gaps[0]) < 0.02 })
        let lines = root.all(class: "pk-line")
        #expect(lines.count == 1)
        #expect(lines[0]["points"]?.split(separator: " ").count == 4)
        // Each point's title tells its label, value and interval.
        #expect(root.all(class: "pk-point").map { $0.children.first?.text ?? "" }
            == ["2024-01: 3.90 [3.60, 4.20]", "2024-03: 4.10 [3.90, 4.30]", "2024-05: 4.00 [3.70, 4.30]",
                "2024-09: 4.40 [4.20, 4.60]"])
        #expect(root.all(class: "pk-x-label").map(\.text) == ["2024-01", "2024-03", "2024-05", "2024-09"])
    }

    @Test("intervals: one band over consecutive sessions; whiskers for a lone one")
    func intervals() throws {
        let root = try Self.chart(ChartSamples.trendPoints)
        let bands = root.all(class: "pk-band")
        #expect(bands.count == 1)
        #expect(bands[0]["points"]?.split(separator: " ").count == 8)
        #expect(root.all(class: "pk-whisker").isEmpty)
        let y = try Self.yAxis(root)
        let ys = (bands[0]["points"] ?? "").split(separator: " ").compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
        #expect(abs(ys[0] - y(4.2)) < 0.02 && abs(ys[7] - y(3.6)) < 0.02)

        let lone = try Self.chart([
            TrendPoint(label: "a", value: 3), TrendPoint(label: "b", value: 3.5, low: 3, high: 4),
            TrendPoint(label: "c", value: 4),
        ])
        #expect(lone.all(class: "pk-band").isEmpty)
        let whisker = try #require(lone.all(class: "pk-whisker").first)
        let ly = try Self.yAxis(lone)
        #expect(abs(try #require(whisker.number("y1")) - ly(3)) < 0.02)
        #expect(abs(try #require(whisker.number("y2")) - ly(4)) < 0.02)
        #expect(lone.all(class: "pk-cap").count == 2)
    }

    @Test("a value that is not finite is a gap: the line breaks, the label stays")
    func gaps() throws {
        let root = try Self.chart([
            TrendPoint(label: "a", value: 3), TrendPoint(label: "b", value: 3.2), TrendPoint(label: "c", value: .nan),
            TrendPoint(label: "d", value: 4), TrendPoint(label: "e", value: 4.1), TrendPoint(label: "f", value: .infinity),
            TrendPoint(label: "g", value: 2),
        ])
        #expect(root.all(class: "pk-line").count == 2)
        #expect(root.all(class: "pk-value").count == 5)
        #expect(root.all(class: "pk-x-label").map(\.text) == ["a", "b", "c", "d", "e", "f", "g"])
    }

    @Test("values beyond the scale are triangles on the edge; cut intervals get a mark there")
    func clipping() throws {
        let root = try Self.chart([
            TrendPoint(label: "high", value: 6.5), TrendPoint(label: "mid", value: 3, low: 0, high: 4),
            TrendPoint(label: "low", value: -1),
        ])
        let y = try Self.yAxis(root)
        let points = root.all(class: "pk-point")
        func tipY(_ node: ChartSVGNode) -> Double? {
            node["points"]?.split(separator: " ").first?.split(separator: ",").last.flatMap { Double($0) }
        }
        let high = try #require(points[0].all(class: "pk-clip").first)
        #expect(high.hasClass("pk-value"))
        #expect(abs(try #require(tipY(high)) - y(5)) < 0.02)
        #expect(points[0].all("circle").isEmpty)
        let cut = try #require(points[1].all(class: "pk-clip").first)
        #expect(!cut.hasClass("pk-value"))
        #expect(abs(try #require(tipY(cut)) - y(1)) < 0.02)
        #expect(points[1].all("circle").count == 1)
        let low = try #require(points[2].all(class: "pk-clip").first)
        #expect(abs(try #require(tipY(low)) - y(1)) < 0.02)
        // The line still reaches the edge.
        let line = try #require(root.all(class: "pk-line").first?["points"])
        let ys = line.split(separator: " ").compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
        #expect(abs(ys[0] - y(5)) < 0.02 && abs(ys[2] - y(1)) < 0.02)
    }

    @Test("one point sits in the middle")
    func single() throws {
        let root = try Self.chart([TrendPoint(label: "only", value: 4)])
        let x = try #require(root.all(class: "pk-value").first?.number("cx"))
        let grid = try #require(root.all(class: "pk-grid").first)
        let mid = (try #require(grid.number("x1")) + #require(grid.number("x2"))) / 2
        #expect(abs(x - mid) < 0.02)
        #expect(root.all(class: "pk-line").isEmpty)
    }

    @Test("many sessions: x labels thinned so they do not overlap")
    func manyLabels() throws {
        let points = (0..<60).map { TrendPoint(label: "2024-\($0)", value: 3) }
        let root = try Self.chart(points)
        let labels = root.all(class: "pk-x-label")
        #expect(labels.count < 60 && labels.count >= 5)
        #expect(root.all(class: "pk-value").count == 60)
        let m = ChartMetrics(width: 640)
        let xs = labels.compactMap { $0.number("x") }
        for (a, b) in zip(zip(xs, labels), zip(xs, labels).dropFirst()) {
            #expect(b.0 - a.0 >= (m.textWidth(a.1.text) + m.textWidth(b.1.text)) / 2)
        }
    }

    @Test("height: as asked, raised when too small to draw")
    func height() throws {
        #expect(try #require(chartViewBox(try Self.chart(ChartSamples.trendPoints))).height == 160)
        #expect(try #require(chartViewBox(try Self.chart(ChartSamples.trendPoints, height: 300))).height == 300)
        let tiny = try #require(chartViewBox(try Self.chart(ChartSamples.trendPoints, height: -5))).height
        #expect(tiny > 90 && tiny < 160)
    }

    @Test("empty input, or no finite value: the title alone")
    func empty() throws {
        for points in [[], [TrendPoint(label: "a", value: .nan, low: 1, high: 2)]] {
            let root = try Self.chart(points)
            #expect(root.children.map(\.name) == ["title", "desc", "text"])
            #expect(root.children[2].text == "Trend")
        }
    }
}
