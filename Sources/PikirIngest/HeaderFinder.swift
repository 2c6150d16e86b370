/// Finds the header row under any title lines.
///
/// The header is the first record as wide as the data: at least two
/// non-blank cells and at least half as many as the widest record in the
/// sample (title lines like "Отчёт по тренингу …" have one or two). A
/// candidate whose cells are mostly numbers or dates is data, not a header:
/// the file then has no header.
enum HeaderFinder {
    struct Found {
        var line: Int?
        var columns: [String]
    }

    static func find(in records: [SampleRecords.Record], skippingLine skipped: Int?) -> Found {
        let candidates = records.filter { $0.line != skipped }
        let widest = candidates.map(\.nonBlank).max() ?? 0
        let needed = max(2, (widest + 1) / 2)
        for record in candidates where record.nonBlank >= needed {
            if TotalsRow.matches(record.fields) { continue }
            let cells = record.fields.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
            let numeric = cells.filter(looksNumeric).count
            if numeric * 2 > cells.count { break }
            return Found(line: record.line, columns: trimmedColumns(record.fields))
        }
        let width = candidates.map(\.fields.count).max() ?? 0
        return Found(line: nil, columns: (0..<width).map { "column\($0 + 1)" })
    }

    /// Header cells without surrounding spaces, trailing empty columns dropped.
    static func trimmedColumns(_ fields: [String]) -> [String] {
        var columns = fields.map { $0.trimmingCharacters(in: " \t") }
        while let last = columns.last, last.isEmpty { columns.removeLast() }
        return columns
    }

    /// Numbers, decimal commas, dates and times: digits with separators only.
    static func looksNumeric(_ cell: String) -> Bool {
        var digits = 0
        for scalar in cell.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case ".", ",", ":", "-", "/", " ", "+", "%": continue
            default: return false
            }
        }
        return digits > 0
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let drop = Set(set.unicodeScalars)
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !drop.contains($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !drop.contains($0) })!
        return String(scalars[start...end])
    }
}
