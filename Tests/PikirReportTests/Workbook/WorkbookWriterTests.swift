import Foundation
import PikirModel
import Testing
@testable import PikirReport

@Suite("WorkbookWriter")
struct WorkbookWriterTests {
    static func scratch(_ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir.path)
    }

    @Test("sheet names: at most 31 UTF-16 units, no []:*?/\\, no edge apostrophes, not blank, unique ignoring case")
    func sheetNames() {
        var names = SheetNames()
        #expect(names.claim("Итоги: 2024/2025 [проект]") == "Итоги 2024 2025 проект")
        #expect(names.claim("итоги: 2024/2025 [проект]") == "итоги 2024 2025 проект (2)")
        // Cut to 31 UTF-16 units at a word's end.
        let long = names.claim("Облыстар бойынша қанағаттанушылық деңгейі")
        #expect(long == "Облыстар бойынша" && long.utf16.count <= 31)
        let clash = names.claim("Облыстар бойынша қанағаттанушылық деңгейі")
        #expect(clash.utf16.count <= 31 && clash.hasSuffix(" (2)"))
        #expect(names.claim("  '' ") == "Sheet")
        #expect(names.claim("") == "Sheet (2)")
        #expect(names.claim("'Regions'") == "Regions")
    }

    @Test("a writer dropped unclosed leaves neither the file nor its temporary; close twice is an error")
    func lifecycle() throws {
        try Self.scratch { dir in
            let path = dir + "/book.xlsx"
            do {
                let writer = try WorkbookWriter(path: path)
                try writer.sheet(.init(name: "A", columns: [.init("x")]))
                try writer.row([.text("=1+1")])
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
            let writer = try WorkbookWriter(path: path)
            try writer.sheet(.init(name: "A", columns: [.init("x")]))
            try writer.close()
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(throws: WorkbookError.self) { try writer.close() }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["book.xlsx"])
        }
    }

    @Test("a missing folder fails at once, naming the folder")
    func missingFolder() throws {
        try Self.scratch { dir in
            #expect {
                try WorkbookWriter(path: dir + "/нет/book.xlsx")
            } throws: { error in
                "\(error)".contains("the folder \(dir)/нет does not exist")
            }
        }
    }

    @Test("--generated-at: its day is the creation time, anything else the constant")
    func creationDate() {
        #expect(WorkbookWriter.creationDate(generatedAt: "2025-01-15").timeIntervalSince1970 == 1_736_899_200)
        #expect(WorkbookWriter.creationDate(generatedAt: "2025-01-15T10:00:00+05:00").timeIntervalSince1970 == 1_736_899_200)
        #expect(WorkbookWriter.creationDate(generatedAt: nil) == WorkbookWriter.constantCreated)
        #expect(WorkbookWriter.creationDate(generatedAt: "вчера") == WorkbookWriter.constantCreated)
    }

    @Test("responses past a sheet's rows continue on \"Responses 2\", and the note says so")
    func continuation() throws {
        try Self.scratch { dir in
            let width = ResponseColumn.exported.count
            var notes: [String] = []
            _ = try ResponseWorkbook.write(responses: { body in
                for i in 0..<7 { try body((0..<width).map { $0 == 0 ? "r\(i)" : nil }) }
            }, to: dir + "/r.xlsx", createFolders: false, rowLimit: 4, note: { notes.append($0) })
            #expect(notes.count == 1 && notes[0].contains("\"Responses 2\", \"Responses 3\"") && notes[0].contains("7 responses"))
            let writer = try WorkbookWriter(path: dir + "/s.xlsx", created: WorkbookWriter.constantCreated, createFolders: false, rowLimit: 2)
            try writer.sheet(.init(name: "A", columns: [.init("x")]))
            try writer.row([.number(1, .integer)])
            #expect(writer.rowsLeft == 0)
            #expect(throws: WorkbookError.self) { try writer.row([.number(2, .integer)]) }
        }
    }
}

extension WorkbookWriterTests {
    @Test("an ISO day is an Excel date; anything else stays text")
    func isoDay() {
        #expect(WorkbookContent.Cell.day(iso: "2024-11-05") == .day(year: 2024, month: 11, day: 5))
        for text in ["2024-13-05", "05.11.2024", "2024-11-5", "20241105", "ерте", ""] {
            #expect(WorkbookContent.Cell.day(iso: text) == nil, "\(text)")
        }
    }
}
