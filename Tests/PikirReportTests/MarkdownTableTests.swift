import Foundation
import PikirReport
import Testing

/// `TextTable.markdown()`: a GitHub-flavoured table whose cells cannot break it.
@Suite("TextTable.markdown")
struct MarkdownTableTests {
    @Test("header, alignment row (---: for right), one line per row")
    func layout() {
        var table = TextTable(headers: ["қала", "n", "mean"], alignments: [.left, .right, .right])
        table.append(["Алматы", "122", "4.36"])
        table.append(["Қарағанды", "119", "4.31"])
        #expect(table.markdown() == """
            | қала | n | mean |
            | --- | ---: | ---: |
            | Алматы | 122 | 4.36 |
            | Қарағанды | 119 | 4.31 |

            """)
    }

    @Test("a | in a cell or header is escaped, so the row keeps its columns")
    func pipe() {
        var table = TextTable(headers: ["session", "a|b"])
        table.append(["ALM|2024", "Жақсы | Good"])
        let lines = table.markdown().split(separator: "\n").map(String.init)
        #expect(lines[0] == "| session | a\\|b |")
        #expect(lines[2] == "| ALM\\|2024 | Жақсы \\| Good |")
        for line in lines {
            let unescaped = line.replacingOccurrences(of: "\\|", with: "")
            #expect(unescaped.filter { $0 == "|" }.count == 3, "two columns: \(line)")
        }
    }

    @Test("a newline in a cell becomes a space: one row stays one line")
    func newline() {
        var table = TextTable(headers: ["comment"])
        table.append(["Көбірек\nпрактика"])
        #expect(table.markdown().split(separator: "\n").last == "| Көбірек практика |")
    }
}
