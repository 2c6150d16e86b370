import Foundation
import PikirIngest
import Testing
@testable import PikirNormalise

/// What pikir's own export holds reads back as it was stored: the trainer's
/// id, formula-guarded cells; and the session id a row without one gets.
struct RecordNormaliserReadBackTests {
    let base = RecordNormaliserTests()

    @Test func anExportsTrainerIDAndNameAreKeptWithoutARegistry() throws {
        let text = "response_id,city,session_date,trainer_id,trainer,overall\n"
            + "a1,Almaty,2024-11-05,T01,Нұрлыбай Наурызбаев,5\n"
            + "a2,Almaty,2024-11-05,,Айгерим,4\n"
        let rows = try base.normalise(text).map { try base.response($0.outcome) }
        #expect(rows[0].trainerID == "T01")
        #expect(rows[0].trainerName == "Нұрлыбай Наурызбаев")
        #expect(rows[0].sessionID == "almaty-2024-11-05-t01", "the id is the session's trainer key")
        #expect(rows[1].trainerID == nil, "an empty id: the name is resolved as usual")
        #expect(rows[1].trainerName == "Айгерим")
        #expect(rows[1].sessionID == "almaty-2024-11-05-aigerim")
    }

    @Test func aTrainerIDWinsOverTheRegistrysReadingOfTheName() throws {
        let registry = TrainerRegistry([(id: "T02", name: "Айгерім Жұмабекова", aliases: ["Aigerim Zhumabekova"])])
        let text = "city,session_date,trainer_id,trainer,overall\nAlmaty,2024-11-05,T02,Aigerim Zhumabekova,5\nAlmaty,2024-11-05,X9,,4\n"
        let rows = try base.normalise(text, settings: NormaliserSettings(trainers: registry)).map { try base.response($0.outcome) }
        #expect(rows[0].trainerID == "T02")
        #expect(rows[0].trainerName == "Aigerim Zhumabekova", "the name as the export wrote it")
        #expect(rows[1].trainerID == "X9")
        #expect(rows[1].trainerName == nil, "no name, and none in the registry for X9")
    }

    @Test func formulaGuardedCellsAreStoredWithoutTheGuard() throws {
        let text = "session_id,city,session_date,trainer,overall,liked,improve,comment,Note\n"
            + "'=S1,Almaty,2024-11-05,Aigerim,5,'=SUM(A1:A9),'-5 градусов в зале,'@channel спасибо,'+ кофе\n"
            + "S2,Almaty,2024-11-05,Aigerim,4,''=twice,'quoted,'Жақсы,'\n"
        let rows = try base.normalise(text).map { try base.response($0.outcome) }
        #expect(rows[0].sessionID == "=S1")
        #expect(rows[0].liked == "=SUM(A1:A9)")
        #expect(rows[0].improve == "-5 градусов в зале")
        #expect(rows[0].comment == "@channel спасибо")
        #expect(rows[0].extras.map(\.value) == ["+ кофе"])
        #expect(rows[1].liked == "'=twice", "one guard taken off a guarded guard")
        #expect(rows[1].improve == "'quoted", "an apostrophe before a letter is the text's own")
        #expect(rows[1].comment == "'Жақсы")
        #expect(rows[1].extras.map(\.value) == ["'"])
    }

    @Test func aSessionIDDerivedFromKazakhCellsIsAnASCIISlug() throws {
        let text = "Қала;Күні;Тренер;Жалпы баға\nҚарағанды қ.;12.02.2026;Айгерім Жұмабекова;5\nЖаңаауыл;13.02.2026;;4\n"
        let rows = try base.normalise(text).map { try base.response($0.outcome) }
        #expect(rows[0].sessionID == "karaganda-2026-02-12-aigerim-jumabekova")
        #expect(rows[1].sessionID == "zhangaauyl-2026-02-13", "an unknown city transliterated; no trainer")
    }
}
