@testable import PikirReport
import PikirStats
import Testing

/// The ranking chart against the ranking table: it plots what its title says (the adjusted score, with
/// the mean's interval shrunk by the same factor), in the table's order, with its reference line named.
@Suite("Layout: trainer ranking chart")
struct LayoutTrainerForestTests {
    typealias F = LayoutFixture

    /// A trainer with a raw mean above the first's but few answers ranks second: the shrinkage reverses them.
    static func report() -> TrainerReport {
        let k = Shrinkage.defaultK, shrinkage = Shrinkage(k: k)
        let specs: [(String, [Double])] = [
            ("Айгерім Жұмабекова", Array(repeating: 5, count: 20) + Array(repeating: 4, count: 20)),  // 4.50, n = 40
            ("Бауыржан Оспанов", [5, 5, 5, 5, 5, 4]),  // 4.83, n = 6
            ("Ерлан Сарсенов", Array(repeating: 4, count: 18) + Array(repeating: 3, count: 12)),  // 3.60, n = 30
        ]
        let scored = specs.map { name, answers in
            (name, answers, shrinkage.score(n: answers.count, mean: answers.reduce(0, +) / Double(answers.count), prior: 4.0))
        }.sorted { $0.2 > $1.2 }
        return F.trainerReport(scored.enumerated().map { i, t in F.trainer(t.0, answers: t.1, adjusted: t.2, rank: i + 1) })
    }

    @Test("points sit at the table's adjusted scores, in its rank order, inside their shrunken intervals; the line is μ, named")
    func chartMatchesTable() throws {
        let report = Self.report()
        let ranking = try #require(report.document(F.en, version: "test").section("ranking"))
        let table = try #require(ranking.tables.first)
        let svg = try #require(ranking.charts.first).svg
        let root = try #require(parseChartSVG(svg))

        // The axis: tick marks paired with their labels.
        let ticks = zip(root.all(class: "pk-tick").compactMap { $0.number("x1") },
                        root.all(class: "pk-tick-label").compactMap { Double($0.allText) }).map { ($0, $1) }
        try #require(ticks.count >= 2)
        let (xa, va) = ticks.first!, (xb, vb) = ticks.last!
        func x(_ v: Double) -> Double { xa + (v - va) / (vb - va) * (xb - xa) }

        let rows = root.all(class: "pk-row")
        #expect(rows.map { $0.all(class: "pk-label").first?.allText } == table.column("Trainer").map(Optional.some))
        // Six answers give an interval (bounded, so wide at small n) that still reaches μ once shrunk: in line.
        #expect(table.column("Against the average") == ["Above average", "In line with average", "Below average"])
        #expect(table.column("Trainer")[1] == "Бауыржан Оспанов", "the raw-mean leader ranks second")
        let cx = rows.compactMap { $0.all(class: "pk-est").first?.number("cx") }
        #expect(cx.count == 3)
        #expect(zip(cx, cx.dropFirst()).allSatisfy { $0 > $1 }, "rank 1 rightmost, then leftwards: \(cx)")
        let adjusted = table.column("Adjusted score").compactMap(Double.init)
        for (i, row) in rows.enumerated() {
            #expect(abs(cx[i] - x(adjusted[i])) < 1.5, "point at the table's adjusted score \(adjusted[i])")
            let ci = try #require(row.all(class: "pk-ci").first)
            let low = try #require(ci.number("x1")), high = try #require(ci.number("x2"))
            #expect(low <= cx[i] && cx[i] <= high, "the interval holds its point")
            // The mean's interval shrunk towards μ = 4 by n/(n + k).
            let t = report.trainers[i], ci95 = try #require(t.overall.summary.ci95)
            let factor = Double(t.overall.n) / (Double(t.overall.n) + Shrinkage.defaultK)
            #expect(abs(low - x(4 + (ci95.low - 4) * factor)) < 0.05)
            #expect(abs(high - x(4 + (ci95.high - 4) * factor)) < 0.05)
        }
        let reference = try #require(root.all(class: "pk-ref").first)
        let referenceX = try #require(reference.number("x1"))
        #expect(abs(referenceX - x(4.0)) < 0.05)
        #expect(root.all(class: "pk-ref-label").first?.allText == "Centre mean 4.00")
    }

    @Test("the reference line's name in kk and ru")
    func referenceLabelTranslated() throws {
        for (language, name) in [(Language.kk, "Орталық бойынша орташа 4,00"), (.ru, "Среднее по центру 4,00")] {
            let document = Self.report().document(Catalogue.load(language), version: "test")
            let ranking = try #require(document.section("ranking"))
            let svg = try #require(ranking.charts.first).svg
            let root = try #require(parseChartSVG(svg))
            #expect(root.all(class: "pk-ref-label").first?.allText == name)
        }
    }
}

/// The trend chart in a trainer's section says what its shaded band is.
@Suite("Layout: trainer trend chart")
struct LayoutTrainerTrendTests {
    @Test("the band is explained under the axis in kk, ru and en")
    func bandExplained() throws {
        let report = LayoutFixture.trainerReport([
            LayoutFixture.trainer("Жанар Омарова", answers: [4, 5, 3, 4, 5, 4], sessions: 3, adjusted: 4.1, rank: 1),
        ])
        for (language, key) in [(Language.en, "Shaded: 95% interval"), (.ru, "Заливка: 95\u{a0}% интервал"),
                                (.kk, "Көлеңкеленген аймақ: 95\u{a0}% аралық")] {
            let section = try #require(report.document(Catalogue.load(language), version: "test").section("trainer-1"))
            let svg = try #require(section.charts.last).svg
            let root = try #require(parseChartSVG(svg))
            #expect(root.all(class: "pk-band").count == 1)
            #expect(root.all(class: "pk-band-label").first?.allText == key)
            #expect(root.all(class: "pk-band-key").count == 1)
        }
    }
}

/// The trend chart's x axis is time: positions follow the sessions' dates.
@Suite("Layout: trainer trend time axis")
struct LayoutTrainerTrendTimeTests {
    @Test("x is proportional to the days between sessions; month ticks are labelled in the report's language")
    func timeAxis() throws {
        var trainer = LayoutFixture.trainer("Жанар Омарова", answers: [4, 5, 3, 4, 5, 4], sessions: 3, adjusted: 4.1, rank: 1)
        let summary = trainer.trend[0].overall
        trainer.trend = [("S1", "2024-01-10"), ("S2", "2024-01-20"), ("S3", "2024-06-17")].map {
            TrainerReport.SessionPoint(session: $0.0, date: $0.1, overall: summary)
        }
        let report = LayoutFixture.trainerReport([trainer])
        let section = try #require(report.document(Catalogue.load(.ru), version: "test").section("trainer-1"))
        let svg = try #require(section.charts.last).svg
        let root = try #require(parseChartSVG(svg))
        let xs = root.all(class: "pk-value").compactMap { $0.number("cx") }
        try #require(xs.count == 3)
        // 10 days, then 149 days.
        #expect(abs((xs[2] - xs[1]) / (xs[1] - xs[0]) - 149.0 / 10.0) < 0.05, "\(xs)")
        let labels = root.all(class: "pk-x-label").map(\.allText)
        #expect(labels.count >= 3, "\(labels)")
        #expect(labels.first?.contains("2024") == true && labels.first?.lowercased().contains("феврал") == true, "\(labels)")
        #expect(labels.contains { $0.lowercased() == "март" }, "\(labels)")
    }
}
