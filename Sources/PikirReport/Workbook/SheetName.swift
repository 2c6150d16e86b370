/// Excel's rules for a sheet's name: at most 31 characters, none of `[]:*?/\`,
/// no apostrophe at either end, and unique within the workbook ignoring case.
/// A workbook breaking any of them does not open, so every name passes here.
enum SheetName {
    static let maxLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// `wanted` as a valid name not yet in `taken`, which it joins: a forbidden
    /// character becomes a space, a long name is cut at a character's end, and a
    /// repeated one gets ` (2)`, ` (3)`… within the limit.
    static func unique(_ wanted: String, taken: inout Set<String>) -> String {
        let words = String(wanted.map { forbidden.contains($0) || $0.isNewline ? " " : $0 })
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let base = trimmed(words).isEmpty ? "Sheet" : trimmed(words)
        var name = cut(base, to: maxLength)
        var n = 1
        while taken.contains(name.lowercased()) {
            n += 1
            let suffix = " (\(n))"
            name = cut(base, to: maxLength - suffix.utf16.count) + suffix
        }
        taken.insert(name.lowercased())
        return name
    }

    /// Excel counts UTF-16 units and libxlsxwriter code points: a cut by UTF-16
    /// units on whole characters keeps within both. A cut name ends at a word's
    /// end when one is in its second half ("…среднего", not "…среднего п").
    private static func cut(_ s: String, to limit: Int) -> String {
        var out = "", units = 0
        for ch in s {
            units += ch.utf16.count
            if units > limit {
                if let space = out.lastIndex(of: " "), out.distance(from: out.startIndex, to: space) >= limit / 2 {
                    out = String(out[..<space])
                }
                break
            }
            out.append(ch)
        }
        return trimmed(out)
    }

    private static func trimmed(_ s: String) -> String {
        var s = Substring(s)
        while let c = s.first, c == " " || c == "'" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "'" { s = s.dropLast() }
        return String(s)
    }
}

/// The names a workbook has given out so far (WorkbookWriter's).
struct SheetNames {
    static let maxLength = SheetName.maxLength
    private var taken: Set<String> = []

    /// `wanted` made valid and unique; remembered, so the next clash is numbered.
    mutating func claim(_ wanted: String) -> String {
        SheetName.unique(wanted, taken: &taken)
    }
}
