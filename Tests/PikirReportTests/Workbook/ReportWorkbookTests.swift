import Foundation
@testable import PikirReport
import PikirStats
import Testing

/// `ReportWorkbook`: the cover, one sheet per table with the aggregate's numbers
/// as numbers (not the text the HTML shows), suppressed cells with their reason,
/// intervals and codes in columns of their own, and the methods sheet.
@Suite("Workbook: report sheets")
struct ReportWorkbookTests {
    typealias F = LayoutFixture
    typealias Cell = WorkbookContent.Cell
    static let ru = Catalogue.load(.ru), kk = Catalogue.load(.kk)
    static let forty = Array(repeating: 4.0, count: 30) + Array(repeating: 5.0, count: 10)
    static let fortyOne = Array(repeating: 3.0, count: 21) + Array(repeating: 5.0, count: 20)

    /// A yearly report with a region under k, one hidden to protect it, one with last year and a significant change, one without last year.
    static func yearly() -> YearlyReport {
        var karaganda = F.row("KZ-35", answers: fortyOne, change: ChangeResult(previousMean: 3.5, currentMean: 4.1, difference: 0.6,
                                                                                  ci95: Interval(low: 0.2, high: 1.0), p: 0.001, welch: nil),
                              significant: true)
        karaganda.lastYear = F.histogram(forty)
        var report = F.yearlyReport(regions: [
            F.row("KZ-75", answers: [1, 2, 3], suppression: .primary), F.row("KZ-71", answers: forty, suppression: .complementary),
            karaganda, F.row("KZ-10", answers: forty),
        ])
        report.groups = [F.row("pupil", answers: forty), F.row("student", answers: fortyOne)]
        report.rejectsByReason = [(code: "impossible_date", count: 3)]
        return report
    }

    /// The cell of `row` under `header` (a test fails on a header the sheet lacks).
    static func cell(_ page: ReportWorkbook.Page, _ row: [Cell], _ header: String) throws -> Cell {
        let i = try #require(page.sheet.columns.firstIndex { $0.header == header }, "no column \(header) in \(page.sheet.columns.map(\.header))")
        return row[i]
    }

    static func row(_ page: ReportWorkbook.Page, code: Cell) throws -> [Cell] { try #require(page.rows.first { $0.first == code }) }

    @Test("yearly (ru): the regions sheet holds each row's numbers as the aggregate gave them, code and name apart, intervals split")
    func yearlyRegions() throws {
        let report = Self.yearly(), c = Self.ru
        let document = report.document(c, generatedAt: "2025-01-15", version: "test")
        let workbook = ReportWorkbook(document, catalogue: c)
        let table = try #require(document.section("regions")?.tables.first)
        let page = try #require(workbook.pages.first { $0.sheet.name == "По регионам" }, "\(workbook.pages.map(\.sheet.name))")
        // Same rows; one column more for the code and one for each interval's second end.
        #expect(page.rows.count == table.rows.count)
        #expect(page.sheet.columns.count == table.headers.count + 3)
        #expect(page.sheet.columns.prefix(2).map(\.header) == ["Регион: код", "Регион"])
        #expect(page.rows.allSatisfy { $0.count == page.sheet.columns.count })

        let ci = "95\u{A0}% интервал", npsCI = "NPS: 95\u{A0}% интервал"
        for r in [report.regions[2], report.regions[3], report.total] {
            let code: Cell = r.key == "total" ? .empty : .text(r.key)
            let row = try Self.row(page, code: code)
            #expect(row[1] == .text(r.key == "total" ? "Всего" : c.text("region." + r.key)))
            #expect(try Self.cell(page, row, "Тренинги") == .number(Double(r.sessions), .integer))
            #expect(try Self.cell(page, row, "Ответы") == .number(Double(r.responses), .integer))
            #expect(try Self.cell(page, row, "В целом 2024") == .number(try #require(r.overall.summary.mean), .decimals(2)))
            let interval = try #require(r.overall.summary.ci95)
            #expect(try Self.cell(page, row, ci + ", нижняя граница") == .number(interval.low, .decimals(2)))
            #expect(try Self.cell(page, row, ci + ", верхняя граница") == .number(interval.high, .decimals(2)))
            let nps = try #require(r.nps.nps)
            #expect(try Self.cell(page, row, "NPS") == .number(nps.score, .decimals(0)))
            let npsInterval = nps.ci95
            #expect(try Self.cell(page, row, npsCI + ", нижняя граница") == .number(npsInterval.low, .decimals(0)))
            #expect(try Self.cell(page, row, npsCI + ", верхняя граница") == .number(npsInterval.high, .decimals(0)))
        }
        let karaganda = try Self.row(page, code: .text("KZ-35"))
        #expect(try Self.cell(page, karaganda, "Изменение к прошлому году") == .number(0.6, .decimals(2)))
        #expect(try Self.cell(page, karaganda, "В целом 2023") == .number(try #require(report.regions[2].change).previousMean, .decimals(2)))
        // No answers last year: missing, never 0.
        let akmola = try Self.row(page, code: .text("KZ-10"))
        #expect(try Self.cell(page, akmola, "В целом 2023") == .empty)
        #expect(try Self.cell(page, akmola, "Изменение к прошлому году") == .empty)

        // Suppressed: every cell after the name withheld, with why.
        let primary = try Self.row(page, code: .text("KZ-75")), complementary = try Self.row(page, code: .text("KZ-71"))
        #expect(primary.dropFirst(2).allSatisfy { $0 == .suppressed(note: "недостаточно ответов (n < 5)") }, "\(primary)")
        let hiddenNote = c.text("yearly.suppression_note", ["k": "5"])
        #expect(complementary.dropFirst(2).allSatisfy { $0 == .suppressed(note: hiddenNote) }, "\(complementary)")
        #expect(!primary.contains { if case .number = $0 { true } else { false } }, "no number of a small group leaks")
    }

    @Test("yearly (ru): the cover sheet has the title, scope, period, generation date and the summary sentences")
    func yearlyCover() throws {
        let document = Self.yearly().document(Self.ru, generatedAt: "2025-01-15", version: "test")
        let workbook = ReportWorkbook(document, catalogue: Self.ru)
        let cover = try #require(workbook.pages.first)
        #expect(cover.sheet == WorkbookContent.Sheet(name: "Отчёт", columns: []))
        let texts = cover.rows.map { $0.first.flatMap { if case .text(let t) = $0 { t } else { nil } } }
        #expect(Array(texts.prefix(4)) == ["Итоги 2024 года", "Все регионы", "2024", "Дата создания: 15 января 2025\u{A0}г."] as [String?],
                "\(texts)")
        guard case .summary(let sentences)? = document.section("summary")?.blocks.first else { Issue.record("no summary"); return }
        #expect(!sentences.isEmpty)
        #expect(Array(texts.suffix(sentences.count)) == sentences.map { Optional($0.text) })
    }

