import Foundation
@testable import PikirReport
import PikirStats
import Testing

/// The yearly report's first screen, against sentences written out by hand
/// from the numbers of each case, in kk, ru and en.
@Suite("Layout: yearly summary sentences")
struct LayoutYearlySummaryTests {
    typealias F = LayoutFixture

    /// 30 × 4 and 10 × 5: mean 4.25, sum 170.
    static let forty = LayoutYearlyTests.forty
    /// 21 × 3 and 20 × 5: mean 3.98, sum 163.
    static let fortyOne = LayoutYearlyTests.fortyOne

    static func change(_ difference: Double, p: Double) -> ChangeResult {
        ChangeResult(previousMean: 4.1, currentMean: 4.1 + difference, difference: difference,
                     ci95: Interval(low: difference - 0.2, high: difference + 0.2), p: p, welch: nil)
    }

    static func compared(_ key: String, _ answers: [Double], _ change: ChangeResult, significant: Bool) -> YearlyReport.Row {
        var row = F.row(key, answers: answers, change: change, significant: significant)
        row.lastYear = F.histogram(fortyOne)
        return row
    }

    /// Almaty rose and Shymkent fell (both passed Holm), Astana held, Karaganda has no 2023 data,
    /// Pavlodar has 2 answers; the total (163 answers, mean 682/163 = 4.18) held against 4.10.
    static func mixed() -> YearlyReport {
        var report = F.yearlyReport(regions: [
            compared("KZ-75", forty, change(0.6, p: 0.001), significant: true),
            compared("KZ-71", fortyOne, change(-0.05, p: 0.7), significant: false),
            F.row("KZ-35", answers: forty),
            compared("KZ-79", forty, change(-0.31, p: 0.004), significant: true),
            F.row("KZ-55", answers: [4, 5], suppression: .primary),
        ])
        report.total.change = change(0.08, p: 0.4)
        report.total.lastYear = F.histogram(fortyOne + forty)
        return report
    }

    static func sentences(_ report: YearlyReport, _ language: Language) throws -> [Document.Sentence] {
        let document = report.document(Catalogue.load(language), version: "test")
        let section = try #require(document.sections.first)
        #expect(section.id == "summary", "the answer comes first")
        guard case .summary(let sentences)? = section.blocks.first else {
            Issue.record("the first block is not the summary")
            return []
        }
        #expect(sentences.allSatisfy { $0.target == "regions" }, "each sentence links to the region table")
        return sentences
    }

