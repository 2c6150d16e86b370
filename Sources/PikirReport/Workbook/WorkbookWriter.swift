import CLibXlsxWriter
import Foundation

/// Writes a workbook (``WorkbookContent``) to an .xlsx file through
/// libxlsxwriter, one row at a time in its constant-memory mode: each row
/// goes to a temporary file as soon as the next one starts, so a million
/// responses never sit in memory.
///
/// The one owner of the `lxw_workbook` handle: ``close()`` writes the file
/// and frees it; a writer dropped unclosed frees it without writing, and its
/// temporary file goes. Rows go strictly in order; text is always written
/// as text (never parsed, never a formula). The same rows and `created`
/// date give the same bytes.
public final class WorkbookWriter {
    public typealias Cell = WorkbookContent.Cell
    public typealias Sheet = WorkbookContent.Sheet

    /// Rows an Excel sheet holds, its header row included.
    public static let maxRows = 1_048_576
    /// The creation time written when no day is given: a constant, so the bytes never depend on the clock.
    public static let constantCreated = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01T00:00:00Z

    /// The workbook as the caller named it.
    public var path: String { file.path }
    /// Rows written on the current sheet, its header row included.
    public private(set) var rowsInSheet = 0
    /// Rows the current sheet can still take.
    public var rowsLeft: Int { rowLimit - rowsInSheet }
    /// ``maxRows``, smaller only in tests (a sheet's end without a million rows).
    let rowLimit: Int

    private let file: WorkbookTarget
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var formats: WorkbookFormats
    private var names = SheetNames()
    private var current: OpenSheet?

    /// Starts a workbook at `path` (a file: `-` or a terminal is refused);
    /// `created` is the creation time stored in it (see ``creationDate(generatedAt:)``).
    public convenience init(path: String, created: Date = WorkbookWriter.constantCreated, createFolders: Bool = false) throws(WorkbookError) {
        try self.init(path: path, created: created, createFolders: createFolders, rowLimit: Self.maxRows)
    }

    init(path: String, created: Date, createFolders: Bool, rowLimit: Int) throws(WorkbookError) {
        self.rowLimit = min(rowLimit, Self.maxRows)
        file = try WorkbookTarget(path, createFolders: createFolders)
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
        guard let workbook = file.temporary.withCString({ workbook_new_opt($0, &options) }) else {
            file.discard()
            throw WorkbookError.library(LXW_ERROR_MEMORY_MALLOC_FAILED, path: path, doing: "starting the workbook")
        }
        self.workbook = workbook
        formats = WorkbookFormats(workbook)
        var properties = lxw_doc_properties()
        properties.created = time_t(created.timeIntervalSince1970.rounded(.down))
        let error = workbook_set_properties(workbook, &properties)
        if error != LXW_NO_ERROR { throw failure(error, doing: "setting the creation date") }
    }

    deinit {
        if let workbook { lxw_workbook_free(workbook) }
        file.discard()
    }