    @Test("yearly (ru): the methods sheet has the methods note, the fingerprint, the files and each table's command")
    func yearlyMethods() throws {
        let document = Self.yearly().document(Self.ru, version: "test")
        let workbook = ReportWorkbook(document, catalogue: Self.ru)
        let methods = try #require(workbook.pages.last)
        #expect(methods.sheet.name == "Методы" && methods.sheet.columns.isEmpty)
        #expect(methods.rows.contains([.text(Self.ru.text("methods.mean"))]))
        #expect(methods.rows.contains([.text(Self.ru.text("label.data_fingerprint")), .text(String(F.provenance.fingerprint.prefix(16)))]))
        let tables = document.sections.flatMap(\.tables)
        #expect(tables.count == 3, "regions, groups, rejects")
        let tableSheets = workbook.pages.dropFirst().dropLast()
        #expect(tableSheets.map(\.sheet.name) == ["По регионам", "По категориям участников", "Отклонённые записи"], "\(tableSheets.map(\.sheet.name))")
        for (page, table) in zip(tableSheets, tables) {
            #expect(methods.rows.contains([.text(page.sheet.name), .text(try #require(table.reproduce))]))
        }
        // The reject reasons: code apart from the words, count a number.
        let rejects = try #require(tableSheets.last)
        #expect(rejects.rows == [[.text("impossible_date"), .text(Self.ru.text("reason.impossible_date") + " (impossible_date)"), .number(3, .integer)]])
    }

    @Test("trainers (en): the ranking sheet has the trainer id apart; each trainer's sheet the question numbers and three shares")
    func trainers() throws {
        let report = F.trainerReport([
            F.trainer("Айгерім Жұмабекова", id: "T02", answers: Self.forty, adjusted: 4.2, rank: 1),
            F.trainer("Ерлан Сарсенов", id: "T04", answers: Self.fortyOne, adjusted: 3.9, rank: 2),
        ])
        let workbook = ReportWorkbook(report.document(F.en, version: "test"), catalogue: F.en)
        let ranking = try #require(workbook.pages.dropFirst().first)
        #expect(ranking.sheet.columns.map(\.header).prefix(3) == ["Against the average", "Trainer code", "Trainer"])
        for t in report.trainers {
            let mine = try #require(ranking.rows.first { $0[1] == .text(t.id!) })
            #expect(mine[2] == .text(t.name))
            #expect(try Self.cell(ranking, mine, "n") == .number(Double(t.overall.n), .integer))
            #expect(try Self.cell(ranking, mine, "Mean") == .number(try #require(t.overall.summary.mean), .decimals(2)))
            #expect(try Self.cell(ranking, mine, "95% interval, low") == .number(try #require(t.overall.summary.ci95).low, .decimals(2)))
            #expect(try Self.cell(ranking, mine, "Adjusted score") == .number(try #require(t.adjusted), .decimals(2)))

            let page = try #require(workbook.pages.first { $0.sheet.name == t.name })
            #expect(page.rows.count == t.questions.count)
            for (row, q) in zip(page.rows, t.questions) {
                #expect(try Self.cell(page, row, "n") == .number(Double(q.n), .integer))
                #expect(try Self.cell(page, row, "Mean") == .number(try #require(q.summary.mean), .decimals(2)))
                #expect(try Self.cell(page, row, "95% interval, high") == .number(try #require(q.summary.ci95).high, .decimals(2)))
                let shares = try #require(q.lowMidHigh)
                let distribution = page.sheet.columns.indices.filter { page.sheet.columns[$0].header.hasPrefix(F.en.text("label.distribution") + ": ") }
                #expect(distribution.map { row[$0] } == [shares.low, shares.mid, shares.high].map { .number($0, .percent(0)) })
            }
        }
    }

