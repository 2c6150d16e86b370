import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PikirReport

/// An element of a parsed SVG document.
final class ChartSVGNode {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [ChartSVGNode] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    /// A numeric attribute; nil if absent or not a number.
    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }

    func hasClass(_ cls: String) -> Bool {
        (attributes["class"] ?? "").split(separator: " ").contains { $0 == cls }
    }

    /// This element and every descendant, in document order.
    var descendants: [ChartSVGNode] { [self] + children.flatMap(\.descendants) }

    func all(_ name: String) -> [ChartSVGNode] { descendants.filter { $0.name == name } }
    func all(class cls: String) -> [ChartSVGNode] { descendants.filter { $0.hasClass(cls) } }

    /// Text of this element and its descendants.
    var allText: String { text + children.map(\.allText).joined() }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [ChartSVGNode] = []
    var root: ChartSVGNode?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let node = ChartSVGNode(name: elementName, attributes: attributes)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

/// The chart parsed with Foundation's XMLParser; nil if it is not well-formed
/// XML. A chart with a phone variant is two `<svg>` elements: this is the
/// first, the wide drawing (`chartVariants` gives both).
func parseChartSVG(_ svg: String) -> ChartSVGNode? {
    parseSVGElement(chartVariants(svg).first ?? svg)
}

/// The `<svg>` elements a chart is made of: the drawing, then its phone
/// variant when it has one. The text is cut after each `</svg>` line.
func chartVariants(_ svg: String) -> [String] {
    svg.components(separatedBy: "</svg>\n").dropLast().map { $0 + "</svg>\n" }
}

private func parseSVGElement(_ svg: String) -> ChartSVGNode? {
    let parser = XMLParser(data: Data(svg.utf8))
    let builder = TreeBuilder()
    parser.delegate = builder
    guard parser.parse(), builder.stack.isEmpty else { return nil }
    return builder.root
}

/// The viewBox's width and height.
func chartViewBox(_ root: ChartSVGNode) -> (width: Double, height: Double)? {
    guard let parts = root["viewBox"]?.split(separator: " ").compactMap({ Double($0) }), parts.count == 4 else {
        return nil
    }
    return (parts[2], parts[3])
}

enum ChartSamples {
    static let hostile = "<script>alert(1)</script> & \"x\""
    static let hostileEscaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"

