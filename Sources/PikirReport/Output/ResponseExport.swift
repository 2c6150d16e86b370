import Foundation
import PikirModel

/// The warehouse's normalised (redacted) responses written to a file: what
/// `pikir export` and a pipeline's export stage both run.
public enum ResponseExport {
    /// The text formats (``ExportFormat``, written by the warehouse) and a workbook.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, xlsx

        var text: ExportFormat? { ExportFormat(rawValue: rawValue) }
    }

    /// Streams the responses as `format` to `path` (`-`: standard output;
    /// xlsx needs a file), written whole, then moved into place; returns
    /// the bytes written.
    ///
    /// The file is opened before the warehouse is read, so an unwritable
    /// path fails first. Throws ``OutputError`` (``WorkbookError`` for
    /// xlsx) when it cannot be written.
    @discardableResult
    public static func write(_ warehouse: any Warehouse, as format: Format, to path: String, createFolders: Bool = false) throws -> Int {
        guard let text = format.text else {
            return try ResponseWorkbook.write(warehouse, to: path, createFolders: createFolders)
        }
        let file = try OutputFile(path, createFolders: createFolders)
        defer { file.discard() }
        var failure: OutputError?, bytes = 0
        try warehouse.writeExport(text) { text in
            guard failure == nil else { return }
            do throws(OutputError) { try file.write(text) } catch { failure = error }
            bytes += text.utf8.count
        }
        if let failure { throw failure }
        try file.commit()
        return bytes
    }
}
