import Foundation
import Testing

/// `pikir inspect` shows, per column, the field and the words that decided it.
@Suite("inspect: column mapping and what decided it")
struct InspectMappingTests {
    /// A Google Forms export with grid questions, Russian and Kazakh, as the form writes it.
    static let headers = [
        "Отметка времени",
        "Ваш город",
        "Оцените, пожалуйста, тренинг: [Подача материала]",
        "Оцените, пожалуйста, тренинг: [Содержание]",
        "Оцените, пожалуйста, тренинг: [Тренер]",
        "Оцените, пожалуйста, тренинг: [Wi-Fi]",
        "Тренингті бағалаңыз [Тренердің шеберлігі]",
        "Насколько вероятно, что вы порекомендуете этот тренинг коллегам?",
        "Комментарии о работе тренера (тел. для связи +7 701 123 45 67)",
    ]

    private func writeExport(in dir: URL) throws -> String {
        let quoted = Self.headers.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let text = quoted.joined(separator: ",") + "\r\n"
            + "2024/03/01 10:00:00,Алматы,5,4,5,3,5,9,спасибо\r\n"
            + "2024/03/01 10:05:00,Алматы,4,4,4,2,4,8,\r\n"
        return try dir.writeFile("grid.csv", text: text)
    }

    @Test("text: the field, then the words or grid row that decided it")
    func text() throws {
        try withTemporaryDirectory { dir in
            let path = try writeExport(in: dir)
            let run = try PikirBinary.run("inspect", path)
            #expect(run.status == 0, "\(run)")
            let lines = run.stdout.split(separator: "\n").map {
                $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            }
            func line(_ n: Int) -> String { lines.first { $0.hasPrefix("\(n) ") } ?? "no column \(n)" }
            #expect(line(1).hasSuffix("→ timestamp ← \"отметка времени\" (synonym)"))
            #expect(line(3).hasSuffix("→ delivery ← grid row \"Подача материала\" (synonym)"))
            #expect(line(4).hasSuffix("→ content ← grid row \"Содержание\" (synonym)"))
            #expect(line(5).hasSuffix("→ extra (delivery already comes from column 3 \"Оцените, пожалуйста, тренинг: [Подача материала]\"; kept as an extra)"))
            #expect(line(6).hasSuffix("→ extra"))
            #expect(line(7).hasSuffix("→ extra (delivery already comes from column 3 \"Оцените, пожалуйста, тренинг: [Подача материала]\"; kept as an extra)"))
            #expect(line(8).hasSuffix("→ nps ← \"порекомендуете\" + \"вероятно\" (keyword)"))
            #expect(line(9).hasSuffix("→ comment ← \"комментарии\" (keyword)"))
            #expect(!run.stdout.contains("701 123"))
        }
    }

    @Test("JSON: decided_by and note on every entry, null when nothing decided")
    func json() throws {
        try withTemporaryDirectory { dir in
            let path = try writeExport(in: dir)
            let (run, files) = try InspectedFile.inspect([path])
            #expect(run.status == 0, "\(run)")
            let mapping = try #require(files.first?.mapping)
            #expect(mapping.map(\.field) == ["timestamp", "city", "delivery", "content", nil, nil, nil, "nps", "comment"])
            #expect(mapping[2].decidedBy == .init(part: "grid_row", text: "Подача материала", words: ["подача материала"]))
            #expect(mapping[4].decidedBy == .init(part: "grid_row", text: "Тренер", words: ["тренер", "оцените"]))
            #expect(mapping[4].match == "keyword")
            #expect(mapping[4].note?.hasPrefix("delivery already comes from column 3") == true)
            #expect(mapping[6].decidedBy == .init(part: "grid_row", text: "Тренердің шеберлігі",
                                                  words: ["тренердің шеберлігі"]))
            #expect(mapping[5].decidedBy == nil)
            #expect(mapping[5].match == nil)
            #expect(mapping[7].decidedBy?.words == ["порекомендуете", "вероятно"])
            #expect(mapping[8].decidedBy?.part == "header")
            #expect(mapping[8].decidedBy?.text == "Комментарии о работе тренера (тел. для связи [PHONE])")
            #expect(mapping[8].column == "Комментарии о работе тренера (тел. для связи [PHONE])")

            // Every entry has every key, also when its value is null.
            let raw = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
            let entries = try #require(raw.first?["mapping"] as? [[String: Any]])
            for entry in entries {
                #expect(Set(entry.keys) == ["column", "field", "match", "decided_by", "note"], "\(entry)")
            }
        }
    }

    @Test("a mapping file decides: decided_by names it")
    func mappingFile() throws {
        try withTemporaryDirectory { dir in
            let path = try writeExport(in: dir)
            let map = try dir.writeFile("map.csv", text: "column,field\n\"Оцените, пожалуйста, тренинг: [Wi-Fi]\",organisation\n")
            let (run, files) = try InspectedFile.inspect(["--map", map, path])
            #expect(run.status == 0, "\(run)")
            let entry = try #require(files.first?.mapping[5])
            #expect(entry.field == "organisation")
            #expect(entry.match == "user")
            #expect(entry.decidedBy?.part == "mapping")
            let text = try PikirBinary.run("inspect", "--map", map, path)
            #expect(text.stdout.contains("→ organisation ← mapping file (user)"))
        }
    }
}