    static func mean(_ v: Double) -> String {
        let hundredths = Int((v * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        return sign + String(a / 100) + "." + (a % 100 < 10 ? "0" : "") + String(a % 100)
    }

    static func percent(_ v: Double) -> String { String(Int((v * 100).rounded())) + "%" }

    static let forestRows = [
        ForestRow(label: "Aigerim Nurlanovna", estimate: 4.21, low: 4.10, high: 4.32, n: 200),
        ForestRow(label: "Бауыржан Сәрсенбаев", estimate: 3.85, low: 3.05, high: 4.65, n: 6),
        ForestRow(label: "Dana K.", estimate: 4.55, low: 4.35, high: 4.75, n: 48),
    ]

    static let divergingRows = [
        DivergingRow(label: "The trainer explained clearly", low: 0.1, mid: 0.2, high: 0.7, n: 120),
        DivergingRow(label: "Материал был полезен", low: 0.3, mid: 0.3, high: 0.4, n: 64),
        DivergingRow(label: "Timing", low: 0.05, mid: 0.15, high: 0.8, n: 30),
    ]

    static let trendPoints = [
        TrendPoint(label: "2024-01", value: 3.9, low: 3.6, high: 4.2),
        TrendPoint(label: "2024-03", value: 4.1, low: 3.9, high: 4.3),
        TrendPoint(label: "2024-05", value: 4.0, low: 3.7, high: 4.3),
        TrendPoint(label: "2024-09", value: 4.4, low: 4.2, high: 4.6),
    ]

    static let legend = (low: "Disagree (1–2)", mid: "Neutral (3)", high: "Agree (4–5)")

    /// Every kind of chart, ordinary and awkward, with a name for messages.
    static func all() -> [(name: String, svg: String)] {
        var hostileForest = forestRows
        hostileForest[0].label = hostile
        var out: [(String, String)] = [
            ("forest", SVGChart.forest(forestRows, scale: 1...5, reference: 4.1, title: "Ranking", description: "Shrunken means", format: mean)),
            ("forest hostile", SVGChart.forest(hostileForest, scale: 1...5, reference: 4.1, title: hostile, description: hostile, format: mean)),
            ("forest empty", SVGChart.forest([], scale: 1...5, reference: nil, title: "No trainers", description: "None", format: mean)),
            ("forest non-finite", SVGChart.forest([
                ForestRow(label: "nan", estimate: .nan, low: 1, high: 2, n: 3),
                ForestRow(label: "inf", estimate: .infinity, low: 1, high: 2, n: 3),
                ForestRow(label: "ends", estimate: 3, low: -.infinity, high: .nan, n: 3),
                ForestRow(label: "wide", estimate: 3, low: -.infinity, high: .infinity, n: 3),
            ], scale: 1...5, reference: .nan, title: "Odd", description: "Odd", format: mean)),
            ("forest infinite scale", SVGChart.forest(forestRows, scale: -Double.infinity...Double.infinity, reference: 4, title: "Scale", description: "d", format: mean)),
            ("forest wide", SVGChart.forest(forestRows, scale: 1...5, reference: 4.1, title: "Wide", description: "d", format: mean, width: 1200)),
            ("forest narrow", SVGChart.forest(forestRows, scale: 1...5, reference: 4.1, title: "Narrow", description: "d", format: mean, width: 10)),
            ("diverging", SVGChart.diverging(divergingRows, legend: legend, title: "Answers", description: "Shares", format: percent)),
            ("diverging hostile", SVGChart.diverging([DivergingRow(label: hostile, low: 0.2, mid: 0.3, high: 0.5, n: 10)], legend: (hostile, hostile, hostile), title: hostile, description: hostile, format: percent)),
            ("diverging empty", SVGChart.diverging([], legend: legend, title: "No answers", description: "None", format: percent)),
            ("diverging odd", SVGChart.diverging([
                DivergingRow(label: "zero", low: 0, mid: 0, high: 0, n: 0),
                DivergingRow(label: "nan", low: .nan, mid: .infinity, high: -1, n: -4),
                DivergingRow(label: "huge", low: .greatestFiniteMagnitude, mid: .greatestFiniteMagnitude, high: 1, n: 1),
            ], legend: legend, title: "Odd", description: "Odd", format: percent)),
            ("trend", SVGChart.trend(trendPoints, scale: 1...5, title: "Over time", description: "Means by session", format: mean)),
            ("trend hostile", SVGChart.trend([TrendPoint(label: hostile, value: 4), TrendPoint(label: hostile, value: 3)], scale: 1...5, title: hostile, description: hostile, format: mean)),
            ("trend empty", SVGChart.trend([], scale: 1...5, title: "No sessions", description: "None", format: mean)),
            ("trend odd", SVGChart.trend([
                TrendPoint(label: "a", value: .nan, low: 1, high: 2),
                TrendPoint(label: "b", value: 7, low: 6, high: .infinity),
                TrendPoint(label: "c", value: 3, low: .nan, high: 4),
                TrendPoint(label: "d", value: -2, low: -.infinity, high: 1),
                TrendPoint(label: "e", value: 4, low: 3.5, high: 4.5),
            ], scale: 1...5, title: "Odd", description: "Odd", format: mean)),
            ("trend single", SVGChart.trend([TrendPoint(label: "only", value: 4.2, low: 4, high: 4.4)], scale: 1...5, title: "One", description: "d", format: mean)),
        ]
        out.append(("trend many", SVGChart.trend((0..<60).map { TrendPoint(label: "session \($0)", value: 3 + Double($0 % 7) / 4) }, scale: 1...5, title: "Many", description: "d", format: mean, width: 640, height: 10)))
        // Each drawing on its own: the wide one, then the phone variant.
        return out.flatMap { name, svg in
            chartVariants(svg).enumerated().map { ($0.offset == 0 ? name : name + " (phone)", $0.element) }
        }
    }
}
