@testable import PikirReport
import Testing

/// Properties every SVG chart must have, checked on every sample chart.
@Suite("Charts: SVG safety")
struct ChartsSafetyTests {
    static let samples = ChartSamples.all()

    @Test("every chart is well-formed XML with an svg root")
    func wellFormed() throws {
        for (name, svg) in Self.samples {
            let root = try #require(parseChartSVG(svg), "\(name) is not well-formed")
            #expect(root.name == "svg", "\(name)")
            #expect(root["xmlns"] == nil || root["xmlns"] == "http://www.w3.org/2000/svg", "\(name)")
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" "), "\(name)")
            #expect(svg.hasSuffix("</svg>\n"), "\(name)")
        }
    }

    @Test("root: role img, labelled by its own title and desc, viewBox, width 100%, sans-serif")
    func rootAttributes() throws {
        for (name, svg) in Self.samples {
            let root = try #require(parseChartSVG(svg))
            #expect(root["role"] == "img", "\(name)")
            #expect(root["width"] == "100%", "\(name)")
            #expect(root["font-family"] == "sans-serif", "\(name)")
            let labelledBy = try #require(root["aria-labelledby"]).split(separator: " ").map(String.init)
            #expect(labelledBy.count == 2, "\(name)")
            #expect(root.children.count >= 2, "\(name)")
            #expect(root.children[0].name == "title" && root.children[0]["id"] == labelledBy[0], "\(name)")
            #expect(root.children[1].name == "desc" && root.children[1]["id"] == labelledBy[1], "\(name)")
            let size = try #require(chartViewBox(root), "\(name)")
            #expect(size.width >= 320 && size.height > 0, "\(name)")
            #expect(root["viewBox"]?.hasPrefix("0 0 ") == true, "\(name)")
        }
    }

    @Test("ids are unique within a chart and across different charts, and deterministic")
    func uniqueIDs() throws {
        var seen: Set<String> = []
        for (name, svg) in Self.samples {
            let root = try #require(parseChartSVG(svg))
            let ids = root.descendants.compactMap { $0["id"] }
            #expect(ids.count == 2, "\(name)")
            for id in ids {
                #expect(!seen.contains(id), "\(name): id \(id) repeated")
                seen.insert(id)
                #expect(id.hasPrefix("pikir-"), "\(name)")
                #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }, "\(name)")
            }
        }
    }

    @Test("nothing external: no http (but the namespace), href, url(), script, image, foreignObject, style, @import")
    func noExternalReferences() {
        for (name, svg) in Self.samples {
            let lower = svg.lowercased()
            let withoutNamespace = lower.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!withoutNamespace.contains("http"), "\(name)")
            #expect(!lower.contains("href"), "\(name)")
            #expect(!lower.contains("url("), "\(name)")
            #expect(!lower.contains("<script"), "\(name)")
            #expect(!lower.contains("<image"), "\(name)")
            #expect(!lower.contains("foreignobject"), "\(name)")
            #expect(!lower.contains("<style"), "\(name)")
            #expect(!lower.contains("@import"), "\(name)")
            #expect(!lower.contains("<use"), "\(name)")
            #expect(!lower.contains("onload") && !lower.contains("onclick"), "\(name)")
        }
    }

    @Test("the same input gives the same bytes")
    func deterministic() {
        let again = ChartSamples.all()
        #expect(again.count == Self.samples.count)
        for (a, b) in zip(Self.samples, again) { #expect(a.svg == b.svg, "\(a.name)") }
    }

    @Test("every coordinate is a plain number with at most two decimals; never nan or inf")
    func numbers() throws {
        let numeric: Set<String> = [
            "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "font-size", "stroke-width",
        ]
        func plain(_ s: Substring) -> Bool {
            let parts = s.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let int = parts.first else { return false }
            let digits = int.hasPrefix("-") ? int.dropFirst() : int
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return false }
            if parts.count == 2 {
                return (1...2).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
                    && parts[1].last != "0"
            }
            return true
        }
        for (name, svg) in Self.samples {
            let root = try #require(parseChartSVG(svg))
            #expect(!svg.lowercased().contains("nan\""), "\(name)")
            #expect(!svg.lowercased().contains("inf\""), "\(name)")
            for node in root.descendants {
                for (key, value) in node.attributes where numeric.contains(key) {
                    if node.name == "svg" && key == "width" { continue }
                    #expect(plain(Substring(value)), "\(name): \(node.name) \(key)=\(value)")
                }
                for key in ["points", "viewBox", "stroke-dasharray"] {
                    guard let value = node[key] else { continue }
                    for part in value.split(whereSeparator: { $0 == " " || $0 == "," }) {
                        #expect(plain(part), "\(name): \(node.name) \(key)=\(value)")
                    }
                }
            }
        }
    }

    @Test("no text smaller than 12 units, and the font grows with wider drawings")
    func fontSizes() throws {
        for (name, svg) in Self.samples {
            let root = try #require(parseChartSVG(svg))
            let base = try #require(root.number("font-size"))
            let size = try #require(chartViewBox(root))
            #expect(base >= 12, "\(name)")
            // At an A4 print width of about 660 CSS px the text stays at 12 px.
            #expect(base * 660 / size.width >= 11.9, "\(name)")
            for node in root.descendants where node.name == "text" {
                if let own = node.number("font-size") { #expect(own >= 12, "\(name)") }
            }
        }
    }

    @Test("bars and axes are drawn with crisp edges")
    func crispEdges() throws {
        for (name, svg) in Self.samples where !name.contains("empty") {
            let root = try #require(parseChartSVG(svg))
            #expect(root.all(class: "pk-axis").allSatisfy { $0["shape-rendering"] == "crispEdges" }, "\(name)")
            for rect in root.all(class: "pk-seg") {
                _ = rect
                #expect(root.descendants.contains { $0.name == "g" && $0["shape-rendering"] == "crispEdges" && $0.children.contains { $0 === rect } }, "\(name)")
            }
        }
    }
}

