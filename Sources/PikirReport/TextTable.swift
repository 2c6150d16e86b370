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

    /// A GitHub-flavoured Markdown table whose cells show as written (see `markdownCell`).
    public func markdown() -> String {
        var out = "| " + headers.map(Self.markdownCell).joined(separator: " | ") + " |\n"
        out += "|" + alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(Self.markdownCell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// One cell as Markdown text that renders as the cell's own characters:
    /// HTML's `&`, `<`, `>` as entities (a comment `<script>` stays text),
    /// Markdown's backslash, `|`, `*`, `_`, backtick, `[` and `]` behind a
    /// backslash (no emphasis, code, link or extra column), and a line break as a space (one row, one line).
    public static func markdownCell(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "|", "*", "_", "`", "[", "]": out.append("\\"); out.append(ch)
            case "\n", "\r", "\r\n": out.append(" ")
            default: out.append(ch)
            }
        }
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
