@testable import PikirAggregate
import Testing

/// `--where DIM=V[,V...]`: parsing, and values written the way the data stores them.
@Suite("AggregateQuery.parse --where")
struct WhereFilterTests {
    /// The values of the one filter `--where text` gives.
    private func values(_ text: String) throws -> Set<String> {
        let q = try query(filters: [text])
        try #require(q.filters.count == 1, "--where \(text)")
        return q.filters[0].values
    }

    @Test("a city in Kazakh, Russian, Latin or with г. is the canonical city", arguments: [
        "city=Алматы", "city=Almaty", "city=г. Алматы", "city=алматы", "city=Алма-Ата", "city= Almaty ",
    ])
    func city(text: String) throws {
        #expect(try values(text) == ["Almaty"], "--where \(text)")
    }

    @Test("Astana under its old names is Astana", arguments: ["city=Нур-Султан", "city=Нұр-Сұлтан", "city=Astana", "city=Астана"])
    func astana(text: String) throws {
        #expect(try values(text) == ["Astana"], "--where \(text)")
    }

    @Test("a region: the city of Almaty is KZ-75, Almaty Region KZ-19", arguments: [
        ("region=Алматы", "KZ-75"), ("region=Almaty", "KZ-75"), ("region=kz-75", "KZ-75"), ("region=KZ-75", "KZ-75"),
        ("region=Алматинская область", "KZ-19"), ("region=Алматы облысы", "KZ-19"),
        ("region=Караганда", "KZ-35"), ("region=Қарағанды облысы", "KZ-35"), ("region=Нур-Султан", "KZ-71"),
    ])
    func region(text: String, code: String) throws {
        #expect(try values(text) == [code], "--where \(text)")
    }

    @Test("a module word in Kazakh, Russian or English is its canonical name", arguments: [
        ("module=цифровая", "digital"), ("module=Цифрлық", "digital"), ("module=Digital", "digital"),
        ("module=Открытая работа с молодёжью", "open"), ("module=Жастармен ашық жұмыс", "open"),
        ("module=уличная", "street"), ("module=specialised", "specialised"),
    ])
    func module(text: String, canonical: String) throws {
        #expect(try values(text) == [canonical], "--where \(text)")
    }

    @Test("a participant group word is its canonical name", arguments: [
        ("group=студент", "student"), ("group=Оқушы", "pupil"), ("group=Работающая молодёжь", "working_youth"),
        ("group=working_youth", "working_youth"), ("group=Youth worker", "youth_worker"),
    ])
    func group(text: String, canonical: String) throws {
        #expect(try values(text) == [canonical], "--where \(text)")
    }

    @Test("a month with or without the leading zero is yyyy-mm", arguments: [
        ("month=2024-3", "2024-03"), ("month=2024-03", "2024-03"), ("month=2019-11", "2019-11"), ("month= 2025-5 ", "2025-05"),
    ])
    func month(text: String, canonical: String) throws {
        #expect(try values(text) == [canonical], "--where \(text)")
    }

    @Test("lang is lower case; year and session are taken as typed (trimmed)")
    func verbatim() throws {
        #expect(try values("lang=KK") == ["kk"])
        #expect(try values("year= 2024") == ["2024"])
        #expect(try values("session=ALM-2024-11-A") == ["ALM-2024-11-A"])
    }

    @Test("trainer names fold: Kazakh letters, Russian spelling, case and Latin transliteration match")
    func trainer() throws {
        let kazakh = try values("trainer=Айгерім Жұмабекова")
        #expect(kazakh.count == 1)
        #expect(try values("trainer=Айгерим Жумабекова") == kazakh, "Russian spelling")
        #expect(try values("trainer=АЙГЕРІМ  ЖҰМАБЕКОВА") == kazakh, "upper case, double space")
        #expect(try values("trainer=T02") == values("trainer=t02"), "registry ids fold too")
    }

    @Test("values typed the way people type: layout slips, NFD, NBSP, affixes and Kazakh Latin (issue 12)", arguments: [
        ("city=K\u{0430}\u{0440}\u{0430}\u{0433}\u{0430}\u{043D}\u{0434}\u{0430}", "Karaganda"),  // Latin K
        ("city=city of Almaty", "Almaty"), ("city=Qaraǵandy", "Karaganda"), ("city=Atyraý", "Atyrau"),
        ("city=Kókshetaý", "Kokshetau"), ("city=S'ymkent", "Shymkent"), ("city=г.\u{00A0}Семеи\u{0306}", "Semey"),
        ("region=Карагандинской области", "KZ-35"), ("region=Atyraý oblysy", "KZ-23"),
        ("group=Жұмыс істеи\u{0306}тін жастар", "working_youth"), ("group=\u{0043}тудент", "student"),
        ("group=Oqushy", "pupil"), ("module=Цифрoвая", "digital"), ("module=Jastarmen ashyq jūmys", "open"),
    ])
    func typedAsPeopleType(text: String, canonical: String) throws {
        #expect(try values(text) == [canonical], "--where \(text)")
    }

    @Test("an unknown place or word stays as typed, so it matches nothing rather than something else")
    func unknownValue() throws {
        #expect(try values("city=Gotham") == ["Gotham"])
        #expect(try values("module=Модуль 1") == ["Модуль 1"])
    }

    @Test("comma-separated values are one filter with several values (any of them)")
    func severalValues() throws {
        #expect(try values("city=Алматы,Астана, Қарағанды") == ["Almaty", "Astana", "Karaganda"])
        #expect(try values("city=Алматы,Almaty") == ["Almaty"], "two spellings of one city are one value")
        #expect(try values("year=2023,,2024,") == ["2023", "2024"], "empty items are dropped")
    }

    @Test("each --where flag is its own filter; the dimension name is case-insensitive")
    func severalFlags() throws {
        let q = try query(filters: ["City=Алматы", "MODULE=цифровая", "year=2024"])
        #expect(q.filters.map(\.dimension) == [.city, .module, .year])
        #expect(q.filters.map(\.values) == [["Almaty"], ["digital"], ["2024"]])
    }

    @Test("--where without = says the form it takes", arguments: ["city", "Алматы", ""])
    func noEquals(text: String) {
        let error = #expect(throws: QueryError.self) { try query(filters: [text]) }
        let message = error?.message ?? ""
        #expect(message.contains("'\(text)'"), "names the flag's value: \(message)")
        #expect(message.contains("DIMENSION=VALUE"), "gives the form: \(message)")
    }

    @Test("--where with an unknown dimension names it and lists the valid ones", arguments: ["town=Алматы", "қала=Алматы", "all=x"])
    func unknownDimension(text: String) {
        let error = #expect(throws: QueryError.self) { try query(filters: [text]) }
        let message = error?.message ?? ""
        let name = String(text.prefix { $0 != "=" })
        #expect(message.contains("'\(name)'"), "names the dimension: \(message)")
        #expect(message.contains("--where"), "names the flag: \(message)")
        #expect(message.contains("region, city, year, month, session, trainer, module, group, lang"), "lists the dimensions: \(message)")
    }

    @Test("--where with no value is refused", arguments: ["city=", "city= ", "region=,,"])
    func noValue(text: String) {
        let error = #expect(throws: QueryError.self) { try query(filters: [text]) }
        #expect(error?.message.contains("no value") == true, "\(String(describing: error))")
    }
}
