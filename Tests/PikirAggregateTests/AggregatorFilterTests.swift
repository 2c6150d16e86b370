@testable import PikirAggregate
import Testing

/// `--where` in the aggregator: every filter must hold (AND across flags),
/// any of one filter's values will do (OR within), a missing value never passes.
@Suite("Aggregator filters")
struct AggregatorFilterTests {
    static let responses: [Response] = [
        Response(city: "Almaty", module: "digital", overall: 5),
        Response(city: "Almaty", module: "open", overall: 4),
        Response(city: "Astana", module: "digital", overall: 3),
        Response(city: "Astana", module: "digital", overall: 4),
        Response(city: "Karaganda", module: "digital", overall: 2),
        Response(city: nil, module: "digital", overall: 1),
        Response(city: "Almaty", module: nil, overall: 5),
    ]

    private func run(by: String, _ filters: [String]) throws -> (rows: [AggregateRow], read: Int, kept: Int) {
        let aggregator = Aggregator(query: try query(by: [by], filters: filters, minN: 0))
        for response in Self.responses { aggregator.add(FakeRow(response, columns: aggregator.columns)) }
        return (aggregator.rows(), aggregator.rowsRead, aggregator.rowsKept)
    }

    @Test("one value: only its responses, written in Russian or Kazakh as the data stores them")
    func oneValue() throws {
        let (rows, read, kept) = try run(by: "city", ["city=Алматы"])
        #expect(rows.map { $0.text(.city) } == ["Almaty"])
        #expect(rows.map(\.n) == [3])
        #expect(read == 7, "every response is read")
        #expect(kept == 3, "three are kept")
    }

    @Test("several values of one filter: any of them (OR), the missing value excluded")
    func orWithin() throws {
        let (rows, _, kept) = try run(by: "city", ["city=Алматы,Астана"])
        #expect(rows.map { $0.text(.city) } == ["Almaty", "Astana"])
        #expect(rows.map(\.n) == [3, 2])
        #expect(kept == 5)
    }

    @Test("several filters: all of them (AND) — on grouped dimensions")
    func andAcross() throws {
        let aggregator = Aggregator(query: try query(by: ["city,module"], filters: ["city=Алматы,Астана", "module=цифровая"], minN: 0))
        for response in Self.responses { aggregator.add(FakeRow(response, columns: aggregator.columns)) }
        let rows = aggregator.rows()
        #expect(rows.map { "\($0.text(.city) ?? "—")/\($0.text(.module) ?? "—")" } == ["Almaty/digital", "Astana/digital"])
        #expect(rows.map(\.n) == [1, 2])
        #expect(aggregator.rowsKept == 3)
    }

    @Test("a filter that matches nothing leaves no groups")
    func matchesNothing() throws {
        let (rows, read, kept) = try run(by: "city", ["city=Shymkent"])
        #expect(rows.isEmpty)
        #expect(read == 7)
        #expect(kept == 0)
    }

    @Test("a filter on a dimension that is not grouped by keeps only its responses")
    func ungroupedFilter() throws {
        // Fixed in 7c4d595: this path used to trap (index out of range in DimensionReader.allows).
        let aggregator = Aggregator(query: try query(by: ["module"], filters: ["city=Алматы,Астана"], minN: 0))
        for response in Self.responses { aggregator.add(FakeRow(response, columns: aggregator.columns)) }
        let rows = aggregator.rows()
        #expect(rows.map { $0.text(.module) } == ["digital", "open", nil])
        #expect(rows.map(\.n) == [3, 1, 1], "Almaty and Astana only; Karaganda and the city-less response left out")
        #expect(aggregator.rowsKept == 5)
    }

    @Test("a filter with no --by: the overall row counts only the filtered responses")
    func ungroupedFilterOverall() throws {
        let aggregator = Aggregator(query: try query(filters: ["module=Цифрлық", "city=Astana,Karaganda"], minN: 0))
        for response in Self.responses { aggregator.add(FakeRow(response, columns: aggregator.columns)) }
        #expect(aggregator.rows().map(\.n) == [3], "Astana ×2 and Karaganda, digital")
        let none = aggregate(Self.responses, try query(filters: ["lang=kk"], minN: 0))
        #expect(none.map(\.n) == [0], "no response has a language: the overall row stays, with n 0")
    }

