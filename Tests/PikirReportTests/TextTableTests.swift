import PikirReport
import Testing

/// `TextTable.rendered()`: columns line up on a terminal whatever the script,
/// judged by display columns (the underline gives each column's span).
@Suite("TextTable.rendered")
struct TextTableTests {
    static func sample() -> TextTable {
        var table = TextTable(headers: ["region", "city", "trainer", "n", "mean"],
                              alignments: [.left, .left, .left, .right, .right])
        table.append(["KZ-35", "Қарағанды", "Нұрлыбай Наурызбаев (T01)", "119", "4.31"])
        table.append(["KZ-75", "Almaty", "Айгерим", "5", "3.80"])
        table.append(["KZ-71", "Нур-Султан", "Dmitriy Kim", "1234", "—"])
        table.append(["JP-13", "東京", "Йо\u{0301}шкар", "7", "suppressed"])
        return table
    }

    @Test("a header, an underline of ─ per column, then one line per row; ends with a newline")
    func shape() throws {
        let text = Self.sample().rendered()
        #expect(text.hasSuffix("\n"))
        let lines = TerminalLines(text)
        #expect(lines.lines.count == 2 + 4)
        #expect(lines.columns.count == 5, "five runs of ─ in \(lines.lines[1])")
        #expect(lines.columns.map(\.count) == [6, 10, 25, 4, 10], "widths in display columns")
    }

    @Test("every cell sits in its column: left-aligned from the start, right-aligned to the end")
    func aligned() throws {
        let table = Self.sample()
        let lines = TerminalLines(table.rendered())
        for (l, cells) in ([table.headers] + table.rows).enumerated() {
            let line = l == 0 ? 0 : l + 1
            for (c, cell) in cells.enumerated() {
                let span = lines.text(line: line, column: c)
                if table.alignments[c] == .left {
                    #expect(span.hasPrefix(cell), "line \(line) column \(c): '\(span)' should start with '\(cell)'")
                    #expect(span.trimmingTrailingSpaces() == cell, "line \(line) column \(c): '\(span)'")
                } else {
                    #expect(span.hasSuffix(cell), "line \(line) column \(c): '\(span)' should end with '\(cell)'")
                    #expect(span.drop { $0 == " " } == cell[...], "line \(line) column \(c): '\(span)'")
                }
            }
            #expect(lines.gapsAreBlank(line: line), "two spaces between columns on line \(line): \(lines.lines[line])")
        }
    }

    @Test("lines have the same display width, and no trailing spaces, when the last column is right-aligned")
    func sameWidth() {
        let lines = TerminalLines(Self.sample().rendered())
        let widths = Set(lines.slots.map(\.count))
        #expect(widths.count == 1, "\(lines.slots.map(\.count))")
        #expect(lines.lines.allSatisfy { !$0.hasSuffix(" ") })
    }

    @Test("a left-aligned last column is not padded: no trailing spaces")
    func leftLastColumn() {
        var table = TextTable(headers: ["город", "комментарий"])
        table.append(["Алматы", "Өте жақсы"])
        table.append(["Астана", "ok"])
        let lines = table.rendered().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") }, "\(Array(lines))")
        #expect(lines.last == "Астана  ok")
    }

    @Test("an empty cell in a left-aligned last column leaves no trailing spaces either")
    func emptyLastCell() {
        var table = TextTable(headers: ["город", "комментарий"])
        table.append(["Алматы", ""])
        let lines = table.rendered().split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") }, "\(lines)")
    }

    @Test("alignments default to left")
    func defaultAlignment() {
        let table = TextTable(headers: ["a", "b"])
        #expect(table.alignments == [.left, .left])
    }
}

/// A rendered table as terminal cells: each line as a list of display slots
/// (a wide character fills two, a combining mark joins the slot before it).
fileprivate struct TerminalLines {
    let lines: [String]
    let slots: [[String]]
    /// Each column's span of slots, from the runs of ─ in the underline.
    let columns: [Range<Int>]

    init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        slots = lines.map(Self.slots)
        var columns: [Range<Int>] = []
        var start: Int?
        let underline = slots.count > 1 ? slots[1] : []
        for (i, slot) in (underline + [" "]).enumerated() {
            if slot == "─", start == nil { start = i }
            if slot != "─", let s = start { columns.append(s..<i); start = nil }
        }
        self.columns = columns
    }

    static func slots(_ line: String) -> [String] {
        var out: [String] = []
        for scalar in line.unicodeScalars {
            switch DisplayWidth.of(scalar) {
            case 0: if out.isEmpty { out.append(String(scalar)) } else { out[out.count - 1].unicodeScalars.append(scalar) }
            case 2: out.append(String(scalar)); out.append("")
            default: out.append(String(scalar))
            }
        }
        return out
    }

    /// The text in a column's span on one line (missing slots as spaces).
    func text(line: Int, column: Int) -> String {
        columns[column].map { $0 < slots[line].count ? slots[line][$0] : " " }.joined()
    }

    /// Whether the slots between columns are spaces (or past the end of the line).
    func gapsAreBlank(line: Int) -> Bool {
        zip(columns, columns.dropFirst()).allSatisfy { left, right in
            (left.upperBound..<right.lowerBound).allSatisfy { $0 >= slots[line].count || slots[line][$0] == " " }
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