    @Test("sheet names are valid and unique in kk, ru and en, with long headings and trainers of one name")
    func names() throws {
        let trainers = F.trainerReport([
            F.trainer("Айгерім Жұмабекова", id: "T02", answers: Self.forty, adjusted: 4.2, rank: 1),
            F.trainer("Айгерім Жұмабекова", id: "T05", answers: Self.fortyOne, adjusted: 3.9, rank: 2),
        ])
        for c in [Self.kk, Self.ru, F.en] {
            for document in [Self.yearly().document(c, version: "test"), trainers.document(c, version: "test")] {
                let names = ReportWorkbook(document, catalogue: c).pages.map(\.sheet.name)
                #expect(names.allSatisfy(SheetNameTests.isValid), "\(names)")
                #expect(Set(names.map { $0.lowercased() }).count == names.count, "\(names)")
            }
        }
        let kk = ReportWorkbook(trainers.document(Self.kk, version: "test"), catalogue: Self.kk).pages.map(\.sheet.name)
        #expect(kk == ["Есеп", "Тренерлер орталық бойынша", "Айгерім Жұмабекова", "Айгерім Жұмабекова (2)", "Әдістер"], "\(kk)")
    }

    /// A sink that keeps what it is given.
    struct Recorder: WorkbookSink {
        var sheets: [WorkbookContent.Sheet] = []
        var rows: [[Cell]] = []
        mutating func sheet(_ sheet: WorkbookContent.Sheet) throws { sheets.append(sheet) }
        mutating func row(_ cells: [Cell]) throws { rows.append(cells) }
    }

    @Test("write gives the sink each sheet, then its rows, in order")
    func write() throws {
        let workbook = ReportWorkbook(Self.yearly().document(Self.ru, version: "test"), catalogue: Self.ru)
        var sink = Recorder()
        try workbook.write(to: &sink)
        #expect(sink.sheets == workbook.pages.map(\.sheet))
        #expect(sink.rows == workbook.pages.flatMap(\.rows))
    }
}

/// `ReportWorkbook.write` and `ReportWriter` with `.xlsx`: the library's file
/// ends up at the output path, whole, and its bytes are returned.
@Suite("Workbook: writing a report's file")
struct ReportWorkbookFileTests {
    /// Stands in for `WorkbookWriter`: on close, writes the sheet names and row counts it was given to its path.
    struct ListFile: WorkbookFile {
        let path: String
        var lines: [String] = []
        mutating func sheet(_ sheet: WorkbookContent.Sheet) throws { lines.append("sheet " + sheet.name) }
        mutating func row(_ cells: [WorkbookContent.Cell]) throws { lines.append("row \(cells.count)") }
        mutating func close() throws { try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path)) }
    }

    @Test("the file the writer made is moved to the output path (a Kazakh name) and returned; the temporary folder goes")
    func write() throws {
        let document = ReportWorkbookTests.yearly().document(Catalogue.load(.kk), version: "test")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-xlsx-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("есеп 2024/қорытынды.xlsx").path
        nonisolated(unsafe) var opened: String?
        let data = try ReportWriter(createFolders: true, workbook: { p in opened = p; return ListFile(path: p) })
            .write(document, as: .xlsx, to: path)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written == data)
        let lines = String(decoding: written, as: UTF8.self).split(separator: "\n").map(String.init)
        let pages = ReportWorkbook(document).pages
        #expect(lines.filter { $0.hasPrefix("sheet ") } == pages.map { "sheet " + $0.sheet.name })
        #expect(lines.first == "sheet Есеп" && lines.last.map { !$0.hasPrefix("sheet") } == true)
        #expect(lines.count == pages.count + pages.map(\.rows.count).reduce(0, +))
        let temporary = try #require(opened)
        #expect(!FileManager.default.fileExists(atPath: temporary) && !temporary.hasPrefix(folder.path))
    }

    @Test("without a workbook writer, .xlsx is refused with a message and nothing is written")
    func noWriter() throws {
        let document = ReportWorkbookTests.yearly().document(Catalogue.load(.en), version: "test")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-none-\(UUID().uuidString).xlsx").path
        #expect(throws: ReportError.self) { try ReportWriter(workbook: nil).write(document, as: .xlsx, to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