@Suite("Charts: escaping")
struct ChartsEscapeTests {
    @Test("the five XML specials are escaped")
    func specials() {
        #expect(SVG.escape(ChartSamples.hostile) == ChartSamples.hostileEscaped)
        #expect(SVG.escape("a'b") == "a&#39;b")
        #expect(SVG.escape("Алматы — Нұр-Сұлтан") == "Алматы — Нұр-Сұлтан")
        #expect(SVG.escape("") == "")
        #expect(SVG.escape("&amp;") == "&amp;amp;")
    }

    @Test("tab, newline, return kept as references; characters XML forbids become U+FFFD")
    func controls() {
        #expect(SVG.escape("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
        #expect(SVG.escape("a\u{0}b\u{1B}c\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(SVG.escape("e\u{301}") == "e\u{301}")
        let nasty = "x\u{0}\u{8}\u{FFFE}<y>"
        let svg = SVGChart.forest([ForestRow(label: nasty, estimate: 3, low: 2, high: 4, n: 1)], scale: 1...5,
                                  reference: nil, title: nasty, description: nasty, format: ChartSamples.mean)
        #expect(parseChartSVG(svg) != nil)
    }

    @Test("a hostile label appears only escaped, and reads back as the original text")
    func hostileLabels() throws {
        for (name, svg) in ChartSamples.all() where name.contains("hostile") {
            #expect(!svg.contains("<script"), "\(name)")
            #expect(!svg.contains("\"x\""), "\(name)")
            #expect(svg.contains(ChartSamples.hostileEscaped), "\(name)")
            let root = try #require(parseChartSVG(svg))
            #expect(root.children[0].text == ChartSamples.hostile, "\(name)")
            #expect(root.children[1].text == ChartSamples.hostile, "\(name)")
            // The full label in some row's or point's <title>.
            let titles = root.all("title").dropFirst().map(\.text)
            #expect(titles.contains { $0.hasPrefix(ChartSamples.hostile + ": ") }, "\(name)")
        }
    }

    @Test("coordinates: at most two decimals, half away from zero, no trailing zeros, no -0")
    func numbers() {
        #expect(SVG.number(0) == "0")
        #expect(SVG.number(-0.0) == "0")
        #expect(SVG.number(-0.004) == "0")
        #expect(SVG.number(12) == "12")
        #expect(SVG.number(12.5) == "12.5")
        #expect(SVG.number(12.345) == "12.35" || SVG.number(12.345) == "12.34")  // 12.345 is not exact in binary
        #expect(SVG.number(0.125) == "0.13")
        #expect(SVG.number(-0.125) == "-0.13")
        #expect(SVG.number(3.05) == "3.05")
        #expect(SVG.number(-7.1) == "-7.1")
        #expect(SVG.number(99.999) == "100")
        #expect(SVG.number(1e12) == "1000000000")
        #expect(SVG.number(-1e12) == "-1000000000")
    }
}
