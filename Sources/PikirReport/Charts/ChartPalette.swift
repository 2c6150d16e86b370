/// Colours of every chart, SVG and HTML alike: a colour-blind-safe diverging
/// palette from Okabe and Ito (2008), "Color Universal Design".
///
/// Vermillion and blue stay distinct under protanopia, deuteranopia and
/// tritanopia, and differ in lightness too, so a grey-scale print still tells
/// "low" from "high"; the neutral middle is a grey with no hue at all.
///
/// Contrast on white (WCAG 2 relative luminance), and the choices it led to:
/// - `low` #D55E00 is 3.9:1 on white, so bars are readable as graphics
///   (≥ 3:1); share labels inside a low bar are black (`onLow`, 5.4:1), since
///   white would be 3.9:1, below the 4.5:1 that 12 px text needs.
/// - `high` #0072B2 is 5.2:1 on white; labels inside it are white (`onHigh`, 5.2:1).
/// - `mid` #BBBBBB is 1.9:1 on white: a neutral segment is not meant to
///   stand out, it always sits between the two coloured ones, and its share
///   is also written inside it (black, `onMid`, 10.9:1) and in the data table.
/// - `point` and `text` #222222 are 15.9:1; `axis` #767676 is 4.5:1.
/// - `reference` #999999 is 2.8:1, a secondary dashed guide: its value is
///   always written as text next to it, so nothing is carried by it alone.
/// - `grid` #DDDDDD is decoration only; tick labels carry the values.
public enum ChartPalette {
    /// Answers 1–2: Okabe–Ito vermillion.
    public static let low = "#D55E00"
    /// Answers 3: neutral grey.
    public static let mid = "#BBBBBB"
    /// Answers 4–5: Okabe–Ito blue.
    public static let high = "#0072B2"
    /// Estimates, interval lines and trend points: near-black.
    public static let point = "#222222"
    /// The dashed reference line (for example the overall mean).
    public static let reference = "#999999"
    /// Grid lines at the axis ticks.
    public static let grid = "#DDDDDD"
    /// Labels, titles and tick labels.
    public static let text = "#222222"
    /// Axis lines and tick marks; the centre line of diverging bars.
    public static let axis = "#767676"
    /// Text drawn inside a `low` segment.
    public static let onLow = "#000000"
    /// Text drawn inside a `mid` segment.
    public static let onMid = "#000000"
    /// Text drawn inside a `high` segment.
    public static let onHigh = "#FFFFFF"
}

extension ChartPalette {
    /// WCAG 2 contrast ratio of two `#RRGGBB` colours (1 to 21), nil for another notation.
    static func contrast(_ a: String, _ b: String) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// WCAG 2 relative luminance of a `#RRGGBB` colour.
    static func luminance(_ hex: String) -> Double? {
        let digits = Array(hex.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#") else { return nil }
        var channels: [Double] = []
        for i in stride(from: 1, to: 7, by: 2) {
            guard let hi = hexValue(digits[i]), let lo = hexValue(digits[i + 1]) else { return nil }
            let c = Double(hi * 16 + lo) / 255
            // (c + 0.055) / 1.055 raised to 2.4, without Foundation's pow: x^2.4 = x^2 · x^0.4,
            // and x^0.4 = (x^2)^(1/5) by Newton's method on y^5 = x^2.
            channels.append(c <= 0.04045 ? c / 12.92 : power24((c + 0.055) / 1.055))
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        default: return nil
        }
    }

    /// x^2.4 for x in (0, 1].
    private static func power24(_ x: Double) -> Double {
        let square = x * x
        var y = 1.0
        for _ in 0..<60 { y -= (y * y * y * y * y - square) / (5 * y * y * y * y) }
        return square * y
    }
}
