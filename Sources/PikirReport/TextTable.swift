/// A table of text cells laid out for a terminal or as Markdown.
///
/// Column widths count terminal columns (see `DisplayWidth`), so Kazakh and
/// Russian text lines up as well as Latin.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// Columns separated by two spaces, the header underlined; no trailing spaces.
    public func rendered() -> String {
        let widths = columnWidths()
        var lines: [String] = []
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                let last = i == cells.count - 1
                let padded = alignments[i] == .right ? DisplayWidth.pad(cell, to: widths[i], right: true)
                    : (last ? cell : DisplayWidth.pad(cell, to: widths[i]))
                out += (i == 0 ? "" : "  ") + padded
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
        lines.append(line(headers))
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for row in rows { lines.append(line(row)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table; `|` in cells is escaped.
    public func markdown() -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "| " + headers.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }

    private func columnWidths() -> [Int] {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        return widths
    }
}

import Foundation
