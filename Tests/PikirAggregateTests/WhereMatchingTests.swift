import PikirNormalise
import Testing
@testable import PikirAggregate

/// `--where` values typed the way people type them: a trainer by alias or
/// initials, a session in the old id form; and a value that matches nothing,
/// told apart with the values closest to it.
@Suite("--where: spellings, old session ids, values that match nothing")
struct WhereMatchingTests {
    static let responses: [Response] = [
        Response(city: "Almaty", session: "almaty-2024-11-05-t01", trainerID: "T01", trainerName: "Нұрлыбай Наурызбаев", overall: 5),
        Response(city: "Almaty", session: "ALM-2024-11-B", trainerID: "T01", trainerName: "Нұрлыбай Наурызбаев", overall: 4),
        Response(city: "Astana", session: "astana-2022-11-05-t05", trainerID: "T05", trainerName: "Дмитрий Ким", overall: 3),
        Response(city: "Astana", session: "astana-2022-11-05-kim-d", trainerName: "Ким Д.", overall: 4),
        Response(city: "Astana", session: "astana-2022-11-05-aigerim", trainerName: "Айгерим", overall: 2),
        Response(city: "Karaganda", session: "karaganda-2023-09-22-t02", trainerID: "T02", trainerName: "Айгерім Жұмабекова", overall: 4),
    ]

    private func run(_ by: String, _ filters: [String], registry: TrainerRegistry? = nil) throws -> (rows: [AggregateRow], unmatched: [Aggregator.UnmatchedValue]) {
        var q = try query(by: [by], filters: filters, minN: 0)
        if let registry { q.resolveTrainers(with: registry) }
        let aggregator = Aggregator(query: q)
        for response in Self.responses { aggregator.add(FakeRow(response, columns: aggregator.columns)) }
        return (aggregator.rows(), aggregator.unmatchedFilters())
    }

    @Test("initials, surname first, the other script or the Latin alias find the trainer in the data", arguments: [
        "trainer=Наурызбаев Н.", "trainer=Н. Наурызбаев", "trainer=Nurlybai Nauryzbayev", "trainer=Нурлыбай Наурызбаев",
        "trainer=Наурызбаев",
    ])
    func trainerSpellings(filter: String) throws {
        let (rows, unmatched) = try run("trainer", [filter])
        #expect(rows.map { $0.dimensions[0].value.trainerID } == ["T01"], "--where \(filter)")
        #expect(rows.map(\.n) == [2])
        #expect(unmatched.isEmpty)
    }

    @Test("a full name also finds its unresolved spelling with initials; a lone given name finds only itself")
    func bothWays() throws {
        let kim = try run("trainer", ["trainer=Дмитрий Ким"]).rows
        #expect(Set(kim.map { $0.text(.trainer) }) == ["Дмитрий Ким", "Ким Д."])
        let aigerim = try run("trainer", ["trainer=Айгерим"]).rows
        #expect(aigerim.map { $0.text(.trainer) } == ["Айгерим"], "not Айгерім Жұмабекова: a given name alone names no one")
    }

    @Test("with a registry, any alias it knows finds the trainer's id")
    func registryAlias() throws {
        let registry = TrainerRegistry([(id: "T02", name: "Айгерім Жұмабекова", aliases: ["Zhumabekova Aigerim", "Аika"])])
        let (rows, unmatched) = try run("trainer", ["trainer=Аika"], registry: registry)
        #expect(rows.map { $0.dimensions[0].value.trainerID } == ["T02"])
        #expect(unmatched.isEmpty)
        #expect(try run("trainer", ["trainer=Аika"]).rows.isEmpty, "without the registry the nickname names no one")
    }

    @Test("a session in the old form City/date/key finds its slug; a registry id is taken as typed")
    func oldSessionForm() throws {
        let (rows, unmatched) = try run("session", ["session=Almaty/2024-11-05/T01"])
        #expect(rows.map { $0.text(.session) } == ["almaty-2024-11-05-t01"])
        #expect(unmatched.isEmpty)
        #expect(try run("session", ["session=ALM-2024-11-B"]).rows.map(\.n) == [1])
    }

    @Test("a value that matches nothing is reported with the closest values; the others still filter")
    func unmatched() throws {
        let (rows, unmatched) = try run("city", ["city=Almatu,Astana"])
        #expect(rows.map { $0.text(.city) } == ["Astana"])
        #expect(unmatched == [Aggregator.UnmatchedValue(dimension: .city, value: "Almatu", closest: ["Almaty", "Astana", "Karaganda"])])
        let trainer = try run("trainer", ["trainer=Омарова Ж."]).unmatched
        #expect(trainer.map(\.value) == ["Омарова Ж."])
        #expect(trainer.first?.closest.count == 3)
        let session = try run("session", ["session=almaty-2024-11-06-t01"]).unmatched
        #expect(session.first?.closest.first == "almaty-2024-11-05-t01", "\(session)")
    }

    @Test("a value other filters hide is not unmatched: it exists in the data")
    func hiddenIsNotUnmatched() throws {
        let (rows, unmatched) = try run("city", ["city=Karaganda", "trainer=T01"])
        #expect(rows.isEmpty)
        #expect(unmatched.isEmpty, "\(unmatched)")
    }

    @Test("edit distance on folded forms: script and case do not count")
    func distance() {
        #expect(ClosestValues.closest(to: "алматы", among: ["Astana", "Almaty", "Karaganda"], count: 1) == ["Almaty"])
        #expect(ClosestValues.closest(to: "Karagandy", among: ["Astana", "Almaty", "Karaganda"], count: 2) == ["Karaganda", "Almaty"])
        #expect(ClosestValues.distance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
    }
}
