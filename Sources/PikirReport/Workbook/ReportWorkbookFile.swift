import Foundation

/// A workbook file being written: `WorkbookWriter` (libxlsxwriter) opened at a
/// path, given the sheets and rows, then closed, which writes the file.
public protocol WorkbookFile: WorkbookSink {
    mutating func close() throws
}

/// Opens a workbook file at a path; the report code stays apart from the library that writes it.
public typealias WorkbookOpener = @Sendable (_ path: String) throws -> any WorkbookFile

extension ReportWorkbook {
    /// `document`'s workbook, its sheet names and headers in the document's language.
    public init(_ document: Document) {
        self.init(document, catalogue: Catalogue.load(Language(rawValue: document.language) ?? .kk))
    }

    /// Writes `document` as a workbook to `path` and returns its bytes. The
    /// library writes a file of its own, in a temporary folder; its bytes then
    /// go through ``OutputFile`` like every output (written whole, then moved
    /// into place), so a failure leaves the old file and the manifest can hash them.
    @discardableResult
    public static func write(_ document: Document, to path: String, createFolders: Bool = false, open: WorkbookOpener) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.xlsx")
        var workbook = try open(file.path)
        try ReportWorkbook(document).write(to: &workbook)
        try workbook.close()
        let data = try Data(contentsOf: file)
        try OutputFile.write(data, to: path, createFolders: createFolders)
        return data
    }
}
