import Foundation
import Testing

/// Issue 11 end to end: every IIN, phone and e-mail form of
/// `shared/reference/kazakhstan.md` and the issue, in every field (each
/// canonical column, an extra column and an extra column's header) of rows
/// that end accepted, duplicate, rejected and ignored, must appear in no
/// output of the built binary and nowhere in the warehouse file.
@Suite("personal data never leaves an export")
struct PersonalDataTests {
    /// The forms, as a participant or a centre writes them.
    static let forms = [
        // IINs: the reference's three, grouped in every way, full-width, with no-break spaces.
        "950315300019", "050712600425", "881214400094", "9503 1530 0019", "95 03 15 30 00 19", "95-03-15-30-00-19",
        "950315 300019", "950315-3-0001-9", "９５０３１５３０００１９", "0507\u{00A0}1260\u{00A0}0425",
        // Phones: mobile and landline, every way the reference writes them.
        "+7 701 234 5678", "87012345678", "8 (701) 234-56-78", "+7 701 123 45 67", "+7 727 250 12 34", "8 7172 55-66-77",
        // E-mails, Latin, Russian and Kazakh.
        "a@b.kz", "d.kim.mrc@gmail.com", "иван@mail.ru", "Айгерім.Жұмабекова@почта.қаз",
    ]

    /// All forms in one cell, apart enough that no two join.
    static let all = forms.joined(separator: " / ")

    static let columns = ["response_id", "timestamp", "city", "region", "session_date", "session_id", "trainer", "module",
                          "participant_group", "lang", "overall", "delivery", "nps", "liked", "improve", "comment", "Заметка",
                          "Questions? call +7 701 234 5678 or a@b.kz"]