    @Test("en: risers and fallers named with their change, the held counted, no data and too few named")
    func mixedEnglish() throws {
        #expect(try Self.sentences(Self.mixed(), .en).map(\.text) == [
            "Overall satisfaction held: 4.18 in 2024 (163 answers) against 4.10 in 2023, no significant change.",
            "Satisfaction rose significantly in Almaty (by 0.60 points).",
            "Satisfaction fell significantly in Shymkent (by 0.31 points).",
            "Satisfaction held in 1 region: no significant change from 2023.",
            "No comparison for 1 region: no data for 2023 (Karaganda Region).",
            "1 region has too few answers to publish: Pavlodar Region.",
        ])
    }

    @Test("ru: the same case («163 ответа», «на 0,31 балла», «1 регион не опубликован»)")
    func mixedRussian() throws {
        #expect(try Self.sentences(Self.mixed(), .ru).map(\.text) == [
            "В целом удовлетворённость на уровне прошлого года: 4,18 в 2024 году (163 ответа) против 4,10 в 2023 году, значимого изменения нет.",
            "Удовлетворённость значимо выросла: Алматы (на 0,60 балла).",
            "Удовлетворённость значимо снизилась: Шымкент (на 0,31 балла).",
            "В 1 регионе удовлетворённость на уровне 2023 года: значимого изменения нет.",
            "Нет сравнения для 1 региона: нет данных за 2023 год (Карагандинская область).",
            "1 регион не опубликован: слишком мало ответов (Павлодарская область).",
        ])
    }

    @Test("kk: the same case")
    func mixedKazakh() throws {
        #expect(try Self.sentences(Self.mixed(), .kk).map(\.text) == [
            "Жалпы қанағаттанушылық өткен жылғы деңгейде: 2024 жылы 4,18 (163 жауап), 2023 жылы 4,10; мәнді өзгеріс жоқ.",
            "Қанағаттанушылық мәнді өсті: Алматы (0,60 балға).",
            "Қанағаттанушылық мәнді төмендеді: Шымкент (0,31 балға).",
            "1 өңірде қанағаттанушылық 2023 жылғы деңгейде: мәнді өзгеріс жоқ.",
            "1 өңір бойынша салыстыру жоқ: 2023 жылға дерек жоқ (Қарағанды облысы).",
            "1 өңірде жариялауға жауаптар тым аз: Павлодар облысы.",
        ])
    }

    /// Three regions compared, none significant; the total (121 answers, 503/121 = 4.16) rose significantly on its own test.
    static func nothingChanged() -> YearlyReport {
        var report = F.yearlyReport(regions: [
            compared("KZ-75", forty, change(0.1, p: 0.3), significant: false),
            compared("KZ-71", fortyOne, change(-0.12, p: 0.2), significant: false),
            compared("KZ-35", forty, change(0.02, p: 0.9), significant: false),
        ])
        report.total.change = ChangeResult(previousMean: 3.98, currentMean: 4.16, difference: 0.18,
                                           ci95: Interval(low: 0.01, high: 0.35), p: 0.04, welch: nil)
        report.total.significant = true
        report.total.lastYear = F.histogram(fortyOne)
        return report
    }

    @Test("nothing changed: every region held, said in one sentence, in kk, ru and en")
    func nothingChangedAllLanguages() throws {
        let report = Self.nothingChanged()
        #expect(try Self.sentences(report, .en).map(\.text) == [
            "Overall satisfaction rose significantly: 4.16 in 2024 (121 answers) against 3.98 in 2023.",
            "Satisfaction held in each of the 3 regions compared: none changed significantly from 2023.",
        ])
        #expect(try Self.sentences(report, .ru).map(\.text) == [
            "В целом удовлетворённость значимо выросла: 4,16 в 2024 году (121 ответ) против 3,98 в 2023 году.",
            "Во всех регионах, где есть сравнение (3), удовлетворённость на уровне 2023 года: значимых изменений нет.",
        ])
        #expect(try Self.sentences(report, .kk).map(\.text) == [
            "Жалпы қанағаттанушылық мәнді өсті: 2024 жылы 4,16 (121 жауап), 2023 жылы 3,98 болған.",
            "Салыстыруға болатын барлық 3 өңірде қанағаттанушылық 2023 жылғы деңгейде: мәнді өзгеріс жоқ.",
        ])
    }

    @Test("too few answers everywhere: every region named as unpublished; a total under k publishes no figure either")
    func tooFewEverywhere() throws {
        var report = F.yearlyReport(regions: [
            F.row("KZ-75", answers: [5, 5], suppression: .primary), F.row("KZ-71", answers: [4], suppression: .primary),
            F.row("KZ-35", answers: [3, 4, 5], suppression: .primary),
        ])
        // 6 answers in all: published as a total with k = 5, with no answer last year.
        #expect(try Self.sentences(report, .en).map(\.text) == [
            "Overall satisfaction in 2024: 4.33 (6 answers); no comparison: no data for 2023.",
            "3 regions have too few answers to publish: Almaty, Astana and Karaganda Region.",
        ])
        #expect(try Self.sentences(report, .ru).map(\.text) == [
            "Общая удовлетворённость в 2024 году: 4,33 (6 ответов); сравнения нет: нет данных за 2023 год.",
            "3 региона не опубликованы: слишком мало ответов (Алматы, Астана и Карагандинская область).",
        ])
        #expect(try Self.sentences(report, .kk).map(\.text) == [
            "2024 жылғы жалпы қанағаттанушылық: 4,33 (6 жауап); салыстыру жоқ: 2023 жылға дерек жоқ.",
            "3 өңірде жариялауға жауаптар тым аз: Алматы, Астана және Қарағанды облысы.",
        ])
        // With k = 10 the whole year is a small cell: no mean anywhere, the summary included.
        report.scope.minN = 10
        report.total.suppression = .primary
        let en = try Self.sentences(report, .en).map(\.text)
        #expect(en.first == "Too few answers in 2024 to publish any figure (6 answers; at least 10 are needed).")
        #expect(!en.joined().contains("4.33"))
        #expect(try Self.sentences(report, .ru).first?.text == "За 2024 год слишком мало ответов, чтобы публиковать какие-либо цифры (6 ответов; нужно не меньше 10).")
    }

    @Test("ru one, few and many: «1 регион … опубликован», «2 региона … опубликованы», «5 регионов … опубликовано»; complementary ones apart")
    func russianPlurals() throws {
        let ru = Catalogue.load(.ru)
        let codes = ["KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31"]
        func hidden(_ primary: Int, complementary: Int) throws -> [String] {
            let rows = codes.prefix(primary).map { F.row($0, answers: [4, 5], suppression: .primary) }
                + codes.dropFirst(primary).prefix(complementary).map { F.row($0, answers: Self.forty, suppression: .complementary) }
            return try Self.sentences(F.yearlyReport(regions: Array(rows) + [F.row("KZ-75", answers: Self.forty)]), .ru).map(\.text)
        }
        // Each list: the total's sentence first, then the hidden ones.
        #expect(try hidden(1, complementary: 1).dropFirst() == [
            "1 регион не опубликован: слишком мало ответов (область Абай).",
            "Ещё 1 регион скрыт, чтобы малые нельзя было вычислить из итога: Акмолинская область.",
        ])
        #expect(try hidden(2, complementary: 3).dropFirst() == [
            "2 региона не опубликованы: слишком мало ответов (Акмолинская область и область Абай).",
            "Ещё 3 региона скрыты, чтобы малые нельзя было вычислить из итога: Актюбинская область, Алматинская область и Атырауская область.",
        ])
        let five = try hidden(5, complementary: 2)
        #expect(five[1].hasPrefix("5 регионов не опубликовано: слишком мало ответов ("))
        #expect(five[2].hasPrefix("Ещё 2 региона скрыты"))
        // Counts a report of 20 regions and the unknown one can reach.
        #expect(YearlyReport.plural("yearly_held", 21, ["last_year": "2023"], ru) == "В 21 регионе удовлетворённость на уровне 2023 года: значимого изменения нет.")
        #expect(YearlyReport.plural("yearly_held", 12, ["last_year": "2023"], ru) == "В 12 регионах удовлетворённость на уровне 2023 года: значимых изменений нет.")
        #expect(YearlyReport.plural("yearly_no_data", 11, ["last_year": "2023", "regions": "…"], ru) == "Нет сравнения для 11 регионов: нет данных за 2023 год (…).")
        #expect(YearlyReport.plural("yearly_too_few", 21, ["regions": "…"], ru) == "21 регион не опубликован: слишком мало ответов (…).")
        #expect(YearlyReport.plural("yearly_too_few", 14, ["regions": "…"], ru) == "14 регионов не опубликовано: слишком мало ответов (…).")
    }

    @Test("a region with too few answers last year is not compared, and says so")
    func tooFewLastYear() throws {
        var astana = F.row("KZ-71", answers: Self.forty)
        astana.lastYear = F.histogram([5, 5, 1])
        var report = F.yearlyReport(regions: [astana, Self.compared("KZ-75", Self.forty, Self.change(0.1, p: 0.5), significant: false)])
        report.total.lastYear = F.histogram([5, 5, 1] + Self.fortyOne)
        report.total.change = Self.change(0.02, p: 0.9)
        #expect(try Self.sentences(report, .en).map(\.text).dropFirst() == [
            "Satisfaction held in the 1 region compared: no significant change from 2023.",
            "No comparison for 1 region: too few answers in 2023 (Astana).",
        ])
    }

    @Test("one region (--region): the total's sentence alone, not the same numbers twice")
    func oneRegion() throws {
        var report = F.yearlyReport(regions: [Self.compared("KZ-75", Self.forty, Self.change(0.1, p: 0.5), significant: false)])
        report.scope.region = "KZ-75"
        report.total.change = Self.change(0.1, p: 0.5)
        report.total.lastYear = F.histogram(Self.fortyOne)
        #expect(try Self.sentences(report, .en).map(\.text) == ["Overall satisfaction held: 4.25 in 2024 (40 answers) against 4.10 in 2023, no significant change."])
    }

    @Test("lists: one name alone, two joined by and / и / және")
    func lists() {
        #expect(YearlyReport.list(["Алматы"], Catalogue.load(.ru)) == "Алматы")
        #expect(YearlyReport.list(["A", "B"], F.en) == "A and B")
        #expect(YearlyReport.list(["Алматы", "Астана", "Шымкент"], Catalogue.load(.kk)) == "Алматы, Астана және Шымкент")
    }
}
