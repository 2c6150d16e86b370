import Foundation

/// The terminal rendering of a `FileInspection`.
public enum InspectionText {
    public static func render(_ i: FileInspection) -> String {
        var out = "\(i.path)\n"
        func row(_ label: String, _ value: String) {
            out += "  " + label.padding(toLength: 13, withPad: " ", startingAt: 0) + value + "\n"
        }
        row("encoding", "\(i.encoding)  (\(i.encoding_evidence))")
        let delimiter = i.delimiter == "\t" ? "TAB" : i.delimiter
        row("delimiter", "\(delimiter)  (\(i.delimiter_evidence))")
        row("line ending", i.line_ending.uppercased())
        row("header", i.header_line.map { "line \($0), \(i.columns.count) columns" } ?? "none found: columns are numbered")
        let width = min(48, i.columns.map(\.count).max() ?? 0)
        for (n, column) in i.columns.enumerated() {
            var line = "    \(String(n + 1).leftPadded(to: 3))  \(column)"
            if n < i.mapping.count {
                let m = i.mapping[n]
                let shown = column.count > width ? String(column.prefix(width - 1)) + "…" : column
                line = "    \(String(n + 1).leftPadded(to: 3))  " + shown.padded(to: width)
                    + "  → " + mapping(m)
            }
            out += line + "\n"
        }
        var records = "\(i.records)"
        if !i.short_record_lines.isEmpty {
            records += "  (\(i.short_record_lines.count) with fewer fields than the header, kept: lines \(list(i.short_record_lines)))"
        }
        row("records", records)
        row("lines", "\(i.physical_lines) in \(i.bytes) bytes")
        var reasons: [String: [Int]] = [:]
        for entry in i.ignored_lines { reasons[entry.reason_code, default: []].append(entry.line) }
        row("ignored", "\(i.ignored)" + (reasons.isEmpty ? "" : ":"))
        for reason in reasons.keys.sorted() {
            out += "    \(reason): line\(reasons[reason]!.count == 1 ? "" : "s") \(list(reasons[reason]!))\n"
        }
        row("rejects", "\(i.rejected)")
        for reject in i.rejects {
            out += "    line \(reject.line) \(reject.reason_code): \(reject.reason)\n"
            out += "      \(abbreviate(reject.raw))\n"
        }
        if i.unlisted > 0 { out += "    … \(i.unlisted) more ignored lines and rejects not listed\n" }
        if !i.sample.isEmpty {
            out += "  first records\n"
            for record in i.sample {
                out += "    line \(record.line): " + record.fields.map { abbreviate($0, to: 24) }.joined(separator: " | ") + "\n"
            }
        }
        return out
    }

    /// `overall ← "общая оценка" (synonym)`, `delivery ← grid row "Подача материала"
    /// (keyword: "подача материала")`, `extra`, or `extra (why)`.
    static func mapping(_ m: FileInspection.ColumnMapping) -> String {
        guard let field = m.field else {
            if let note = m.note { return "extra (\(note))" }
            return m.match == "user" ? "extra (ignored by the mapping file)" : "extra"
        }
        let match = m.match ?? "?"
        guard let by = m.decided_by else { return "\(field) (\(match))" }
        let words = by.words.map { "\"\($0)\"" }.joined(separator: " + ")
        switch by.part {
        case "mapping":
            return "\(field) ← mapping file (\(match))"
        case "grid_row", "grid_question":
            let part = by.part == "grid_row" ? "grid row" : "grid question"
            let shown = "\(part) \"\(abbreviate(by.text, to: 40))\""
            return match == "keyword" ? "\(field) ← \(shown) (keyword: \(words))" : "\(field) ← \(shown) (\(match))"
        default:
            return "\(field) ← \(words) (\(match))"
        }
    }

    private static func list(_ lines: [Int]) -> String {
        let shown = lines.prefix(12).map(String.init).joined(separator: ", ")
        return lines.count > 12 ? shown + ", … (\(lines.count) in all)" : shown
    }

    private static func abbreviate(_ text: String, to limit: Int = 100) -> String {
        let flat = text.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\r", with: "⏎")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
