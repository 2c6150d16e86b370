import Foundation
import PikirModel

/// The warehouse's normalised (redacted) responses written to a file: what
/// `pikir export` and a pipeline's export stage both run.
public enum ResponseExport {
    public typealias Format = ExportFormat

    /// Streams the responses as `format` to `path` (`-`: standard output),
    /// written whole, then moved into place; returns the bytes written.
    ///
    /// The file is opened before the warehouse is read, so an unwritable
    /// path fails first. Throws ``OutputError`` when it cannot be written.
    @discardableResult
    public static func write(_ warehouse: any Warehouse, as format: Format, to path: String, createFolders: Bool = false) throws -> Int {
        let file = try OutputFile(path, createFolders: createFolders)
        defer { file.discard() }
        var failure: OutputError?, bytes = 0
        try warehouse.writeExport(format) { text in
            guard failure == nil else { return }
            do throws(OutputError) { try file.write(text) } catch { failure = error }
            bytes += text.utf8.count
        }
        if let failure { throw failure }
        try file.commit()
        return bytes
    }
}
