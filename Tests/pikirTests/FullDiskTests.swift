import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `pikir ingest` and `pikir run` with the warehouse on a full disk: they
/// used to wait forever (the writer waiting for a reader that waited for
/// room), holding the run lock. Now they end within seconds, exit 1, say
/// "no space left on device" with the path, and leave the warehouse as it was.
@Suite(.serialized, .enabled(if: SmallDisk.available, "mounting a 2 MB tmpfs needs root (WarehouseWriteFailureTests covers the writer without it)"))
struct FullDiskTests {
    @Test func ingestOnAFullDiskStopsAtOnceAndLeavesTheWarehouseAsItWas() throws {
        try withTemporaryDirectory { dir in
            let disk = dir.appendingPathComponent("small")
            #expect(SmallDisk.mount(disk, megabytes: 2))
            defer { SmallDisk.unmount(disk) }
            let db = disk.appendingPathComponent("pikir.sqlite").path
            let small = try dir.writeFile("a-small.csv", text: IngestDurabilityTests.bigExport(rows: 300, seed: 1))
            let big = try dir.writeFile("b-big.csv", text: IngestDurabilityTests.bigExport(rows: 20_000, seed: 2))
            let bigger = try dir.writeFile("c-big.csv", text: IngestDurabilityTests.bigExport(rows: 20_000, seed: 3))
            let last = try dir.writeFile("d-small.csv", text: IngestDurabilityTests.bigExport(rows: 30, seed: 4))
            let first = try PikirBinary.run("ingest", "--db", db, small)
            try #require(first.status == 0, "\(first)")
            let before = try state(db)

            let start = Date()
            let run = try PikirBinary.run(["ingest", "--db", db, big, bigger, last], timeout: 60)
            let seconds = Date().timeIntervalSince(start)
            #expect(run.status == 1, "\(run)")
            #expect(seconds < 30, "took \(seconds) s")
            #expect(run.stdout.contains("\(big): FAILED: \(db): no space left on device"), "\(run)")
            #expect(run.stdout.contains("this file was rolled back and the 2 files after it were not ingested"), "\(run)")
            #expect(run.stdout.contains("\(bigger): FAILED: not ingested: the run stopped at \(big)"), "\(run)")
            #expect(run.stdout.contains("\(last): FAILED: not ingested"), "\(run)")
            #expect(run.stderr.hasPrefix("pikir: \(db): no space left on device"), "\(run)")
            #expect(run.stderr.contains("free some space"), "\(run)")
            #expect(try state(db) == before)
        }
    }

    @Test func aPipelineRunOnAFullDiskFailsTheStageAndLetsGoOfItsLock() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            let disk = dir.appendingPathComponent("warehouse")
            // Room for the sample warehouse and its log (64 KiB pages), not for 100,000 more rows.
            #expect(SmallDisk.mount(disk, megabytes: 8))
            defer { SmallDisk.unmount(disk) }
            try workspace.runClean()
            let before = try workspace.warehouseState()
            try workspace.input.writeFile("z-big.csv", text: IngestDurabilityTests.bigExport(rows: 100_000, seed: 9))

            let start = Date()
            let run = try PikirBinary.run(["run", workspace.pipeline], in: dir, timeout: 60)
            let seconds = Date().timeIntervalSince(start)
            #expect(run.status == 1, "\(run)")
            #expect(seconds < 30, "took \(seconds) s")
            #expect(run.stderr.contains("\(workspace.warehouse): no space left on device"), "\(run)")
            #expect(try workspace.warehouseState() == before)
            #expect(!FileManager.default.fileExists(atPath: workspace.warehouse + ".rebuild"))

            // The lock is free: the next run is not turned away (75), it meets the same full disk.
            let again = try PikirBinary.run(["run", workspace.pipeline], in: dir, timeout: 60)
            #expect(again.status == 1, "\(again)")
        }
    }

    /// What the warehouse holds: its responses, rejects and ledger, as pikir reads them.
    private func state(_ db: String) throws -> String {
        var out = ""
        for arguments in [["export", "--format", "csv"], ["rejects", "--format", "csv"]] {
            let run = try PikirBinary.run(arguments + ["--db", db])
            #expect(run.status == 0, "\(run)")
            out += run.stdout + "\n"
        }
        return out
    }
}
