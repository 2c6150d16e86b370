import PikirNormalise

/// Writing CSV cells for people who open them in Excel.
public enum CSVText {
    /// Quotes a cell when it holds the delimiter, a quote or a line break.
    public static func cell(_ value: String, delimiter: Character = ",") -> String {
        guard value.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingQuotes() + "\""
    }

    /// A cell that spreadsheet software would run as a formula (`=`, `+`, `-`,
    /// `@`, TAB or CR first) gets a leading apostrophe, so an export can never
    /// execute anything (OWASP's CSV-injection rule); an ingest takes it off
    /// again (see `FormulaCells`).
    public static func neutralised(_ value: String) -> String {
        FormulaCells.neutralised(value)
    }

    /// One CSV line (without its line end) for Excel: every cell neutralised and quoted as needed.
    public static func line(_ values: [String?], delimiter: Character = ",") -> String {
        values.map { cell(neutralised($0 ?? ""), delimiter: delimiter) }.joined(separator: String(delimiter))
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 2)
        for ch in self {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out
    }
}
