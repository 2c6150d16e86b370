import Foundation

/// The formats a report is written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, html, pdf, xlsx
}

/// Documents to files, in each ``ReportFormat``: what `pikir report` and a
/// pipeline's render stage both write with.
///
/// Every format is written whole, then moved into place (``OutputFile``); a
/// PDF is the HTML printed by headless Chromium.
public struct ReportWriter: Sendable {
    /// A folder of `.mustache` templates replacing the built-in ones; read
    /// only when HTML or PDF is written, so a text report never needs them.
    public var templates: String?
    /// ANSI colours in text (for a terminal).
    public var colour: Bool
    /// Whether missing folders on an output path are made.
    public var createFolders: Bool
    /// What writes an .xlsx file (`WorkbookWriter` by default); nil, a workbook is refused.
    public var workbook: WorkbookOpener?

    public init(templates: String? = nil, colour: Bool = false, createFolders: Bool = false,
                workbook: WorkbookOpener? = WorkbookWriter.opener(generatedAt: nil)) {
        self.templates = templates
        self.colour = colour
        self.createFolders = createFolders
        self.workbook = workbook
    }

    /// Writes `document` as `format` to `path` (`-`: standard output) and
    /// returns the bytes written.
    ///
    /// Throws ``OutputError`` when the file cannot be written,
    /// ``PDFPrinter/Failure`` when Chromium cannot print, and ``ReportError``
    /// when the templates cannot be read or no workbook writer was given.
    @discardableResult
    public func write(_ document: Document, as format: ReportFormat, to path: String) throws -> Data {
        switch format {
        case .text:
            return try write(Data(TextRenderer(colour: colour).render(document).utf8), to: path)
        case .html:
            return try write(Data(html(document).utf8), to: path)
        case .pdf:
            return try write(PDFPrinter.pdf(html: html(document)), to: path)
        case .xlsx:
            guard let workbook else { throw ReportError("this pikir was built without the .xlsx writer; use --format html, text or pdf") }
            return try ReportWorkbook.write(document, to: path, createFolders: createFolders, open: workbook)
        }
    }

    private func html(_ document: Document) throws -> String {
        try HTMLRenderer(overrides: templates).render(document)
    }

    private func write(_ data: Data, to path: String) throws(OutputError) -> Data {
        try OutputFile.write(data, to: path, createFolders: createFolders)
        return data
    }
}
