/// Text and numbers as they are written into inline SVG.
public enum SVG {
    /// XML-escapes text for element content and attribute values alike:
    /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`
    /// (`&#39;`, not `&apos;`, so the result is also valid HTML 4).
    ///
    /// Tab, line feed and carriage return become `&#9;` `&#10;` `&#13;`, so an
    /// attribute keeps them; characters XML 1.0 does not allow at all (the
    /// other C0 controls, U+FFFE, U+FFFF) become U+FFFD, so that any text
    /// from a survey leaves the document well-formed.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\t": out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n": out.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            default:
                let v = scalar.value
                out.append(v < 0x20 || v == 0xFFFE || v == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }

    /// A number as written in coordinates: at most two decimals, rounded half
    /// away from zero, no trailing zeros, no exponent, never "-0".
    ///
    /// Callers skip or clamp non-finite values before they get here; should
    /// one slip through it is written as "0" (and asserts in debug builds),
    /// and magnitudes are capped at 10⁹, so no "nan" or "inf" ever reaches a
    /// document.
    static func number(_ value: Double) -> String {
        assert(value.isFinite, "non-finite coordinate")
        guard value.isFinite else { return "0" }
        let capped = min(max(value, -1e9), 1e9)
        let hundredths = Int64((capped * 100).rounded(.toNearestOrAwayFromZero))
        if hundredths == 0 { return "0" }
        let magnitude = hundredths.magnitude
        var out = hundredths < 0 ? "-" : ""
        out += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            out += fraction % 10 == 0 ? "." + String(fraction / 10)
                : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return out
    }
}

/// FNV-1a, 64 bits: the deterministic hash behind chart ids.
struct ChartID {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        state = (state ^ 0xFF) &* 0x0000_0100_0000_01b3  // 0xFF never occurs in UTF-8: a separator
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Appends SVG elements to a string; every attribute value is either a
/// constant of this module, a number through `SVG.number`, or escaped text.
struct SVGWriter {
    private(set) var body = ""

    mutating func raw(_ markup: String) { body += markup }

    mutating func open(_ tag: String, _ attributes: String = "") {
        body += "<" + tag + (attributes.isEmpty ? "" : " " + attributes) + ">\n"
    }

    mutating func close(_ tag: String) { body += "</" + tag + ">\n" }

    /// A `<title>` child: the tooltip and accessible name of its parent.
    mutating func title(_ text: String) { body += "<title>" + SVG.escape(text) + "</title>\n" }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, cls: String) {
        body += "<rect class=\"\(cls)\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" fill=\"\(fill)\"/>\n"
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double, cls: String, dash: String? = nil
    ) {
        var s = "<line class=\"\(cls)\" x1=\"\(SVG.number(x1))\" y1=\"\(SVG.number(y1))\" x2=\"\(SVG.number(x2))\" y2=\"\(SVG.number(y2))\""
        s += " stroke=\"\(stroke)\" stroke-width=\"\(SVG.number(width))\""
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        body += s + "/>\n"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil, cls: String) {
        var s = "<circle class=\"\(cls)\" cx=\"\(SVG.number(cx))\" cy=\"\(SVG.number(cy))\" r=\"\(SVG.number(r))\" fill=\"\(fill)\""
        if let stroke { s += " stroke=\"\(stroke)\" stroke-width=\"1.5\"" }
        body += s + "/>\n"
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, cls: String, opacity: String? = nil) {
        var s = "<polygon class=\"\(cls)\" points=\"\(Self.pointList(points))\" fill=\"\(fill)\""
        if let opacity { s += " fill-opacity=\"\(opacity)\"" }
        body += s + "/>\n"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double, cls: String) {
        body += "<polyline class=\"\(cls)\" points=\"\(Self.pointList(points))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVG.number(width))\" stroke-linejoin=\"round\"/>\n"
    }

    enum Anchor: String { case start, middle, end }

    /// A `<text>` element; `content` is escaped here.
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, cls: String,
        fill: String? = nil, bold: Bool = false, size: Double? = nil
    ) {
        var s = "<text class=\"\(cls)\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\""
        if anchor != .start { s += " text-anchor=\"\(anchor.rawValue)\"" }
        if let fill { s += " fill=\"\(fill)\"" }
        if bold { s += " font-weight=\"bold\"" }
        if let size { s += " font-size=\"\(SVG.number(size))\"" }
        body += s + ">" + SVG.escape(content) + "</text>\n"
    }

    private static func pointList(_ points: [(Double, Double)]) -> String {
        points.map { SVG.number($0.0) + "," + SVG.number($0.1) }.joined(separator: " ")
    }
}
