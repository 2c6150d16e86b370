@testable import PikirReport
import Testing

/// The HTML renderer's print and phone furniture, on a small hand-made document.
@Suite("HTML renderer: cover, commands, phone cards")
struct HTMLRendererTests {
    static func document(language: String = "ru") -> Document {
        let regions = Document.Table(
            caption: "Регионы", headers: ["Регион", "Ответы", "2023 (прошлый год)", "В целом"], numeric: [false, true, true, true],
            rows: [[.init("Алматы"), .init("40"), .init("4,25"), .init("4,48")],
                   [.init("Жамбылская область"), .init("40"), .init("нет данных за 2023", style: "muted"), .init("3,93")]],
            reproduce: "pikir agg --by region --where year=2024")
        let ranking = Document.Table(
            caption: nil, headers: ["Место", "Тренер", "n", "Среднее"], numeric: [true, false, true, true],
            rows: [[.init("1"), .init("Айгерім Жұмабекова"), .init("136"), .init("4,38")]],
            reproduce: "pikir agg --by trainer --min-n 1")
        let small = Document.Table(caption: "Причины", headers: ["Причина", "Количество"], numeric: [false, true],
                                   rows: [[.init("Невозможная дата"), .init("1")]], reproduce: nil)
        return Document(
            language: language, title: "Итоги 2024 года", subtitle: nil,
            cover: ["Все центры", "2024", "Подготовлено 05.12.2026"],
            sections: [
                .init(id: "summary", heading: "Главное", blocks: [.summary([.init("В Алматы выросло.", target: "regions")])]),
                .init(id: "regions", heading: "По регионам", blocks: [.table(regions), .glossary([.init("NPS", "индекс")])]),
                .init(id: "ranking", heading: "Рейтинг <тренеров>", blocks: [.table(ranking), .table(small)]),
            ],
            footer: [.paragraph("Методика")])
    }

    static func render(_ d: Document = document()) throws -> String { try HTMLRenderer().render(d) }

    @Test("the cover line under the title, one span per part")
    func cover() throws {
        let html = try Self.render()
        #expect(html.contains("<p class=\"cover\"><span>Все центры</span> <span>2024</span> <span>Подготовлено 05.12.2026</span> </p>"))
        var bare = Self.document()
        bare.cover = []
        #expect(!(try Self.render(bare)).contains("class=\"cover\""))
    }

    @Test("commands: collapsed under their table, and numbered in the appendix by caption or section heading")
    func commands() throws {
        let html = try Self.render()
        #expect(!html.contains("<p class=\"reproduce\">"))
        #expect(html.contains("<details class=\"reproduce\"><summary>Команда для повтора <span class=\"ref\">[1]</span></summary><p><code>pikir agg --by region --where year=2024</code></p></details>"))
        #expect(html.contains("<summary>Команда для повтора <span class=\"ref\">[2]</span></summary>"))
        let appendix = try #require(html.components(separatedBy: "<div class=\"reproductions\" id=\"reproduce\">").dropFirst().first)
        #expect(appendix.hasPrefix("\n<h2>Команда для повтора</h2>"))
        #expect(appendix.contains("<li value=\"1\"><span class=\"what\">Регионы</span><br><code>pikir agg --by region --where year=2024</code></li>"))
        // No caption: named by its section's heading, escaped.
        #expect(appendix.contains("<li value=\"2\"><span class=\"what\">Рейтинг &lt;тренеров&gt;</span><br><code>pikir agg --by trainer --min-n 1</code></li>"))
        #expect(appendix.components(separatedBy: "<li ").count - 1 == 2, "the table without a command is not listed")
        // The appendix comes after the footer's own blocks, inside the footer.
        let footer = try #require(html.components(separatedBy: "<footer>").last)
        #expect(footer.range(of: "Методика")!.lowerBound < footer.range(of: "reproductions")!.lowerBound)
        // English.
        let en = try Self.render(Self.document(language: "en"))
        #expect(en.contains("<h2>Reproduce with</h2>"))
    }

    @Test("tables of 4+ columns carry their headers on each cell for phone cards, headed by the first text column")
    func cards() throws {
        let html = try Self.render()
        #expect(html.contains("<tr><td class=\"lead\">Алматы</td><td class=\"num\" data-label=\"Ответы\">40</td><td class=\"num\" data-label=\"2023 (прошлый год)\">4,25</td>"))
        // Words in a numeric column may wrap.
        #expect(html.contains("<td class=\"num words muted\" data-label=\"2023 (прошлый год)\">нет данных за 2023</td>"))
        // A rank first: the card is headed by the trainer.
        #expect(html.contains("<tr><td class=\"num\" data-label=\"Место\">1</td><td class=\"lead\">Айгерім Жұмабекова</td>"))
        #expect(html.components(separatedBy: "<table class=\"stack\">").count - 1 == 2)
        // Two columns fit a phone: an ordinary table.
        #expect(html.contains("<table>\n<caption>Причины</caption>"))
        #expect(html.contains("<tr><td class=\"\">Невозможная дата</td><td class=\"num\">1</td></tr>"))
    }

    @Test("the style: sections flow in print, page numbers, headings kept with what follows, the narrow charts on a phone")
    func style() throws {
        let html = try Self.render()
        #expect(!html.contains("break-before: page"), "no forced page per section")
        #expect(html.contains("@bottom-right { content: counter(page) \" / \" counter(pages);"))
        #expect(html.contains("h2 { font-size: 12pt; margin: 1.1rem 0 .4rem; break-after: avoid;"))
        #expect(html.contains("figure.chart svg.pk-narrow { display: none; }"))
        #expect(html.contains("@media screen and (max-width: 640px)"))
        #expect(!html.contains("<script"))
    }
}
