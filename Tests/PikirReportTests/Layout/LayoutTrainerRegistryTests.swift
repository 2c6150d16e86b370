import Foundation
@testable import PikirReport
import Testing

/// Names the trainer registry did not resolve, and comments in the trainer
/// and session reports.
@Suite("Layout: unresolved trainers and comments")
struct LayoutTrainerRegistryTests {
    typealias F = LayoutFixture

    /// Two registry trainers and "Айгерим" (5 answers), a name the registry did not resolve.
    static let report = F.trainerReport([
        F.trainer("Айгерім Жұмабекова", id: "T02", answers: Array(repeating: 4, count: 20) + [5, 5], adjusted: 4.1, rank: 1),
        F.trainer("Ерлан Сарсенов", id: "T04", answers: [3, 4, 5]),
        F.trainer("Айгерим", answers: [5, 5, 4, 4, 3], comments: ["Очень понятно объясняла"]),
    ])

    @Test("with a registry, an unresolved name is listed apart, marked, in one short line, never in the tiers; its section comes last, marked (ru, kk)")
    func unresolvedApart() throws {
        let ru = Self.report.document(Catalogue.load(.ru), version: "test")
        let ranking = try #require(ru.section("ranking"))
        #expect(try #require(ranking.tables.first).column("Тренер") == ["Айгерім Жұмабекова"])
        #expect(try #require(ranking.charts.first).svg.contains("Айгерим") == false, "not in the chart")
        #expect(try #require(ru.section("too-few")).lists == [["Ерлан Сарсенов — 3 ответа"]], "the small registry trainer only")
        let unresolved = try #require(ru.section("unresolved"))
        #expect(unresolved.heading == "Нераспознанные имена тренеров")
        #expect(unresolved.lists == [["Айгерим (нет в реестре) — n = 5, среднее 4,20"]])
        #expect(unresolved.notes.contains { $0.hasPrefix("Имена, которых нет в реестре тренеров, не сравниваются") })
        #expect(ru.sections.map(\.heading) == ["Тренеры относительно среднего по центру", "Слишком мало ответов для оценки",
                                               "Нераспознанные имена тренеров", "Айгерім Жұмабекова", "Айгерим (нет в реестре)"],
                "\(ru.sections.map(\.heading))")
        #expect(ru.sections[4].notes.isEmpty, "5 answers are enough: it is apart for want of a registry entry, not of answers")
        let kk = try #require(Self.report.document(Catalogue.load(.kk), version: "test").section("unresolved"))
        #expect(kk.lists == [["Айгерим (тізілімде жоқ) — n = 5, орташа 4,20"]], "\(kk.lists)")
    }

    @Test("an unresolved name under k: one line with n and no mean, no section")
    func unresolvedUnderK() throws {
        let report = F.trainerReport([
            F.trainer("Айгерім Жұмабекова", id: "T02", answers: Array(repeating: 4, count: 22)),
            F.trainer("Ерлан С.", answers: [2, 5], comments: ["Ерлан, спасибо"]),
        ])
        let en = report.document(F.en, version: "test")
        #expect(try #require(en.section("unresolved")).lists == [["Ерлан С. (not in the registry) — n = 2"]])
        #expect(en.sections.map(\.id) == ["ranking", "unresolved", "trainer-1"])
        #expect(!TextRenderer().render(en).contains("спасибо"))
    }

    @Test("without any registry every name is ranked as before, and the report says no registry was given (kk)")
    func noRegistry() throws {
        let report = F.trainerReport([
            F.trainer("Айгерим", answers: [5, 5, 4, 4, 3, 4], adjusted: 4.2, rank: 1),
            F.trainer("Ерлан", answers: [3, 4, 4, 4, 4], adjusted: 3.9, rank: 2),
        ])
        let document = report.document(Catalogue.load(.kk), version: "test")
        let ranking = try #require(document.section("ranking"))
        #expect(try #require(ranking.tables.first).rows.count == 2)
        #expect(ranking.lists.isEmpty)
        #expect(ranking.notes == ["Тренерлер тізілімі берілмеген: тренерлер экспорттағы жазылған аттары бойынша салыстырылған."])
        #expect(document.sections.count == 3)
    }

    @Test("comments: the count first, a selection note when some are left out, none under min-n (en, ru)")
    func comments() throws {
        var big = F.trainer("Айгерім Жұмабекова", id: "T02", answers: Array(repeating: 4, count: 22), comments: ["Больше практики", "Спасибо"],
                            adjusted: 4.1, rank: 1)
        big.commentCount = 12
        let small = F.trainer("Ерлан Сарсенов", id: "T04", answers: [3, 4, 5], comments: ["Ерлан, рахмет, бәрі түсінікті"])
        let ru = F.trainerReport([big, small]).document(Catalogue.load(.ru), version: "test")
        let section = try #require(ru.section("trainer-1"))
        #expect(section.paragraphs.contains("Комментарии: 12 комментариев. Показаны самые содержательные комментарии, без повторов."),
                "\(section.paragraphs)")
        #expect(section.lists == [["Больше практики", "Спасибо"]])
        #expect(ru.sections.map(\.id) == ["ranking", "too-few", "trainer-1"], "3 answers: no section, so no comment")
        #expect(!TextRenderer().render(ru).contains("рахмет"), "a comment could point at a person")
        #expect(Comments.blocks(["Ерлан, рахмет"], count: 1, answers: 3, minN: 5, Catalogue.load(.ru))
            .map { if case .note(let n) = $0 { n } else { "" } } == ["Комментарии не показываются, если ответов меньше 5."])
    }
}
