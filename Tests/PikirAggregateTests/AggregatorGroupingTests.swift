@testable import PikirAggregate
import Testing

/// `Aggregator`: one group per distinct value (missing values grouped as nil,
/// listed last), one row per group and measure.
@Suite("Aggregator grouping")
struct AggregatorGroupingTests {
    /// Three responses with value A, two with value B, one with the value missing,
    /// and the rows expected: (shown value, n) in the natural order.
    static func sample(_ dimension: Dimension) -> (responses: [Response], expected: [(String?, Int)]) {
        var a = Response(overall: 5), b = Response(overall: 4), missing = Response(overall: 3)
        var expected: [(String?, Int)]
        switch dimension {
        case .region:
            (a.region, b.region) = ("KZ-75", "KZ-19")
            expected = [("KZ-19", 2), ("KZ-75", 3)]
        case .city:
            (a.city, b.city) = ("Қарағанды", "Almaty")
            expected = [("Almaty", 2), ("Қарағанды", 3)]
        case .year:
            (a.year, b.year) = (2024, 2019)
            expected = [("2019", 2), ("2024", 3)]
        case .month:
            (a.year, a.month, b.year, b.month) = (2024, 3, 2023, 11)
            missing.year = 2024  // a year without its month is no month
            expected = [("2023-11", 2), ("2024-03", 3)]
        case .session:
            (a.session, b.session) = ("KAR-2026-02-A", "ALM-2020-02-B")
            expected = [("ALM-2020-02-B", 2), ("KAR-2026-02-A", 3)]
        case .trainer:
            (a.trainerID, a.trainerName, b.trainerName) = ("T02", "Айгерім Жұмабекова", "Айгерим")
            expected = [("Айгерим", 2), ("Айгерім Жұмабекова", 3)]
        case .module:
            (a.module, b.module) = ("street", "digital")
            expected = [("digital", 2), ("street", 3)]
        case .group:
            (a.group, b.group) = ("youth_worker", "pupil")
            expected = [("pupil", 2), ("youth_worker", 3)]
        case .lang:
            (a.lang, b.lang) = ("ru", "kk")
            expected = [("kk", 2), ("ru", 3)]
        }
        // Interleaved, missing first: the order of arrival must not matter.
        return ([missing, a, b, a, b, a], expected + [(nil, 1)])
    }

    @Test("each dimension: one row per value, sorted, the missing value as nil and last", arguments: Dimension.allCases)
    func eachDimension(dimension: Dimension) throws {
        let (responses, expected) = Self.sample(dimension)
        let rows = aggregate(responses, try query(by: [dimension.rawValue], minN: 0))
        #expect(rows.map { $0.text(dimension) } == expected.map(\.0), "--by \(dimension.rawValue)")
        #expect(rows.map(\.n) == expected.map(\.1), "--by \(dimension.rawValue)")
        #expect(rows.allSatisfy { $0.measure == Measure(.overall) && $0.dimensions.count == 1 })
        let missing = try #require(rows.last)
        #expect(missing.dimensions[0].value == DimensionValue(), "a missing value is all nil")
    }

    @Test("year values are numbers and sort numerically")
    func yearIsNumeric() throws {
        let responses = [Response(year: 2024, overall: 4), Response(year: 999, overall: 4), Response(year: 2019, overall: 4)]
        let rows = aggregate(responses, try query(by: ["year"], minN: 0))
        #expect(rows.map { $0.dimensions[0].value.number } == [999, 2019, 2024])
        #expect(rows.map { $0.text(.year) } == ["999", "2019", "2024"])
    }

