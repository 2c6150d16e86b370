@testable import PikirReport
import Testing

/// The phone variant: every chart drawn at the default width comes with a
/// second drawing laid out for a narrow screen, which the page's style shows
/// instead on a phone, so its text stays legible there.
@Suite("Charts: phone variant")
struct ChartsPhoneTests {
    /// A chart of each kind at the default width, with Kazakh and Russian labels.
    static func charts() -> [(name: String, svg: String)] {
        let forest = [
            ForestRow(label: "Нұрлыбай Наурызбаев", estimate: 4.21, low: 4.02, high: 4.38, n: 64),
            ForestRow(label: "Айгерім Жұмабекова", estimate: 3.85, low: 3.45, high: 4.2, n: 12),
        ]
        let diverging = [DivergingRow(label: "Тренердің түсіндіруі", low: 0.1, mid: 0.2, high: 0.7, n: 120)]
        let paired = [PairedDotRow(label: "Алматы", last: 3.98, current: 4.25), PairedDotRow(label: "Шымкент", last: nil, current: 4.1)]
        return [
            ("forest", SVGChart.forest(forest, scale: 1...5, reference: 4.1, referenceLabel: "орташа", title: "Рейтинг",
                                       description: "d", format: ChartSamples.mean)),
            ("diverging", SVGChart.diverging(diverging, legend: ChartSamples.legend, title: "Жауаптар", description: "d",
                                             format: ChartSamples.percent)),
            ("trend", SVGChart.trend(ChartSamples.trendPoints, scale: 1...5, title: "Динамика", description: "d",
                                     format: ChartSamples.mean)),
            ("paired", PairedDotChart.svg(paired, scale: 1...5, lastLabel: "2023", currentLabel: "2024", title: "2023 → 2024",
                                          description: "d", format: ChartSamples.mean)),
        ]
    }

    @Test("two drawings: the wide one (640 units, pk-wide), then the narrow one (360 units, pk-narrow)")
    func twoVariants() throws {
        for (name, svg) in Self.charts() {
            let variants = chartVariants(svg)
            try #require(variants.count == 2, "\(name): \(variants.count) <svg> elements")
            #expect(variants.joined() == svg, "\(name): nothing between or around the two")
            let wide = try #require(parseChartSVG(variants[0]), "\(name) wide")
            let narrow = try #require(parseChartSVG(variants[1]), "\(name) narrow")
            #expect(wide.hasClass("pk-wide") && !wide.hasClass("pk-narrow"), "\(name)")
            #expect(narrow.hasClass("pk-narrow") && !narrow.hasClass("pk-wide"), "\(name)")
            #expect(chartViewBox(wide)?.width == 640 && chartViewBox(narrow)?.width == 360, "\(name)")
            // Each is labelled by its own title and description.
            #expect(wide["aria-labelledby"] != narrow["aria-labelledby"], "\(name)")
            #expect(wide.children[0].text == narrow.children[0].text, "\(name): the same title")
            // The same rows, with the same full texts in their tooltips.
            #expect(wide.all("title").dropFirst().map(\.text) == narrow.all("title").dropFirst().map(\.text), "\(name)")
        }
    }

    @Test("on a 390 px phone (a 366 px wide figure) the narrow drawing's text is at least 11 px; the wide one's is not")
    func legibleOnAPhone() throws {
        let figure = 390.0 - 2 * 12
        for (name, svg) in Self.charts() {
            let variants = try chartVariants(svg).map { try #require(parseChartSVG($0)) }
            func smallest(_ root: ChartSVGNode) throws -> Double {
                let base = try #require(root.number("font-size"))
                let sizes = root.all("text").map { $0.number("font-size") ?? base }
                return try #require(sizes.min()) * figure / #require(chartViewBox(root)).width
            }
            let narrow = try smallest(variants[1]), wide = try smallest(variants[0])
            #expect(narrow >= 11, "\(name): \(narrow) px")
            #expect(wide < 11, "\(name): the wide drawing alone would be too small (\(wide) px)")
        }
    }

    @Test("a narrow drawing gives row labels more room, so a full name still fits")
    func narrowLabels() throws {
        let svg = try #require(chartVariants(Self.charts()[0].svg).last)
        let labels = try #require(parseChartSVG(svg)).all(class: "pk-label").map(\.text)
        #expect(labels == ["Нұрлыбай Наурызбаев", "Айгерім Жұмабекова"], "\(labels)")
    }

    @Test("narrowWidth: nil, or a drawing already narrow, gives a single svg")
    func single() {
        let rows = ChartSamples.forestRows
        let none = SVGChart.forest(rows, scale: 1...5, reference: nil, title: "t", description: "d", format: ChartSamples.mean,
                                   narrowWidth: nil)
        let small = SVGChart.forest(rows, scale: 1...5, reference: nil, title: "t", description: "d", format: ChartSamples.mean,
                                    width: 360)
        for svg in [none, small] {
            #expect(chartVariants(svg).count == 1)
            #expect(!svg.contains("pk-wide") && !svg.contains("pk-narrow"))
        }
    }
}
