import Foundation
import PikirEngine
import PikirModel
import Testing
@testable import PikirStore

/// What is done to a warehouse as a whole, through its `WarehouseLocation`:
/// the run lock, and a rebuild made beside it then swapped in.
struct WarehouseLocationTests {
    static func ingest(_ paths: [String], into location: any WarehouseLocation) throws {
        let warehouse = try location.open(.write)
        let reports = Ingestor(warehouse: warehouse).ingest(paths: paths, parallelism: 2)
        #expect(reports.allSatisfy { $0.status == .ingested }, "\(reports.map { $0.message ?? "" })")
        try warehouse.settle()
    }

    @Test func aRebuildReplacesTheWarehouseWholeAndLeavesNothingBehind() throws {
        let dir = scratchDirectory()
        let location = WarehouseLocations.at(dir.appendingPathComponent("pikir.sqlite").path)
        let (almaty, astana) = (sampleFiles()[0], sampleFiles()[1])
        try Self.ingest([almaty], into: location)
        // The old warehouse still open with a log beside it, as a reader may hold it.
        let old = try location.open(.write)
        _ = try old.ledger()

        let staged = try location.staging()
        #expect(!staged.exists)
        try Self.ingest([astana], into: staged)
        try location.replace(with: staged)

        let ledger = try location.open(.read).ledger().map { URL(fileURLWithPath: $0.path).lastPathComponent }
        #expect(ledger == [URL(fileURLWithPath: astana).lastPathComponent])
        #expect(!staged.exists)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("rebuild") }
        #expect(left.isEmpty, "\(left)")
        withExtendedLifetime(old) {}
    }

    @Test func stagingClearsWhatAnEarlierRebuildLeft() throws {
        let dir = scratchDirectory()
        let location = SQLiteFile(path: dir.appendingPathComponent("pikir.sqlite").path)
        try Self.ingest([sampleFiles()[0]], into: SQLiteFile(path: location.path + ".rebuild"))
        let staged = try location.staging()
        #expect(!staged.exists)
        #expect(try staged.open(.write).ledger().isEmpty)
    }

    @Test func oneRunAtATime() throws {
        let location = WarehouseLocations.at(scratchDirectory().appendingPathComponent("pikir.sqlite").path)
        var first: AnyObject? = try location.lock()
        #expect(throws: LockedError.self) { _ = try location.lock() }
        first = nil
        let second = try location.lock()
        withExtendedLifetime((first, second)) {}
    }

    @Test func theDefaultIsPikirDBElseTheFileHere() {
        #expect(WarehouseLocations.defaultAddress(environment: [:]) == "pikir.sqlite")
        #expect(WarehouseLocations.defaultAddress(environment: ["PIKIR_DB": ""]) == "pikir.sqlite")
        #expect(WarehouseLocations.defaultAddress(environment: ["PIKIR_DB": "/srv/pikir/warehouse.sqlite"]) == "/srv/pikir/warehouse.sqlite")
    }
}
