import Foundation
import PikirModel

/// `pikir export --format xlsx`: every stored response, in the CSV export's
/// columns and order; scores and numbers as numbers, the session date as an
/// Excel date, everything else as text (never parsed: a comment that starts
/// with `=` stays a comment). Past a sheet's 1,048,576 rows the responses
/// continue on "Responses 2", and standard error says so.
enum ResponseWorkbook {
    static let sheetName = "Responses"

    /// Returns the workbook's size in bytes.
    static func write(_ warehouse: any Warehouse, to path: String, createFolders: Bool) throws -> Int {
        try write(responses: warehouse.forEachResponse, to: path, createFolders: createFolders)
    }

    /// `responses` calls its body with each response's exported values, as ``Warehouse/forEachResponse(_:)`` does.
    static func write(responses: (([String?]) throws -> Void) throws -> Void, to path: String, createFolders: Bool,
                      rowLimit: Int = WorkbookWriter.maxRows,
                      note: (String) -> Void = { FileHandle.standardError.write(Data("pikir: \($0)\n".utf8)) }) throws -> Int {
        let writer = try WorkbookWriter(path: path, created: WorkbookWriter.constantCreated, createFolders: createFolders, rowLimit: rowLimit)
        let columns = ResponseColumn.exported
        let sheet = WorkbookContent.Sheet(name: sheetName, columns: columns.map { WorkbookContent.Column($0.exportName!) })
        let kinds = columns.map(Kind.init)
        try writer.sheet(sheet)
        var sheets = 1, written = 0
        var cells = [WorkbookContent.Cell](repeating: .empty, count: columns.count)
        try responses { values in
            if writer.rowsLeft == 0 {
                sheets += 1
                try writer.sheet(WorkbookContent.Sheet(name: "\(sheetName) \(sheets)", columns: sheet.columns))
            }
            for (index, value) in values.enumerated() where index < cells.count {
                cells[index] = kinds[index].cell(value)
            }
            try writer.row(cells)
            written += 1
        }
        try writer.close()
        if sheets > 1 {
            note("\(path): \(written) responses do not fit one Excel sheet (\(rowLimit - 1) rows each): "
                 + "they continue on \((2...sheets).map { "\"\(sheetName) \($0)\"" }.joined(separator: ", "))")
        }
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// How an exported column's text becomes a cell.
    enum Kind {
        case text, number, day

        init(_ column: ResponseColumn) {
            self = column == .sessionDate ? .day : column.exportsNumber ? .number : .text
        }

        func cell(_ value: String?) -> WorkbookContent.Cell {
            guard let value else { return .empty }
            switch self {
            case .text: return .text(value)
            case .number: return Double(value).map { .number($0, .general) } ?? .text(value)
            case .day: return WorkbookContent.Cell.day(iso: value) ?? .text(value)
            }
        }
    }
}
