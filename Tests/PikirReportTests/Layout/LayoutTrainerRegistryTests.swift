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

    @Test("with a registry, an unresolved name is listed apart, marked, in one short line; its section comes last, marked (ru, kk)")
    func unresolvedApart() throws {
        let ru = Self.report.document(Catalogue.load(.ru), version: "test")
        let ranking = try #require(ru.section("ranking"))
        #expect(try #require(ranking.tables.first).column("Тренер") == ["Айгерім Жұмабекова"])
        #expect(ranking.notes.first == "недостаточно ответов (n < 5): Ерлан Сарсенов (n = 3)", "the small registry trainer only")
        #expect(ranking.paragraphs.contains("Нераспознанные имена тренеров (нет в реестре)"))
        #expect(ranking.lists == [["Айгерим (нет в реестре) — n = 5, среднее 4,20"]])
        #expect(ranking.notes.contains { $0.hasPrefix("Имена, которых нет в реестре тренеров, не входят в рейтинг") })
        #expect(ru.sections.map(\.heading) == ["Рейтинг по скорректированной оценке", "Айгерім Жұмабекова", "Ерлан Сарсенов", "Айгерим (нет в реестре)"],
                "\(ru.sections.map(\.heading))")
        #expect(ru.sections[3].notes.isEmpty, "5 answers are enough: it is unranked for want of a registry entry, not of answers")
        let kk = try #require(Self.report.document(Catalogue.load(.kk), version: "test").section("ranking"))
        #expect(kk.lists == [["Айгерим (тізілімде жоқ) — n = 5, орташа 4,20"]], "\(kk.lists)")
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
        #expect(ru.sections[1].paragraphs.contains("Комментарии: 12 комментариев. Показаны самые содержательные комментарии, без повторов."),
                "\(ru.sections[1].paragraphs)")
        #expect(ru.sections[1].lists == [["Больше практики", "Спасибо"]])
        #expect(ru.sections[2].lists.isEmpty, "3 answers: a comment could point at a person")
        #expect(!ru.sections[2].paragraphs.contains { $0.hasPrefix("Комментарии") })
        #expect(ru.sections[2].notes.contains("Комментарии не показываются, если ответов меньше 5."))
    }
}