    /// A row whose every text field holds every form; `changes` replaces fields.
    static func row(_ changes: [String: String]) -> String {
        var cells = [
            "response_id": "IIN 950315300019", "timestamp": "2024-11-05 10:15:32", "city": "Almaty " + all,
            "region": "Алматы " + all, "session_date": "05.11.2024", "session_id": "", "trainer": "Dmitriy Kim " + all,
            "module": "Open youth work " + all, "participant_group": "Студент " + all, "lang": "ru " + all,
            "overall": "5", "delivery": "4", "nps": "9", "liked": "Ұнады " + all, "improve": "Больше практики " + all,
            "comment": "Спасибо " + all, "Заметка": "note " + all, columns.last!: "extra " + all,
        ]
        for (key, value) in changes { cells[key] = value }
        return columns.map { "\"" + cells[$0]!.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
    }

    /// Line 1 a title (ignored), 2 the header, 3 accepted, 4 its duplicate
    /// (another form id, so found by timestamp and answers), 5 rejected for
    /// its score (the issue's comment), 6 a score of personal data, 7 a date of
    /// personal data, 8 accepted with personal data in timestamp, session id
    /// and form id, 9 a field too many (rejected by the reader), 10 totals (ignored).
    static var export: String {
        let lines = [
            "Отчёт по тренингу: ИИН 950315300019, тел. +7 701 234 5678, a@b.kz",
            columns.map { "\"\($0)\"" }.joined(separator: ","),
            row([:]),
            row(["response_id": "87012345678"]),
            row(["timestamp": "2024-11-05 10:20:00", "overall": "9", "comment": "IIN 950315300019 tel +7 701 123 45 67 mail a@b.kz"]),
            row(["timestamp": "2024-11-05 10:21:00", "overall": all]),
            row(["timestamp": "2024-11-05 10:22:00", "session_date": all]),
            row(["timestamp": "2024-11-05 10:23:00 " + all, "session_id": "S-1 " + all, "response_id": "id иван@mail.ru"]),
            row(["timestamp": "2024-11-05 10:24:00"]) + ",\"too many " + all + "\"",
            (["Итого", all] + Array(repeating: "", count: columns.count - 2)).joined(separator: ","),
        ]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The same in Excel's Unicode text: UTF-16LE, TAB-separated.
    static var unicodeText: [UInt8] {
        let text = "Қала\tТренер\tЖалпы баға\tПікір\tБайланыс \(all)\r\n"
            + "Алматы \(all)\tНұрлыбай \(all)\t5\tРақмет \(all)\t\(all)\r\n"
            + "Астана \(all)\tНұрлыбай \(all)\t9\tРақмет \(all)\t\(all)\r\n"
        return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// Digit forms without their separators, full-width digits as ASCII: a
    /// folded or reformatted copy (`7 701 234 5678` in a session key) is still a leak.
    static let compactForms: [String] = forms.filter { !$0.contains("@") }.map { form in
        String(form.unicodeScalars.compactMap { s -> Character? in
            if let v = s.properties.numericType == .decimal ? s.properties.numericValue : nil { return Character(String(Int(v))) }
            return nil
        })
    }

    /// The forms (any case) or their digits (separators dropped) found in `text`.
    static func leaks(_ text: String) -> [String] {
        let lower = text.lowercased()
        var found = forms.filter { lower.contains($0.lowercased()) }
        let compact = String(text.unicodeScalars.filter { !" \u{00A0}-()+".unicodeScalars.contains($0) }.map(Character.init))
        found += compactForms.filter { compact.contains($0) }
        return found
    }

    static func sqlite3(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "sqlite3 is needed (make test-deps installs it)")
        return String(decoding: data, as: UTF8.self)
    }

    @Test("no form in rejects, warehouse, export, agg, reports or inspect")
    func nothingLeaks() throws {
        try withTemporaryDirectory { dir throws in
            let csv = try dir.writeFile("export.csv", text: Self.export)
            let txt = try dir.writeFile("unicode.txt", bytes: Self.unicodeText)
            let db = dir.appendingPathComponent("pikir.sqlite").path
            var outputs: [(name: String, text: String)] = []
            func run(_ name: String, _ arguments: [String]) throws -> String {
                let result = try PikirBinary.run(arguments, timeout: 120)
                try #require(result.status == 0, "\(name): \(result)")
                outputs.append((name, result.stdout + result.stderr))
                return result.stdout
            }

            let ingest = try run("ingest", ["ingest", "--db", db, "--format", "json", csv, txt])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(ingest.utf8)) as? [String: Any])
            let files = try #require(report["files"] as? [[String: Any]])
            let counts = files.map { f in ["accepted", "rejected", "duplicates", "ignored"].map { f[$0] as? Int ?? -1 } }
            #expect(counts == [[2, 4, 1, 2], [1, 1, 0, 0]], "\(ingest)")
            #expect(files.allSatisfy { ($0["redactions"] as? Int ?? 0) > 0 }, "\(ingest)")
            _ = try run("ingest text", ["ingest", "--db", db, csv, txt])

            for format in ["text", "json", "csv"] { _ = try run("rejects \(format)", ["rejects", "--db", db, "--format", format]) }
            for format in ["csv", "json"] { _ = try run("export \(format)", ["export", "--db", db, "--format", format]) }
            _ = try run("agg", ["agg", "--db", db, "--by", "city,trainer,module,group,session", "--format", "json", "--min-n", "1"])
            let bySession = try run("agg session", ["agg", "--db", db, "--by", "session", "--format", "json", "--min-n", "1"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(bySession.utf8)) as? [[String: Any]])
            let sessions = Set(rows.compactMap { $0["session"] as? String })
            try #require(sessions.count == 2, "\(bySession)")
            for format in ["text", "html"] {
                _ = try run("report trainers \(format)", ["report", "trainers", "--db", db, "--format", format, "--min-n", "1"])
                _ = try run("report yearly \(format)", ["report", "yearly", "--year", "2024", "--db", db, "--format", format, "--min-n", "1"])
                for session in sessions {
                    _ = try run("report session \(format)", ["report", "session", "--session", session, "--db", db, "--format", format, "--min-n", "1"])
                }
            }
            for file in [csv, txt] {
                _ = try run("inspect text", ["inspect", file])
                _ = try run("inspect json", ["inspect", "--format", "json", file])
            }
            outputs.append(("sqlite3 .dump", try Self.sqlite3([db, ".dump"])))
            // Every byte of the warehouse, free space included.
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: db + suffix) {
                outputs.append(("warehouse file\(suffix)", String(decoding: try Data(contentsOf: URL(fileURLWithPath: db + suffix)), as: UTF8.self)))
            }

            for (name, text) in outputs {
                #expect(Self.leaks(text).isEmpty, "\(name) shows \(Self.leaks(text))")
            }

            // Not vacuous: the tokens are there, and a reject keeps its line's shape.
            let rejects = try run("rejects text", ["rejects", "--db", db])
            #expect(rejects.contains("\"5\",\"4\",\"9\",\"Ұнады [IIN] / [IIN]"), "\(rejects)")
            #expect(rejects.contains(",\"9\",\"4\",\"9\","), "the score-9 line as it was")
            #expect(rejects.contains("\"IIN [IIN] tel [PHONE] mail [EMAIL]\""), "\(rejects)")
            #expect(rejects.contains("export.csv:9: too_many_fields"), "\(rejects)")
            #expect(rejects.contains("unicode.txt:3: score_out_of_range"), "\(rejects)")
            let dump = try Self.sqlite3([db, "SELECT trainer_name FROM response ORDER BY id"])
            #expect(dump.contains("Dmitriy Kim [IIN] / [IIN]"), "\(dump)")
            #expect(dump.contains("[PHONE] / [EMAIL] / [EMAIL]"), "\(dump)")
        }
    }
}
