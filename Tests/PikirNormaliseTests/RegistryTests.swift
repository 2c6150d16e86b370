import Foundation
import Testing
@testable import PikirNormalise

/// The registry and mapping files, read from real CSV (the sample registries
/// and small files written here).
struct RegistryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let trainers = root.appendingPathComponent("sample-data/registries/trainers.csv").path
    static let sessions = root.appendingPathComponent("sample-data/registries/sessions.csv").path

    func file(_ text: String) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-registry-\(UUID().uuidString).csv")
        try! Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func sampleTrainerRegistryResolvesEverySpellingOfOneTrainer() throws {
        let settings = try NormaliserSettings.load(trainers: Self.trainers, sessions: nil, mapping: nil)
        let registry = try #require(settings.trainers)
        for spelling in ["Нұрлыбай Наурызбаев", "Нурлыбай Наурызбаев", "Nurlybai Nauryzbayev", "Наурызбаев Н.", "Наурызбаев Нурлыбай"] {
            #expect(registry.resolve(spelling) == .resolved(id: "T01", name: "Нұрлыбай Наурызбаев"), "\(spelling)")
        }
        #expect(registry.resolve("Айгерим") == .unresolved(cleanedName: "Айгерим"))
    }

    @Test func sessionsMatchByCityDateAndTrainer() throws {
        let settings = try NormaliserSettings.load(trainers: Self.trainers, sessions: Self.sessions, mapping: nil)
        let sessions = try #require(settings.sessions)
        #expect(sessions.sessions.count == 19)
        let date = Dates.CalendarDate(year: 2021, month: 10, day: 9)
        #expect(sessions.match(city: "Karaganda", date: date, trainerKey: "T04")?.id == "KAR-2021-10")
        #expect(sessions.match(city: "Karaganda", date: date, trainerKey: "T04")?.registered == 45)
        #expect(sessions.match(city: "Almaty", date: date, trainerKey: "T04") == nil)
        // Two sessions on 5 November 2022 in Astana: the trainer decides.
        let nov5 = Dates.CalendarDate(year: 2022, month: 11, day: 5)
        #expect(sessions.match(city: "Astana", date: nov5, trainerKey: "T05")?.id == "AST-2022-11-A")
        #expect(sessions.match(city: "Astana", date: nov5, trainerKey: "T02")?.id == "AST-2022-11-B")
        #expect(sessions.match(city: "Astana", date: nov5, trainerKey: nil) == nil)
    }

    @Test func badRegistriesSayWhichFileLineAndWhat() {
        let noName = file("id,aliases\nT1,x\n")
        #expect(throws: RegistryError.self) { try NormaliserSettings.load(trainers: noName, sessions: nil, mapping: nil) }
        do { _ = try NormaliserSettings.load(trainers: noName, sessions: nil, mapping: nil) } catch {
            #expect("\(error)".contains("no 'name' column"))
        }
        let badDate = file("session_id,city,date_from,date_to,trainer,module,registered\nS1,Алматы,31.02.2024,,,,20\n")
        do {
            _ = try NormaliserSettings.load(trainers: nil, sessions: badDate, mapping: nil)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains(":2: date_from"))
        }
        let badCount = file("session_id,date_from,registered\nS1,05.11.2024,двадцать\n")
        do {
            _ = try NormaliserSettings.load(trainers: nil, sessions: badCount, mapping: nil)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("registered must be a whole number"))
        }
    }

    @Test func aMappingFileNamesUnknownColumnsAndTheirScale() throws {
        let mapping = file("column,field,scale\nБаға (1-10),overall,1-10\nТелефон,ignore,\n")
        let settings = try NormaliserSettings.load(trainers: nil, sessions: nil, mapping: mapping)
        let assignments = settings.columns.map(headers: ["Қала", "Баға (1-10)", "Телефон"])
        #expect(assignments.map { $0.field?.rawValue } == ["city", "overall", nil])
        #expect(assignments[1].match == .user)
        #expect(assignments[1].sourceScale?.description == "1-10")
        let unknown = file("column,field\nФоо,favourite_colour\n")
        #expect(throws: RegistryError.self) { try NormaliserSettings.load(trainers: nil, sessions: nil, mapping: unknown) }
    }
}