    @Test("a trainer with a registry id groups by the id, whatever the name; others by name")
    func trainerIdentity() throws {
        let responses = [
            Response(trainerID: "T02", trainerName: "Айгерім Жұмабекова", overall: 5),
            Response(trainerID: "T02", trainerName: "Aigerim Zhumabekova", overall: 4),
            Response(trainerName: "Айгерим", overall: 3),
            Response(trainerName: "Айгерим", overall: 3),
            Response(trainerID: "T05", overall: 4),
        ]
        let rows = aggregate(responses, try query(by: ["trainer"], minN: 0))
        let values = rows.map { $0.dimensions[0].value }
        #expect(rows.map(\.n) == [1, 2, 2], "T05, Айгерим, T02: \(values)")
        #expect(values.map(\.trainerID) == ["T05", nil, "T02"])
        #expect(values.map(\.text) == ["T05", "Айгерим", "Айгерім Жұмабекова"],
                "the name first seen is shown; a trainer with an id but no name shows the id")
    }

    @Test("several dimensions: one group per combination, ordered by the first, then the next")
    func twoDimensions() throws {
        let responses = [
            Response(region: "KZ-75", year: 2024, overall: 5), Response(region: "KZ-71", year: 2024, overall: 4),
            Response(region: "KZ-75", year: 2020, overall: 3), Response(region: "KZ-75", year: 2024, overall: 4),
            Response(region: nil, year: 2019, overall: 2), Response(region: "KZ-71", year: nil, overall: 1),
        ]
        let rows = aggregate(responses, try query(by: ["region,year"], minN: 0))
        #expect(rows.map { [$0.text(.region) ?? "—", $0.text(.year) ?? "—"] } == [
            ["KZ-71", "2024"], ["KZ-71", "—"], ["KZ-75", "2020"], ["KZ-75", "2024"], ["—", "2019"],
        ])
        #expect(rows.map(\.n) == [1, 1, 1, 2, 1])
        #expect(rows.allSatisfy { $0.dimensions.map(\.dimension) == [.region, .year] }, "dimensions in --by order")
    }

    @Test("several measures: one row per group and measure, in the order asked; each counts its own answers")
    func severalMeasures() throws {
        let responses = [
            Response(city: "Almaty", overall: 5, nps: 10), Response(city: "Almaty", overall: 4, nps: nil),
            Response(city: "Astana", overall: nil, delivery: 2, nps: 6),
        ]
        let rows = aggregate(responses, try query(by: ["city"], measures: ["nps,overall,delivery"], minN: 0))
        #expect(rows.map { "\($0.text(.city)!) \($0.measure.name)" } == [
            "Almaty nps", "Almaty overall", "Almaty delivery", "Astana nps", "Astana overall", "Astana delivery",
        ])
        #expect(rows.map(\.n) == [1, 2, 0, 1, 0, 1], "a missing answer is not counted")
    }

    @Test("no --by: exactly one overall row per measure, even with no responses at all")
    func overallRow() throws {
        let empty = aggregate([], try query(measures: ["overall,nps"]))
        #expect(empty.count == 2)
        #expect(empty.map(\.measure.name) == ["overall", "nps"])
        #expect(empty.allSatisfy { $0.n == 0 && $0.dimensions.isEmpty && !$0.suppressed }, "n 0 identifies nobody: not suppressed (one policy, 1 ≤ n < k)")
        #expect(empty.allSatisfy { $0.value(.n) == .count(0) && $0.value(.mean) == nil })

        let unsuppressed = aggregate([], try query(minN: 0))
        #expect(unsuppressed.count == 1)
        #expect(unsuppressed[0].suppressed == false)
        // The group's own counts (responses, sessions, first_date) are not statistics of the answers: AggregateFactsTests.
        for stat in Stat.allCases where stat != .n && ![.responses, .sessions, .firstDate].contains(stat) {
            #expect(unsuppressed[0].value(stat) == nil, "\(stat) of no answers is not computable")
        }

        let all = aggregate(answers([5, 4, 3]), try query(by: ["all"], minN: 0))
        #expect(all.map(\.n) == [3])
    }

    @Test("with --by and no responses there are no rows")
    func noRowsWhenGrouped() throws {
        #expect(aggregate([], try query(by: ["region"], minN: 0)).isEmpty)
    }

    @Test("more than four dimensions (the wide group key) group exactly as fewer do")
    func moreThanFourDimensions() throws {
        var responses: [Response] = []
        for i in 0..<60 {
            responses.append(Response(
                region: ["KZ-75", "KZ-71", "KZ-35"][i % 3], city: ["Almaty", "Astana", "Karaganda"][i % 3],
                year: 2020 + i % 2, month: 1 + i % 4, session: "S\(i % 5)",
                trainerID: i % 6 == 0 ? nil : "T0\(i % 6)", trainerName: "Тренер \(i % 6)",
                module: ["open", "digital"][i % 2], group: ["student", "pupil", nil][i % 3], lang: ["kk", "ru", "en"][i % 3],
                overall: Double(1 + i % 5)))
        }
        let all = Dimension.allCases.map(\.rawValue)
        let wide = aggregate(responses, try query(by: all, minN: 0))
        // The combination is determined by i mod lcm(3, 2, 4, 5, 6) = 60: every response is its own group.
        #expect(wide.count == 60)
        #expect(wide.allSatisfy { $0.n == 1 })
        // Five dimensions whose combination repeats every 12 responses: 12 groups of 5.
        let five = aggregate(responses, try query(by: ["region,city,year,month,module"], minN: 0))
        #expect(five.count == 12)
        #expect(five.allSatisfy { $0.n == 5 }, "\(five.map(\.n))")
        #expect(five.reduce(0) { $0 + $1.n } == 60)
        // The same groups through the narrow key (four dimensions).
        let four = aggregate(responses, try query(by: ["region,year,month,module"], minN: 0))
        func key(_ row: AggregateRow) -> [String?] { [row.text(.region), row.text(.year), row.text(.month), row.text(.module)] }
        #expect(four.map(key) == five.map(key))
        #expect(four.map(\.n) == five.map(\.n))
    }

    @Test("more than 65,535 values of one dimension do not collide in the group key")
    func manyValues() throws {
        let count = 65_540
        var responses = (0..<count).map { Response(session: "S\($0)", lang: "kk", overall: 4) }
        // Values 1 and 65,537 of the interner share their low 16 bits.
        responses.append(Response(session: "S0", lang: "kk", overall: 2))
        responses.append(Response(session: "S65536", lang: "kk", overall: 2))
        let rows = aggregate(responses, try query(by: ["session,lang"], minN: 0))
        #expect(rows.count == count)
        #expect(rows.reduce(0) { $0 + $1.n } == count + 2)
        let doubled = rows.filter { $0.n == 2 }.map { $0.text(.session) }
        #expect(doubled == ["S0", "S65536"], "\(doubled)")
    }
}
