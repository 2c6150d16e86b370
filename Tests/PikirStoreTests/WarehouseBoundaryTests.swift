import Foundation
import Testing

/// The warehouse's storage engine stays behind PikirModel's `Warehouse` and
/// `WarehouseLocation`: only Sources/PikirStore knows it is SQLite (through
/// GRDB), so another warehouse plugs in there and nowhere else.
struct WarehouseBoundaryTests {
    static let words = ["import GRDB", "sqlite3_", "-wal", "-shm"]

    @Test func noSourceOutsidePikirStoreKnowsTheWarehouseIsSQLite() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("PikirStore/") }
        #expect(files.count > 100, "the sources were found")
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for word in Self.words where text.contains(word) { found.append("\(file): \(word)") }
        }
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aggregationAndReportsDependOnTheModelNotTheStore() throws {
        let manifest = try String(contentsOf: repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        for target in ["PikirAggregate", "PikirReport"] {
            let start = try #require(manifest.range(of: "name: \"\(target)\",", options: .backwards))  // the target, after its product
            let declaration = manifest[start.upperBound...].prefix { $0 != ")" }
            #expect(declaration.contains("\"PikirModel\""), "\(target)")
            #expect(!declaration.contains("\"PikirStore\""), "\(target)")
        }
    }
}