    /// The creation time for `--generated-at`: its day (UTC midnight) when it
    /// starts with one (`2025-01-15`, `2025-01-15T10:00`), else the constant.
    public static func creationDate(generatedAt: String?) -> Date {
        guard let text = generatedAt, text.utf8.count >= 10 else { return constantCreated }
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[0].count == 4, (1...12).contains(m), (1...31).contains(d) else { return constantCreated }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: y, month: m, day: d)) ?? constantCreated
    }

    /// Starts a sheet; its name is made valid and unique (see ``SheetNames``),
    /// and the name used is returned. With columns, the header row is written
    /// bold, frozen, with an autofilter over the columns.
    @discardableResult
    public func sheet(_ sheet: Sheet) throws(WorkbookError) -> String {
        guard let workbook else { throw closedError() }
        try finishSheet()
        let name = names.claim(sheet.name)
        guard let worksheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
            throw failure(LXW_ERROR_MEMORY_MALLOC_FAILED, doing: "adding the sheet \"\(name)\"")
        }
        current = OpenSheet(worksheet: worksheet, columns: sheet.columns)
        rowsInSheet = 0
        if !sheet.columns.isEmpty {
            worksheet_freeze_panes(worksheet, 1, 0)
            let bold = formats.header
            for (column, header) in sheet.columns.enumerated() {
                try check(header.header.withCString { worksheet_write_string(worksheet, 0, lxw_col_t(column), $0, bold) }, "writing a header")
                current?.measure(column, header.header)
            }
            rowsInSheet = 1
        }
        return name
    }

    /// Appends a row to the current sheet.
    public func row(_ cells: [Cell]) throws(WorkbookError) {
        guard workbook != nil else { throw closedError() }
        guard let sheet = current else {
            throw WorkbookError(path: path, reason: "a row was written before any sheet", advice: "report this with the command that gave it")
        }
        guard rowsInSheet < rowLimit else {
            throw WorkbookError(path: path, reason: "a sheet holds at most \(rowLimit) rows", advice: "report this with the command that gave it")
        }
        let row = lxw_row_t(rowsInSheet)
        let measuring = rowsInSheet < OpenSheet.measuredRows
        for (index, cell) in cells.enumerated() {
            let column = lxw_col_t(index)
            let ws = sheet.worksheet
            switch cell {
            case .empty:
                continue
            case .text(let text):
                guard !text.isEmpty else { continue }
                let kept = Self.fitting(text)
                try check(kept.withCString { worksheet_write_string(ws, row, column, $0, nil) }, "writing a text cell")
                if measuring { current?.measure(index, kept) }
            case .number(let value, let format):
                guard value.isFinite else { continue }
                try check(worksheet_write_number(ws, row, column, value, formats[format]), "writing a number")
                if measuring { current?.measure(index, width: Self.shownWidth(value, format)) }
            case .day(let year, let month, let day):
                var date = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
                try check(worksheet_write_datetime(ws, row, column, &date, formats[.date]), "writing a date")
                if measuring { current?.measure(index, width: 10) }
            case .suppressed(let note):
                try check(worksheet_write_blank(ws, row, column, formats.suppressed), "writing a suppressed cell")
                try check(Self.fitting(note).withCString { worksheet_write_comment(ws, row, column, $0) }, "writing a note")
            }
        }
        rowsInSheet += 1
    }

    /// Writes the workbook to its temporary file, frees the handle and moves
    /// the file into place. Called once; the writer is finished after it.
    public func close() throws(WorkbookError) {
        guard let workbook else { throw closedError() }
        do {
            try finishSheet()
        } catch {
            lxw_workbook_free(workbook)
            self.workbook = nil
            throw error
        }
        self.workbook = nil
        // workbook_close frees the workbook whatever it returns.
        let error = workbook_close(workbook)
        if error != LXW_NO_ERROR {
            file.discard()
            throw WorkbookError.library(error, path: path, doing: "writing the file")
        }
        try file.commit()
    }

    // MARK: - Sheets

    /// The sheet being written, and the widest text seen in each of its columns.
    private struct OpenSheet {
        /// Column widths come from the header and this many rows: measuring
        /// every cell of a million rows (grapheme by grapheme) costs more than
        /// it tells.
        static let measuredRows = 1000
        static let maxWidth = 60

        let worksheet: UnsafeMutablePointer<lxw_worksheet>
        let columns: [WorkbookContent.Column]
        var widths: [Int] = []

        init(worksheet: UnsafeMutablePointer<lxw_worksheet>, columns: [WorkbookContent.Column]) {
            self.worksheet = worksheet
            self.columns = columns
        }

        /// Characters, not bytes: Cyrillic takes two UTF-8 bytes a letter but one
        /// letter's width; a multi-line cell is as wide as its longest line.
        mutating func measure(_ column: Int, _ text: String) {
            var widest = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                widest = max(widest, line.count)
                if widest >= Self.maxWidth { break }
            }
            measure(column, width: widest)
        }

        mutating func measure(_ column: Int, width: Int) {
            if widths.count <= column { widths += repeatElement(0, count: column + 1 - widths.count) }
            widths[column] = max(widths[column], min(width, Self.maxWidth))
        }
    }

    /// Sets the current sheet's column widths and autofilter, which
    /// libxlsxwriter writes when the workbook closes.
    private func finishSheet() throws(WorkbookError) {
        guard let sheet = current else { return }
        current = nil
        for (index, width) in sheet.widths.enumerated() {
            let given = index < sheet.columns.count ? sheet.columns[index].width : nil
            // A little room for the autofilter's button and the padding Excel keeps.
            let fitted = given ?? Double(max(width, 4) + 2)
            try check(worksheet_set_column(sheet.worksheet, lxw_col_t(index), lxw_col_t(index), fitted, nil), "setting a column width")
        }
        if !sheet.columns.isEmpty {
            let lastRow = lxw_row_t(max(rowsInSheet - 1, 0))
            try check(worksheet_autofilter(sheet.worksheet, 0, 0, lastRow, lxw_col_t(sheet.columns.count - 1)), "setting the autofilter")
        }
    }

    // MARK: - Cells

    /// Excel's limit for a cell's text; longer text (none a survey holds) is cut there.
    static let maxCellCharacters = 32_767

    private static func fitting(_ text: String) -> String {
        text.unicodeScalars.count <= maxCellCharacters ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxCellCharacters)))
    }

    /// About how many characters Excel shows for a number in this format.
    private static func shownWidth(_ value: Double, _ format: WorkbookContent.NumberFormat) -> Int {
        let digits = String(Int(abs(value).rounded(.down))).count + (value < 0 ? 1 : 0)
        switch format {
        case .general: return "\(value)".count
        case .integer: return digits + (digits - 1) / 3
        case .decimals(let places): return digits + 1 + places
        case .percent(let places): return String(Int(abs(value * 100))).count + 2 + places
        case .date: return 10
        }
    }

    // MARK: - Errors

    private func check(_ error: lxw_error, _ doing: String) throws(WorkbookError) {
        if error != LXW_NO_ERROR { throw failure(error, doing: doing) }
    }

    private func failure(_ error: lxw_error, doing: String) -> WorkbookError {
        WorkbookError.library(error, path: path, doing: doing)
    }

    private func closedError() -> WorkbookError {
        WorkbookError(path: path, reason: "the workbook was already closed", advice: "report this with the command that gave it")
    }
}
