/// Recognises totals rows under the data: `Итого`, `Барлығы`, `Total` …
/// in the first non-blank cell of the first two columns.
enum TotalsRow {
    static let words: [String] = [
        "итого", "итог", "всего", "барлығы", "барлыгы", "жиыны", "жиынтығы", "қорытынды", "корытынды",
        "total", "totals", "grand total", "sum", "сумма",
    ]

    /// The first two letters of each word in lower, Title and UPPER case, as
    /// UTF-8: a record whose cell starts with none of them needs no closer look.
    private static let bytePrefixes: [[UInt8]] = {
        var prefixes = Set<[UInt8]>()
        for word in words {
            let two = String(word.prefix(2))
            for variant in [two, two.prefix(1).uppercased() + two.dropFirst(), two.uppercased()] {
                prefixes.insert(Array(variant.utf8))
            }
        }
        return prefixes.sorted { $0.lexicographicallyPrecedes($1) }
    }()

    /// Indexed by a cell's first two bytes: whether a totals word can start so.
    static let firstTwoBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 1 << 16)
        for prefix in bytePrefixes where prefix.count >= 2 { table[Int(prefix[0]) << 8 | Int(prefix[1])] = true }
        return table
    }()

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
