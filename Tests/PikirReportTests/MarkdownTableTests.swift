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

/// Cells hold what participants typed: it must show as typed, never as markup.
@Suite("TextTable.markdown escaping")
struct MarkdownEscapingTests {
    @Test("HTML as entities, Markdown punctuation behind a backslash", arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("**өте жақсы**", "\\*\\*өте жақсы\\*\\*"),
        ("working_youth", "working\\_youth"),
        ("[ссылка](http://x.kz)", "\\[ссылка\\](http://x.kz)"),
        ("`rm -rf`", "\\`rm -rf\\`"),
        ("C:\\Users\\Айгерім", "C:\\\\Users\\\\Айгерім"),
        ("a | b", "a \\| b"),
        ("Алматы", "Алматы"),
    ])
    func cell(text: String, markdown: String) {
        #expect(TextTable.markdownCell(text) == markdown)
        var table = TextTable(headers: ["comment"])
        table.append([text])
        #expect(table.markdown().split(separator: "\n").last.map(String.init) == "| \(markdown) |")
    }
}
