@testable import PikirReport
import PikirStats
import Testing

/// The trainers report's first screen: sentences made from the tiers, each linking to its section,
/// in kk, ru and en with the count's plural form. Expected texts are written by hand.
@Suite("Layout: trainer summary sentences")
struct LayoutTrainerSummaryTests {
    typealias F = LayoutFixture

    static func summary(_ report: TrainerReport, _ language: Language) throws -> [Document.Sentence] {
        let document = report.document(Catalogue.load(language), version: "test")
        let first = try #require(document.sections.first)
        #expect(first.id == "ranking")
        guard case .summary(let sentences)? = first.blocks.first else {
            Issue.record("the first block of the first section is not the summary")
            return []
        }
        return sentences
    }

    /// A trainer whose shrunken interval lies wholly above μ = 4 (n = 30, mean 4.80).
    static func above(_ name: String) -> TrainerReport.Trainer { F.trainer(name, answers: Array(repeating: 5, count: 24) + Array(repeating: 4, count: 6)) }
    /// Wholly below (n = 30, mean 2.67).
    static func below(_ name: String) -> TrainerReport.Trainer { F.trainer(name, answers: Array(repeating: 3, count: 20) + Array(repeating: 2, count: 10)) }
    /// Holding μ (n = 40, mean 4.00).
    static func inLine(_ name: String) -> TrainerReport.Trainer {
        F.trainer(name, answers: Array(repeating: 4, count: 20) + Array(repeating: 5, count: 10) + Array(repeating: 3, count: 10))
    }

    @Test("2 above, 1 below, 2 in line, 1 too few: one sentence per tier, above first; the too-few one links to its list")
    func mixed() throws {
        let report = F.trainerReport([Self.above("A1"), Self.above("A2"), Self.below("B1"), Self.inLine("L1"), Self.inLine("L2"), F.trainer("S1", answers: [4, 5])])
        let en = try Self.summary(report, .en)
        #expect(en.map(\.text) == [
            "2 trainers are above the centre's average, with confidence.",
            "1 trainer is below the centre's average, with confidence.",
            "2 trainers are in line with the centre's average.",
            "1 trainer has too few answers to judge (fewer than 5).",
        ])
        #expect(en.map(\.target) == ["ranking", "ranking", "ranking", "too-few"])
        #expect(try Self.summary(report, .ru).map(\.text) == [
            "2 тренера — уверенно выше среднего по центру.",
            "1 тренер — уверенно ниже среднего по центру.",
            "2 тренера — на уровне среднего по центру.",
            "У 1 тренера слишком мало ответов для оценки (меньше 5).",
        ])
        #expect(try Self.summary(report, .kk).map(\.text) == [
            "2 тренер орталық бойынша орташадан сенімді түрде жоғары.",
            "1 тренер орталық бойынша орташадан сенімді түрде төмен.",
            "2 тренер орталық бойынша орташа деңгейде.",
            "1 тренер бойынша баға беруге жауаптар тым аз (5 жауаптан аз).",
        ])
        let document = report.document(F.en, version: "test")
        for target in en.compactMap(\.target) { #expect(document.section(target) != nil, "\(target) is a section") }
    }

    @Test("all in line: nobody stands out")
    func nothingStandsOut() throws {
        let report = F.trainerReport([Self.inLine("L1"), Self.inLine("L2"), F.trainer("L3", answers: [3, 4, 4, 5, 4, 4])])
        #expect(try Self.summary(report, .en).map(\.text) == ["All 3 trainers are in line with the centre's average: nobody stands out."])
        #expect(try Self.summary(report, .ru).map(\.text) == ["Все 3 тренера — на уровне среднего по центру: никто не выделяется."])
        #expect(try Self.summary(report, .kk).map(\.text) == ["Барлық 3 тренер орталық бойынша орташа деңгейде: ешкім ерекшеленбейді."])
    }

    @Test("too few answers everywhere: nobody can be compared yet")
    func tooFewEverywhere() throws {
        let report = F.trainerReport([F.trainer("A", answers: [4, 5]), F.trainer("B", answers: [3])])
        #expect(try Self.summary(report, .en).map(\.text) == [
            "No trainer can be compared with the centre's average yet.",
            "2 trainers have too few answers to judge (fewer than 5 each).",
        ])
        #expect(try Self.summary(report, .ru).map(\.text) == [
            "Пока ни одного тренера нельзя сравнить со средним по центру.",
            "У 2 тренеров слишком мало ответов для оценки (меньше 5 у каждого).",
        ])
        #expect(try Self.summary(report, .kk).map(\.text) == [
            "Әзірге бірде-бір тренерді орталық бойынша орташамен салыстыруға болмайды.",
            "2 тренер бойынша баға беруге жауаптар тым аз (әрқайсысында 5 жауаптан аз).",
        ])
        let minN12 = F.trainerReport([F.trainer("A", answers: [4, 5, 4, 4, 5, 3])], minN: 12)
        #expect(try Self.summary(minN12, .en).last?.text == "1 trainer has too few answers to judge (fewer than 12).", "the --min-n given")
    }

    @Test("Russian one, few and many: 1, 3, 5, 21 and 22 trainers above; 5 all in line; 2 unresolved names")
    func russianPlurals() throws {
        for (count, text) in [(1, "1 тренер — уверенно выше"), (3, "3 тренера — уверенно выше"), (5, "5 тренеров — уверенно выше"),
                              (21, "21 тренер — уверенно выше"), (22, "22 тренера — уверенно выше")] {
            let report = F.trainerReport((0..<count).map { Self.above("A\($0)") } + [Self.below("B")])
            #expect(try Self.summary(report, .ru).first?.text == text + " среднего по центру.")
        }
        let five = F.trainerReport((0..<5).map { Self.inLine("L\($0)") })
        #expect(try Self.summary(five, .ru).map(\.text) == ["Все 5 тренеров — на уровне среднего по центру: никто не выделяется."])
        #expect(try Self.summary(F.trainerReport([Self.inLine("L")]), .ru).map(\.text) == ["1 тренер — на уровне среднего по центру: никто не выделяется."])

        let registry = F.trainerReport([F.trainer("Айгерім Жұмабекова", id: "T02", answers: Array(repeating: 4, count: 30)),
                                        F.trainer("Айгерим", answers: [5, 5, 4, 4, 3]), F.trainer("Ерлан", answers: [4])])
        let ru = try Self.summary(registry, .ru)
        #expect(ru.last == Document.Sentence("2 имени не найдены в реестре тренеров и не сравниваются.", target: "unresolved"))
        #expect(try Self.summary(registry, .en).last?.text == "2 names are not in the trainer registry and are not compared.")
    }
}
