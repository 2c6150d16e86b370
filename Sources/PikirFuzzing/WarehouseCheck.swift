import Foundation
import PikirEngine
import PikirIngest
import PikirStore

/// The warehouse's promises on any export, checked on one input: the file
/// is ingested into a new warehouse, its counts balance and equal what the
/// reader and normaliser found on their own, and the warehouse holds exactly
/// the responses and rejects it reported.
public enum WarehouseCheck {
    public static func check(_ bytes: UnsafeRawBufferPointer) throws {
        let path = try ScratchFile.write(bytes)
        try check(path: path)
    }

    public static func check(path: String) throws {
        let expected = try ExportCheck.outcome(path: path)
        // A warehouse of its own: the regression tests check inputs in parallel.
        let location = SQLiteFile(path: "\(ScratchFile.path).\(UUID().uuidString).sqlite")
        location.remove()
        defer { location.remove() }
        let warehouse = try location.open(.write)
        let ingestor = Ingestor(warehouse: warehouse, settings: ExportCheck.settings)
        let report = ingestor.ingest(paths: [path], parallelism: 2)[0]
        guard let expected else {
            if report.status == .ingested {
                throw ExportCheck.Violation(description: "ingested a file the reader could not read")
            }
            return
        }
        if report.status == .failed {
            // Only a file pikir cannot map (no header, no question it knows) fails as a whole.
            guard expected.setupError != nil else {
                throw ExportCheck.Violation(description: "the file failed although a normaliser could be made for it: \(report.message ?? "")")
            }
            return
        }
        guard expected.setupError == nil else {
            throw ExportCheck.Violation(description: "ingested a file whose columns map to nothing: \(expected.setupError!)")
        }
        guard report.balances else {
            throw ExportCheck.Violation(description: "ingest report does not balance: \(report)")
        }
        let normaliseRejects = expected.normalised.filter { $0 != "response" }.count
        let responses = expected.normalised.count - normaliseRejects
        guard report.ignored == expected.ignored.count,
              report.rejected == expected.rejects.count + normaliseRejects,
              report.accepted + report.duplicates == responses else {
            throw ExportCheck.Violation(description: "ingest counted accepted \(report.accepted) + duplicates \(report.duplicates), rejected \(report.rejected), ignored \(report.ignored); the reader and normaliser found \(responses) responses, \(expected.rejects.count) + \(normaliseRejects) rejects, \(expected.ignored.count) ignored")
        }
        var stored = 0
        try warehouse.forEachResponse { _ in stored += 1 }
        let rejects = try warehouse.rejects().count
        guard stored == report.accepted, rejects == report.rejected else {
            throw ExportCheck.Violation(description: "the warehouse holds \(stored) responses and \(rejects) rejects; the report says \(report.accepted) and \(report.rejected)")
        }
    }
}
