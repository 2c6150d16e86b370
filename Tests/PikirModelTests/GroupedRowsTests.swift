import PikirModel
import PikirNormalise
import Testing

/// `GroupedRows`: one combination per distinct set of values of its columns
/// (texts by their bytes, a missing value apart from every value), each
/// response pointing at its own, with its duplicate keys.
struct GroupedRowsTests {
    static let columns: [ResponseColumn] = [.region, .trainerName, .year, .overall, .nps]

    static func response(_ line: Int, region: String?, trainer: String?, year: Int?, overall: Double?, nps: Double?,
                         formID: Bool = true) -> CanonicalResponse {
        var r = CanonicalResponse(responseID: "gf-\(line)", sourceFile: "almaty.csv", sourceLine: line)
        r.hasFormID = formID
        r.region = region
        r.trainerName = trainer
        r.year = year
        r.scores = .init(overall: overall, delivery: nil, content: nil, organisation: nil, applicability: nil, nps: nps)
        return r
    }

    /// Combination `g` as text, read through its row.
    static func text(_ groups: GroupedRows, _ g: Int) -> String {
        groups.withRow(g) { row in
            (0..<columns.count).map { i in
                if let bytes = row.bytes(i) { return String(decoding: bytes, as: UTF8.self) }
                return row.double(i).map { "\($0)" } ?? "-"
            }.joined(separator: "|")
        }
    }

    @Test("repeats share a combination; a missing value, another score or another spelling does not")
    func combinations() {
        var groups = GroupedRows(columns: Self.columns)
        let responses = [
            Self.response(1, region: "KZ-75", trainer: "Нұрлыбай Наурызбаев", year: 2024, overall: 5, nps: 9),
            Self.response(2, region: "KZ-75", trainer: "Нұрлыбай Наурызбаев", year: 2024, overall: 5, nps: 9),
            Self.response(3, region: "KZ-75", trainer: "Нурлыбай Наурызбаев", year: 2024, overall: 5, nps: 9),  // Russian у
            Self.response(4, region: "KZ-75", trainer: "Нұрлыбай Наурызбаев", year: 2024, overall: 5, nps: nil),
            Self.response(5, region: nil, trainer: "Нұрлыбай Наурызбаев", year: 2024, overall: 5, nps: 9),
            Self.response(6, region: "KZ-75", trainer: "Нұрлыбай Наурызбаев", year: 2024, overall: 4, nps: 9, formID: false),
            Self.response(7, region: "KZ-75", trainer: "", year: 2024, overall: 5, nps: 9),
            Self.response(8, region: "KZ-75", trainer: nil, year: 2024, overall: 5, nps: 9),
            Self.response(9, region: "KZ-75", trainer: "Нұрлыбай Наурызбаев", year: 2024, overall: 5, nps: nil),
        ]
        for r in responses { groups.append(r) }
        #expect(groups.responses.map(\.group) == [0, 0, 1, 2, 3, 4, 5, 6, 2])
        #expect(groups.groupCount == 7)
        #expect(Self.text(groups, 0) == "KZ-75|Нұрлыбай Наурызбаев|2024.0|5.0|9.0")
        #expect(Self.text(groups, 2) == "KZ-75|Нұрлыбай Наурызбаев|2024.0|5.0|-")
        #expect(Self.text(groups, 3) == "-|Нұрлыбай Наурызбаев|2024.0|5.0|9.0")
        #expect(Self.text(groups, 5) == "KZ-75||2024.0|5.0|9.0")
        #expect(Self.text(groups, 6) == "KZ-75|-|2024.0|5.0|9.0")
        // Keys as `EncodedRows` keeps them: the form id's hash, none for a response without one.
        var rows = EncodedRows()
        _ = rows.append(responses[0])
        #expect(groups.responses[0].formIDHash == rows.meta[0].formIDHash && rows.meta[0].formIDHash != nil)
        #expect(groups.responses[1].formIDHash != groups.responses[0].formIDHash)
        #expect(groups.responses[5].formIDHash == nil)
        #expect(groups.responses[0].fingerprint == nil)
    }

    @Test("20,000 responses over 3,300 possible combinations: each counted apart, first met first")
    func many() {
        var groups = GroupedRows(columns: Self.columns)
        var expected: [String: Int] = [:]
        var order: [String] = []
        var generator = UInt64(7)
        for line in 0..<20_000 {
            generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let v = Int(generator >> 33)
            let region = ["KZ-75", "KZ-71", "KZ-35", "KZ-79", "KZ-47"][v % 5]
            let year = 2020 + v / 5 % 4
            let overall = Double(1 + v / 20 % 5)
            let nps: Double? = v / 100 % 11 == 10 ? nil : Double(v / 100 % 11)
            let trainer = ["Айгерім Жұмабекова", "Ерлан Сарсенов", "Emily Carter"][v / 1100 % 3]
            groups.append(Self.response(line, region: region, trainer: trainer, year: year, overall: overall, nps: nps))
            let key = [region, trainer, "\(Double(year))", "\(overall)", nps.map { "\($0)" } ?? "-"].joined(separator: "|")
            if expected[key] == nil { order.append(key) }
            expected[key, default: 0] += 1
        }
        var counts = Array(repeating: 0, count: groups.groupCount)
        for response in groups.responses { counts[Int(response.group)] += 1 }
        let got = (0..<groups.groupCount).map { Self.text(groups, $0) }
        #expect(got == order)
        #expect(Dictionary(uniqueKeysWithValues: zip(got, counts)) == expected)
        #expect(groups.groupCount > 3_000)
    }
}
