/// Recognises totals rows under the data: `Итого`, `Барлығы`, `Total` …
/// in the first non-blank cell of the first two columns.
enum TotalsRow {
    static let words: [String] = [
        "итого", "итог", "всего", "барлығы", "барлыгы", "жиыны", "жиынтығы", "қорытынды", "корытынды",
        "total", "totals", "grand total", "sum", "сумма",
    ]

    static func matches(_ fields: [String]) -> Bool {
        guard let cell = fields.prefix(2).first(where: { !$0.allSatisfy { $0 == " " || $0 == "\t" } }) else { return false }
        return matches(cell: cell)
    }

    static func matches(cell: String) -> Bool {
        guard cell.utf8.count <= 80 else { return false }
        let text = cell.trimmingCharacters(in: " \t").lowercased()
        for word in words where text.hasPrefix(word) {
            let rest = text.dropFirst(word.count)
            guard let next = rest.first else { return true }
            if next == ":" || next == " " || next == "." || next == "(" { return true }
        }
        return false
    }
}
