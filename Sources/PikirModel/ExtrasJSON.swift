import Foundation

/// Extras as a JSON object written by hand: keys and values are plain strings.
public enum ExtrasJSON {
    public static func encode(_ pairs: [(header: String, value: String)]) -> String {
        var out = "{"
        for (i, pair) in pairs.enumerated() {
            if i > 0 { out += "," }
            out += quote(pair.header) + ":" + quote(pair.value)
        }
        return out + "}"
    }

    /// A JSON string literal (also what `pikir agg` writes for its text values).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
