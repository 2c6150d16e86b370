@testable import PikirReport
import PikirStats
import Testing

/// Tiers instead of a rank list: above, in line with or below μ from the interval the chart draws, the
/// table grouped by tier, the chart in the table's order, and trainers under k in one line each.
@Suite("Layout: trainer tiers")
struct LayoutTrainerTiersTests {
    typealias F = LayoutFixture

    static func answers(_ counts: [Double: Int]) -> [Double] {
        counts.keys.sorted().flatMap { Array(repeating: $0, count: counts[$0]!) }
    }

    /// μ = 4 (the fixture's). Intervals by hand (t-interval of the mean, shrunk by n/(n + 10)):
    /// - Бауыржан: n = 200, mean 4.20, sd 0.40, ±0.056: [4.14, 4.26] above; adjusted 4 + 0.2·200/210 = 4.19.
    /// - Айгерім: n = 30, mean 4.80, ±0.15: above; adjusted 4 + 0.8·30/40 = 4.60.
    /// - Dana: n = 5, mean 4.60, sd 0.89, ±1.11: holds 4, in line; adjusted 4 + 0.6·5/15 = 4.20, above Бауыржан's.
    /// - Ерлан: n = 40, mean 4.00: in line; adjusted 4.00.
    /// - Жанар: n = 30, mean 2.67, ±0.18: below; adjusted 4 − 1.33·30/40 = 3.00.
    /// - Нұрлан: n = 3 < 5: too few answers.
    static let trainers = [
        F.trainer("Бауыржан Оспанов", answers: answers([4: 160, 5: 40])),
        F.trainer("Жанар Омарова", answers: answers([3: 20, 2: 10])),
        F.trainer("Нұрлан Ахметов", answers: [4, 5, 3], comments: ["Нұрлан ағай, рахмет!"]),
        F.trainer("Dana Smith", answers: [5, 5, 5, 5, 3]),
        F.trainer("Ерлан Сарсенов", answers: answers([4: 20, 5: 10, 3: 10])),
        F.trainer("Айгерім Жұмабекова", answers: answers([5: 24, 4: 6])),
    ]
    static let report = F.trainerReport(trainers)

