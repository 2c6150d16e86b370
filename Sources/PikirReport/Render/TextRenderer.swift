/// Renders a `Document` for a terminal: the same sections, tables and
/// charts as the HTML, with bars and sparklines in text.
///
/// Colour (bold headings, dim notes) only when asked, which the command
/// line does when stdout is a terminal and `NO_COLOR` is unset.
public struct TextRenderer {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ d: Document) -> String {
        var out = bold(d.title) + "\n"
        if let subtitle = d.subtitle { out += subtitle + "\n" }
        for section in d.sections {
            out += "\n" + bold(section.heading) + "\n" + String(repeating: "═", count: DisplayWidth.of(section.heading)) + "\n"
            for block in section.blocks { out += render(block) }
        }
        out += "\n" + String(repeating: "─", count: 40) + "\n"
        for block in d.footer { out += render(block) }
        return out
    }

    private func render(_ block: Document.Block) -> String {
        switch block {
        case .paragraph(let text): return text + "\n"
        case .note(let text): return dim(text) + "\n"
        case .list(let items): return items.map { "  • " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined()
        case .facts(let pairs):
            let width = pairs.map { DisplayWidth.of($0.label) }.max() ?? 0
            return pairs.map { DisplayWidth.pad($0.label, to: width) + "  " + $0.value + "\n" }.joined()
        case .summary(let sentences): return sentences.map { "  » " + $0.text + "\n" }.joined()
        case .glossary(let terms): return dim(terms.map { $0.term + ": " + $0.meaning }.joined(separator: "; ")) + "\n"
        case .chart(let chart):
            return "\n" + chart.caption + "\n" + chart.text.map { "  " + $0 + "\n" }.joined()
        case .table(let t):
            var table = TextTable(headers: t.headers, alignments: t.numeric.map { $0 ? .right : .left })
            for row in t.rows { table.append(row.map { $0.text }) }
            var out = "\n"
            if let caption = t.caption { out += caption + "\n" }
            out += table.rendered()
            if let command = t.reproduce { out += dim("$ " + command) + "\n" }
            return out
        }
    }

    private func bold(_ s: String) -> String { colour ? "\u{1B}[1m" + s + "\u{1B}[0m" : s }
    private func dim(_ s: String) -> String { colour ? "\u{1B}[2m" + s + "\u{1B}[0m" : s }
}

import Foundation
