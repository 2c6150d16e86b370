/// Excel's rules for a sheet name, applied to a name in the report's
/// language: at most 31 characters (UTF-16 units, as Excel counts), none of
/// `[ ] : * ? / \`, not starting or ending with an apostrophe, not blank, and
/// unique in the workbook ignoring case ("Итоги" and "итоги" clash).
struct SheetNames {
    static let maxLength = 31
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    private var taken: Set<String> = []

    /// `wanted` made valid and unique; remembered, so the next clash is numbered.
    mutating func claim(_ wanted: String) -> String {
        var base = String(wanted.map { Self.forbidden.contains($0) || $0.isNewline ? " " : $0 })
        base = base.trimmingApostrophesAndSpaces()
        if base.isEmpty { base = "Sheet \(taken.count + 1)" }
        var name = Self.fit(base, suffix: "")
        var number = 2
        while taken.contains(name.lowercased()) {
            name = Self.fit(base, suffix: " (\(number))")
            number += 1
        }
        taken.insert(name.lowercased())
        return name
    }

    /// `base` cut (at a character boundary) so that it and `suffix` fit in 31 UTF-16 units.
    private static func fit(_ base: String, suffix: String) -> String {
        let room = maxLength - suffix.utf16.count
        var out = "", used = 0
        for character in base {
            let size = character.utf16.count
            if used + size > room { break }
            out.append(character)
            used += size
        }
        return out.trimmingApostrophesAndSpaces() + suffix
    }
}

private extension String {
    func trimmingApostrophesAndSpaces() -> String {
        let drop: (Character) -> Bool = { $0 == "'" || $0.isWhitespace }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
