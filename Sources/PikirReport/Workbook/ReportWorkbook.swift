/// A report as a workbook: a cover sheet (title, scope, period, the summary in
/// plain words), one sheet per table with its numbers as numbers, and a methods
/// sheet (how the numbers were made, the data's fingerprint, and the command
/// that reproduces each table). Built from the same `Document` the HTML and text
/// renderers draw, so the three formats say the same thing.
public struct ReportWorkbook: Sendable {
    public struct Page: Sendable, Equatable {
        public var sheet: WorkbookContent.Sheet
        public var rows: [[WorkbookContent.Cell]]
    }

    public var pages: [Page]

    public init(_ document: Document, catalogue c: Catalogue) {
        var taken: Set<String> = []
        var cover: [[WorkbookContent.Cell]] = [[.text(document.title)]] + document.cover.map { [.text($0)] }
        let sentences = document.sections.flatMap { s in s.blocks.flatMap { b -> [Document.Sentence] in if case .summary(let x) = b { x } else { [] } } }
        if !sentences.isEmpty { cover += [[]] + sentences.map { [.text($0.text)] } }
        pages = [Page(sheet: .init(name: SheetName.unique(c.text("workbook.cover"), taken: &taken), columns: []), rows: cover)]

        var reproduce: [[WorkbookContent.Cell]] = []
        for section in document.sections {
            for case .table(let table) in section.blocks {
                let name = SheetName.unique(table.caption ?? section.heading, taken: &taken)
                pages.append(Self.page(table, name: name))
                if let command = table.reproduce { reproduce.append([.text(name), .text(command)]) }
            }
        }

        var methods: [[WorkbookContent.Cell]] = []
        for block in document.footer {
            switch block {
            case .paragraph(let text), .note(let text): methods.append([.text(text)])
            case .facts(let facts): methods += facts.map { [.text($0.label), .text($0.value)] }
            case .list(let items): methods += items.map { [.text($0)] }
            default: break
            }
        }
        if !reproduce.isEmpty { methods += [[], [.text(c.text("label.reproduce"))]] + reproduce }
        pages.append(Page(sheet: .init(name: SheetName.unique(c.text("workbook.methods"), taken: &taken), columns: []), rows: methods))
    }

    /// A table's sheet: its headers split as the layout says, each row's cells as their values.
    static func page(_ table: Document.Table, name: String) -> Page {
        let headers = table.sheetHeaders ?? table.headers.map { [$0] }
        let rows = table.rows.map { row in
            zip(row, headers).flatMap { cell, columns -> [WorkbookContent.Cell] in
                let values = cell.values ?? [cell.text == "—" ? .empty : .text(cell.text)]
                // A layout whose cell and header widths disagree still gives aligned columns.
                return Array((values + Array(repeating: .empty, count: max(0, columns.count - values.count))).prefix(columns.count))
            }
        }
        return Page(sheet: .init(name: name, columns: headers.flatMap { $0 }.map { WorkbookContent.Column($0) }), rows: rows)
    }

    /// Each sheet, then its rows, in order.
    public func write<Sink: WorkbookSink>(to sink: inout Sink) throws {
        for page in pages {
            try sink.sheet(page.sheet)
            for row in page.rows { try sink.row(row) }
        }
    }
}

/// What writes a workbook a sheet and a row at a time (`WorkbookWriter` over
/// libxlsxwriter; a list in the tests). Closing the file is its owner's.
public protocol WorkbookSink {
    mutating func sheet(_ sheet: WorkbookContent.Sheet) throws
    mutating func row(_ cells: [WorkbookContent.Cell]) throws
}
