import Foundation
import Testing

/// One run at a time per warehouse: a second `pikir run` on the same
/// warehouse exits 75 with a message naming it, and the first finishes as a
/// clean run would.
@Suite(.serialized)
struct RunConcurrencyTests {
    static let bulk = 3, bulkRows = 3_000

    private static func cleanState() throws -> RunCleanCache.State {
        try RunCleanCache.shared.state("concurrency: first run") {
            try withTemporaryDirectory { dir in
                let clean = try RunWorkspace.make(in: dir, bulk: bulk, bulkRows: bulkRows)
                try clean.runClean()
                return RunCleanCache.State(outputs: clean.outputState(), warehouse: try clean.warehouseState())
            }
        }
    }

    private func checkRefusal(_ stderr: String, status: Int32, _ workspace: RunWorkspace) {
        #expect(status == 75, "the second run should exit 75 (EX_TEMPFAIL), got \(status):\n\(stderr)")
        #expect(stderr.contains(workspace.warehouse), "the message should name the warehouse:\n\(stderr)")
        #expect(stderr.contains("another pikir run"), "the message should say another pikir run holds it:\n\(stderr)")
    }

    @Test func twoRunsStartedTogetherOneWinsAndTheStateIsClean() throws {
        let clean = try Self.cleanState()
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir, bulk: Self.bulk, bulkRows: Self.bulkRows)
            let first = try RunChild(["run", workspace.pipeline], in: dir, scratch: dir)
            let second = try RunChild(["run", workspace.pipeline], in: dir, scratch: dir)
            let statuses = [first.wait(), second.wait()]
            print("RunConcurrencyTests: two runs at once exited \(statuses)")
            if statuses.sorted() == [0, 75] {
                let loser = statuses[0] == 75 ? first : second
                checkRefusal(loser.stderr, status: 75, workspace)
                #expect(loser.stdout.isEmpty, "the refused run wrote nothing to stdout:\n\(loser.stdout)")
            } else {
                #expect(statuses == [0, 0], "one run exits 0 and the other 75 (or both 0 if they did not overlap): \(statuses)\n--- first\n\(first.stderr)\n--- second\n\(second.stderr)")
            }
            let differences = RunCompare.differences(workspace.outputState(), clean.outputs)
            #expect(differences.isEmpty, "after two runs at once the outputs differ from a clean run:\n\(RunCompare.describe(differences))")
            #expect(try workspace.warehouseState() == clean.warehouse, "after two runs at once the warehouse differs from a clean run's")
        }
    }

    @Test func aRunStartedWhileAnotherHoldsTheWarehouseExits75AndTouchesNothing() throws {
        let clean = try Self.cleanState()
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir, bulk: Self.bulk, bulkRows: Self.bulkRows)
            let first = try RunChild(["run", workspace.pipeline], in: dir, scratch: dir)
            // The first holds the lock once it has logged anything.
            #expect(first.waitFor("pikir run: ingest: creating the warehouse"), "\(first.stderr)")
            let second = try workspace.run("run")
            // Still running once the second has ended: it held the lock all along.
            if first.process.isRunning {
                checkRefusal(second.stderr, status: second.status, workspace)
                #expect(second.stdout.isEmpty)
            } else {
                print("RunConcurrencyTests: the first run ended before the second did (machine too fast?); the second exited \(second.status)")
                #expect([0, 75].contains(second.status), "\(second)")
            }
            // With JSON logs the refusal is a JSON error line too.
            let json = try workspace.run("run", "--log-format", "json")
            if first.process.isRunning {
                #expect(json.status == 75, "\(json)")
                let objects = RunJSONLog.lines(json.stderr).compactMap(\.object)
                #expect(objects.contains { $0["level"] as? String == "error" && ($0["message"] as? String ?? "").contains("another pikir run") },
                        "the refusal as a JSON line:\n\(json.stderr)")
            }
            #expect(first.wait() == 0, "the first run:\n\(first.stderr)")
            let differences = RunCompare.differences(workspace.outputState(), clean.outputs)
            #expect(differences.isEmpty, "the refused run disturbed the first:\n\(RunCompare.describe(differences))")
            #expect(try workspace.warehouseState() == clean.warehouse)
        }
    }

    @Test func theLockIsPerWarehouse() throws {
        try withTemporaryDirectory { dir in
            // Two pipelines with their own warehouses run at once, both to the end.
            let one = try RunWorkspace.make(in: dir.appendingPathComponent("one"), bulk: 1, bulkRows: 2_000)
            let two = try RunWorkspace.make(in: dir.appendingPathComponent("two"), bulk: 1, bulkRows: 2_000)
            let a = try RunChild(["run", one.pipeline], in: one.root, scratch: dir)
            let b = try RunChild(["run", two.pipeline], in: two.root, scratch: dir)
            #expect(a.wait() == 0, "\(a.stderr)")
            #expect(b.wait() == 0, "\(b.stderr)")
            #expect(one.outputState() == two.outputState(), "the same inputs give the same outputs")
        }
    }

    @Test func aLockLeftByAKilledRunDoesNotBlockTheNext() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir, bulk: 1, bulkRows: 2_000)
            let child = try RunChild(["run", workspace.pipeline], in: dir, scratch: dir)
            #expect(child.waitFor("pikir run: ingest:"), "\(child.stderr)")
            child.killNow()
            #expect(FileManager.default.fileExists(atPath: workspace.warehouse + ".lock"), "the lock file stays after a kill")
            let next = try workspace.run("run")
            #expect(next.status == 0, "the flock dies with the process; the next run goes ahead:\n\(next)")
        }
    }
}