    @Test("two --where flags on the trainer, by id and by name, both hold for that trainer")
    func twoTrainerFilters() throws {
        let responses = [
            Response(trainerID: "T02", trainerName: "Айгерім Жұмабекова", overall: 5),
            Response(trainerID: "T05", trainerName: "Дмитрий Ким", overall: 4),
        ]
        let q = try query(by: ["trainer"], filters: ["trainer=T02", "trainer=Айгерим Жумабекова"], minN: 0)
        let rows = aggregate(responses, q)
        #expect(rows.map { $0.dimensions[0].value.trainerID } == ["T02"])
    }

    @Test("a trainer filter matches the registry id or the name, folded")
    func trainerFilter() throws {
        let responses = [
            Response(trainerID: "T02", trainerName: "Айгерім Жұмабекова", overall: 5),
            Response(trainerName: "Айгерим", overall: 4),
            Response(trainerID: "T05", trainerName: "Дмитрий Ким", overall: 4),
        ]
        for filter in ["trainer=t02", "trainer=АЙГЕРИМ ЖУМАБЕКОВА", "trainer=Айгерім Жұмабекова"] {
            let rows = aggregate(responses, try query(by: ["trainer"], filters: [filter], minN: 0))
            #expect(rows.map { $0.dimensions[0].value.trainerID } == ["T02"], "--where \(filter)")
        }
        let unresolved = aggregate(responses, try query(by: ["trainer"], filters: ["trainer=айгерим"], minN: 0))
        #expect(unresolved.map { $0.text(.trainer) } == ["Айгерим"], "an unresolved trainer by name")
    }

    @Test("month and year filters select the calendar month and year")
    func monthAndYear() throws {
        let responses = [
            Response(year: 2024, month: 3, overall: 5), Response(year: 2025, month: 3, overall: 4),
            Response(year: 2024, month: 11, overall: 3), Response(year: 2024, overall: 2),
        ]
        let march = aggregate(responses, try query(by: ["month"], filters: ["month=2024-3"], minN: 0))
        #expect(march.map { $0.text(.month) } == ["2024-03"])
        #expect(march.map(\.n) == [1])
        let year = aggregate(responses, try query(by: ["year"], filters: ["year=2024"], minN: 0))
        #expect(year.map(\.n) == [3])
    }
}

/// `--where` compares folded keys: the query value folded once, each distinct
/// stored value folded once, so values the normaliser could not canonicalise
/// (or a warehouse filled before a spelling was known) still match (issue 12).
@Suite("Aggregator filters: folded values")
struct AggregatorFoldedFilterTests {
    static let responses: [Response] = [
        // Stored as cleaned text by an older pikir that did not know the layout slip or the spelling.
        Response(region: nil, city: "Карағанды", module: "Модуль 1", group: "other", overall: 5),
        Response(region: "KZ-35", city: "Karaganda", module: "digital", group: "student", overall: 4),
        Response(region: nil, city: "Gotham", module: "Модуль\u{00A0}1", group: "pupil", overall: 3),
        Response(region: nil, city: "Atyraý", module: "open", group: "pupil", overall: 2),
        Response(region: "KZ-75", city: "Almaty", module: "digital", group: "student", overall: 1),
    ]

    private func kept(_ filters: [String]) throws -> Int {
        let aggregator = Aggregator(query: try query(filters: filters, minN: 0))
        for response in Self.responses { aggregator.add(FakeRow(response, columns: aggregator.columns)) }
        return aggregator.rowsKept
    }

    @Test("a stored city spelled another way still matches its city", arguments: [
        "city=Караганда", "city=Qaraǵandy", "city=K\u{0430}\u{0440}\u{0430}\u{0433}\u{0430}\u{043D}\u{0434}\u{0430}",
    ])
    func storedSpellings(filter: String) throws {
        #expect(try kept([filter]) == 2, "Карағанды and Karaganda")
    }

    @Test("a stored 2018 Latin spelling matches the city")
    func storedLatin() throws {
        #expect(try kept(["city=Атырау"]) == 1)
    }

    @Test("unknown values match whatever their case, spaces and NBSP")
    func unknownValues() throws {
        #expect(try kept(["city=GOTHAM"]) == 1)
        #expect(try kept(["city=gotham"]) == 1)
        #expect(try kept(["module=модуль 1"]) == 2, "Модуль 1 and Модуль<NBSP>1")
        #expect(try kept(["module=МОДУЛЬ   1"]) == 2)
    }

    @Test("folding never merges different values")
    func noMerging() throws {
        #expect(try kept(["city=Almaty"]) == 1)
        #expect(try kept(["city=Gotha"]) == 0)
        #expect(try kept(["module=Модуль 2"]) == 0)
        #expect(try kept(["group=student"]) == 2)
        #expect(try kept(["region=KZ-35"]) == 1, "the region column is what the normaliser stored; a missing one is missing")
    }
}