    @Test("the table groups by tier, adjusted score descending within a tier; an in-line trainer may score above an above one")
    func tableByTier() throws {
        let ranking = try #require(Self.report.document(F.en, version: "test").section("ranking"))
        let table = try #require(ranking.tables.first)
        #expect(table.headers.first == "Against the average")
        #expect(!table.headers.contains("Rank"), "no bare rank")
        #expect(table.column("Trainer") == ["Айгерім Жұмабекова", "Бауыржан Оспанов", "Dana Smith", "Ерлан Сарсенов", "Жанар Омарова"])
        #expect(table.column("Against the average") == ["Above average", "Above average", "In line with average", "In line with average",
                                                        "Below average"])
        #expect(table.column("Adjusted score") == ["4.60", "4.19", "4.20", "4.00", "3.00"])
        #expect(table.rows.map { $0[0].style } == ["up", "up", nil, nil, "down"])
    }

    @Test("the chart shows the table's trainers in the table's order, each point at its adjusted score")
    func chartFollowsTable() throws {
        let ranking = try #require(Self.report.document(Catalogue.load(.ru), version: "test").section("ranking"))
        let table = try #require(ranking.tables.first)
        let svg = try #require(ranking.charts.first).svg
        let root = try #require(parseChartSVG(svg))
        let rows = root.all(class: "pk-row")
        #expect(rows.map { $0.all(class: "pk-label").first?.allText } == table.column("Тренер").map(Optional.some))
        // Top to bottom in the table's order.
        let ys = rows.compactMap { $0.all(class: "pk-est").first?.number("cy") }
        #expect(ys.count == 5 && zip(ys, ys.dropFirst()).allSatisfy { $0 < $1 }, "\(ys)")
        let ticks = zip(root.all(class: "pk-tick").compactMap { $0.number("x1") },
                        root.all(class: "pk-tick-label").compactMap { Double($0.allText.replacingOccurrences(of: ",", with: ".")) }).map { ($0, $1) }
        try #require(ticks.count >= 2)
        let (xa, va) = ticks.first!, (xb, vb) = ticks.last!
        let adjusted = table.column("Скорректированная оценка").compactMap { Double($0.replacingOccurrences(of: ",", with: ".")) }
        let cx = rows.compactMap { $0.all(class: "pk-est").first?.number("cx") }
        for (x, value) in zip(cx, adjusted) {
            #expect(abs(x - (xa + (value - va) / (vb - va) * (xb - xa))) < 1.5, "point at \(value)")
        }
        let reference = try #require(root.all(class: "pk-ref").first?.number("x1"))
        let above = ranking.tables[0].column("Относительно среднего").enumerated().filter { $0.element == "Выше среднего" }.map(\.offset)
        for i in above {
            let low = try #require(rows[i].all(class: "pk-ci").first?.number("x1"))
            #expect(low > reference, "an above trainer's whole interval lies right of the reference line")
        }
    }

    @Test("under k: one short line with name and answers, no section, no statistics, no comments")
    func underKOneLine() throws {
        let document = Self.report.document(F.en, version: "test")
        let tooFew = try #require(document.section("too-few"))
        #expect(tooFew.heading == "Too few answers to judge")
        #expect(tooFew.lists == [["Нұрлан Ахметов — 3 answers"]])
        #expect(document.sections.map(\.id) == ["ranking", "too-few", "trainer-1", "trainer-2", "trainer-3", "trainer-4", "trainer-5"])
        #expect(!document.sections.contains { $0.heading.contains("Нұрлан") }, "no section of their own")
        let text = TextRenderer().render(document)
        #expect(!text.contains("Нұрлан ағай"), "never a comment of a group under k")
        #expect(text.components(separatedBy: "Нұрлан Ахметов").count == 2, "named once, in the one line")
        let sections = document.sections.dropFirst(2).map(\.heading)
        #expect(sections == ["Айгерім Жұмабекова", "Бауыржан Оспанов", "Dana Smith", "Ерлан Сарсенов", "Жанар Омарова"], "in the table's order")
        #expect(document.sections[2].facts.first.map { "\($0.label): \($0.value)" } == "Against the average: Above average")
    }

    @Test("glossary lines: under the ranking table (adjusted score, interval, n) and under a trainer's table (n, interval, top two, NPS)")
    func glossaries() throws {
        let ru = Catalogue.load(.ru), document = Self.report.document(ru, version: "test")
        func terms(_ keys: [String]) -> [String] { keys.map { ru.text("glossary.\($0).term") } }
        func glossary(after kind: String, in section: Document.Section) -> [String]? {
            for (i, block) in section.blocks.enumerated() {
                guard case .table = block, kind == "table", i + 1 < section.blocks.count,
                      case .glossary(let terms) = section.blocks[i + 1] else { continue }
                return terms.map(\.term)
            }
            return nil
        }
        let ranking = try #require(document.section("ranking"))
        #expect(glossary(after: "table", in: ranking) == terms(["adjusted_score", "interval", "n"]))
        #expect(glossary(after: "table", in: ranking)?.first == "скорректированная оценка")
        let trainer = try #require(document.section("trainer-1"))
        #expect(glossary(after: "table", in: trainer) == terms(["n", "interval", "top_two", "nps"]))
    }

    @Test("cover line: region, period, and the generation date only when given")
    func cover() throws {
        var report = Self.report
        report.scope.region = "KZ-75"
        report.scope.year = 2024
        #expect(report.document(F.en, version: "test").cover == ["Almaty", "2024"])
        #expect(report.document(Catalogue.load(.ru), generatedAt: "5 января 2026", version: "test").cover
            == ["Алматы", "2024", "Дата создания: 5 января 2026"])
        #expect(Self.report.document(Catalogue.load(.kk), version: "test").cover == ["Барлық өңірлер", "2024"], "period from the sessions")
    }
}
