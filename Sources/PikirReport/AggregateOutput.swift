import Foundation
import PikirAggregate
import PikirStats
import PikirModel

/// Writes `pikir agg` rows in each output format (also the pipelines' aggregate tables).
///
/// Machine formats (csv, tsv, json, ndjson) carry full precision; the
/// table and Markdown round for reading (means to 2 decimals, shares as
/// percentages). A missing dimension value is empty (csv), null (json) or
/// "—" (table).
///
/// Every number is ASCII in every format (`-`, never U+2212; `.`; no
/// grouping), so a spreadsheet or script reads it; an interval in the
/// table and Markdown is `low..high`, as a scale is written (`1..5`), since
/// a dash between ends that may be negative reads as a minus.
public struct AggregateOutput {
    public let query: AggregateQuery

    /// `xlsx` is a workbook (``writeWorkbook(_:to:created:createFolders:)``), not text.
    public enum Format: String, Sendable, CaseIterable { case table, csv, tsv, json, ndjson, md, xlsx }

    public init(query: AggregateQuery) { self.query = query }

    public func render(_ rows: [AggregateRow], as format: Format) -> String {
        switch format {
        case .json:
            return "[" + rows.map { "\n  " + json($0) }.joined(separator: ",") + (rows.isEmpty ? "]\n" : "\n]\n")
        case .ndjson:
            return rows.map { json($0) + "\n" }.joined()
        case .csv:
            return delimited(rows, separator: ",")
        case .tsv:
            return delimited(rows, separator: "\t")
        case .table:
            return table(rows).rendered()
        case .md:
            return table(rows).markdown()
        case .xlsx:
            preconditionFailure("a workbook is written to a file by writeWorkbook, never rendered as text")
        }
    }

    // MARK: - Columns

    /// Column names: the dimensions (the trainer as id and name), measure,
    /// n, each statistic (ci95 as two columns), suppressed.
    var headers: [String] {
        var out: [String] = []
        for d in query.by {
            if d == .trainer { out.append("trainer_id") }
            out.append(d.rawValue)
        }
        out += ["measure", "n"]
        for stat in query.stats where stat != .n {
            if stat == .ci95 { out += ["ci95_low", "ci95_high"] } else { out.append(stat.rawValue) }
        }
        return out + ["suppressed"]
    }

    // MARK: - JSON

    private func json(_ row: AggregateRow) -> String {
        var fields: [String] = []
        for (dimension, value) in row.dimensions {
            if dimension == .trainer { fields.append("\"trainer_id\": " + jsonString(value.trainerID)) }
            if dimension.isNumeric, let number = value.number {
                fields.append("\"\(dimension.rawValue)\": \(number)")
            } else {
                fields.append("\"\(dimension.rawValue)\": " + jsonString(value.text))
            }
        }
        fields.append("\"measure\": \"\(row.measure.name)\"")
        fields.append("\"n\": \(row.n)")
        for stat in query.stats where stat != .n {
            let value = row.value(stat)
            switch (stat, value) {
            case (.ci95, .interval(let i)?):
                fields.append("\"ci95_low\": \(number(i.low))")
                fields.append("\"ci95_high\": \(number(i.high))")
            case (.ci95, _):
                fields.append("\"ci95_low\": null")
                fields.append("\"ci95_high\": null")
            case (.dist, .distribution(let d)?):
                fields.append("\"dist\": {" + d.map { "\"\(number($0.value))\": \($0.count)" }.joined(separator: ", ") + "}")
            case (_, .number(let x)?):
                fields.append("\"\(stat.rawValue)\": \(number(x))")
            case (_, .count(let n)?):
                fields.append("\"\(stat.rawValue)\": \(n)")
            case (_, .text(let t)?):
                fields.append("\"\(stat.rawValue)\": " + jsonString(t))
            default:
                fields.append("\"\(stat.rawValue)\": null")
            }
        }
        fields.append("\"suppressed\": \(row.suppressed)")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private func jsonString(_ text: String?) -> String {
        text.map(ExtrasJSON.quote) ?? "null"
    }

    /// Shortest text that reads back as the same Double; integers without ".0".
    func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }

    // MARK: - CSV / TSV

    private func delimited(_ rows: [AggregateRow], separator: String) -> String {
        var out = headers.joined(separator: separator) + "\n"
        for row in rows {
            var cells: [String] = []
            for (dimension, value) in row.dimensions {
                if dimension == .trainer { cells.append(value.trainerID ?? "") }
                cells.append(value.text ?? "")
            }
            cells += [row.measure.name, String(row.n)]
            for stat in query.stats where stat != .n {
                switch row.value(stat) {
                case .interval(let i)?: cells += [number(i.low), number(i.high)]
                case .number(let x)?: cells.append(number(x))
                case .count(let n)?: cells.append(String(n))
                case .text(let t)?: cells.append(t)
                case .distribution(let d)?: cells.append(d.map { "\(number($0.value)):\($0.count)" }.joined(separator: " "))
                case nil: cells += stat == .ci95 ? ["", ""] : [""]
                }
            }
            cells.append(row.suppressed ? "true" : "false")
            out += cells.map { quote($0, separator: separator) }.joined(separator: separator) + "\n"
        }
        return out
    }

    /// RFC 4180 quoting; a cell that would start a formula in a spreadsheet
    /// gets a leading apostrophe (the same rule as `pikir export`).
    private func quote(_ cell: String, separator: String) -> String {
        var cell = cell
        if let first = cell.unicodeScalars.first, "=+@\t\r".unicodeScalars.contains(first) || (first == "-" && Double(cell) == nil) {
            cell = "'" + cell
        }
        if cell.contains(separator) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r") {
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    // MARK: - Table / Markdown

    private func table(_ rows: [AggregateRow]) -> TextTable {
        var headers: [String] = []
        var alignments: [TextTable.Alignment] = []
        for d in query.by {
            headers.append(d.rawValue)
            alignments.append(d.isNumeric ? .right : .left)
        }
        headers += ["measure", "n"]
        alignments += [.left, .right]
        for stat in query.stats where stat != .n {
            headers.append(stat.rawValue)
            alignments.append(stat == .dist || stat == .ci95 ? .left : .right)
        }
        var table = TextTable(headers: headers, alignments: alignments)
        for row in rows {
            var cells = row.dimensions.map { pair -> String in
                guard let text = pair.value.text else { return "—" }
                if pair.dimension == .trainer, let id = pair.value.trainerID { return "\(text) (\(id))" }
                return text
            }
            cells += [row.measure.name, String(row.n)]
            for stat in query.stats where stat != .n {
                guard let value = row.value(stat) else { cells.append(row.suppressed ? "suppressed" : "—"); continue }
                switch value {
                case .count(let n): cells.append(String(n))
                case .number(let x):
                    switch stat {
                    case .top2, .bottom2: cells.append(String(format: "%.1f%%", x * 100))
                    case .nps: cells.append(String(format: "%.1f", x))
                    case .min, .max, .median, .p25, .p75: cells.append(x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x))
                    default: cells.append(String(format: "%.2f", x))
                    }
                case .interval(let i): cells.append(String(format: "%.2f..%.2f", i.low, i.high))
                case .distribution(let d): cells.append(d.map { "\(number($0.value)):\($0.count)" }.joined(separator: " "))
                case .text(let t): cells.append(t)
                }
            }
            table.append(cells)
        }
        return table
    }
}
