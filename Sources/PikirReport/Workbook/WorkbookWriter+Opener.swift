import Foundation

/// The report code's view of a `WorkbookWriter`: sheets and rows go in, and
/// closing writes the file.
struct LibxlsxWorkbookFile: WorkbookFile {
    let writer: WorkbookWriter

    mutating func sheet(_ sheet: WorkbookContent.Sheet) throws { _ = try writer.sheet(sheet) }
    mutating func row(_ cells: [WorkbookContent.Cell]) throws { try writer.row(cells) }
    mutating func close() throws { try writer.close() }
}

extension WorkbookWriter {
    /// Opens report workbooks with libxlsxwriter, dated `generatedAt`'s day
    /// (else the constant date), so the same report gives the same bytes.
    public static func opener(generatedAt: String?) -> WorkbookOpener {
        let created = creationDate(generatedAt: generatedAt)
        return { path in LibxlsxWorkbookFile(writer: try WorkbookWriter(path: path, created: created)) }
    }
}
