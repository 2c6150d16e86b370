import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `pikir run` killed with SIGKILL at several points of each stage: no final
/// output is ever half written, and the next run ends in exactly the state a
/// run that was never killed leaves.
@Suite(.serialized)
struct RunKillTests {
    /// Where to kill: a time after the start, or the moment a log line appears (plus a delay).
    enum KillPoint: Sendable, CustomTestStringConvertible {
        case after(Double)
        case logged(String, Double)

        var testDescription: String {
            switch self {
            case .after(let seconds): "\(seconds) s after the start"
            case .logged(let marker, let seconds): "\(seconds) s after '\(marker)'"
            }
        }
    }

    /// Generated exports beside the samples, so that each stage takes a
    /// noticeable time (debug build, two cores: ingest ≈ 1 s, export ≈ 0.5 s).
    static let bulk = 3, bulkRows = 3_000

    /// Kills the child at `point`; returns the stage it was in.
    private func killChild(_ child: RunChild, at point: KillPoint) -> String {
        switch point {
        case .after(let seconds):
            child.waitUntil(seconds)
        case .logged(let marker, let seconds):
            let seen = child.waitFor(marker)
            #expect(seen, "the run never logged '\(marker)':\n\(child.stderr)")
            if seconds > 0 { usleep(useconds_t(seconds * 1_000_000)) }
        }
        let stage = child.lastStage
        let wasRunning = child.killNow()
        return wasRunning ? stage : "(had already finished)"
    }

    /// After a kill: every final output and manifest present is whole, and
    /// (the inputs being the same) equal to what the uninterrupted run wrote.
    private func checkNothingHalfWritten(_ workspace: RunWorkspace, expected: [String: Data], allowStale: Bool, point: KillPoint) {
        for (relative, data) in workspace.outputState() {
            #expect(RunFiles.wholeness(relative, data) == nil, "after a kill at \(point.testDescription): \(relative) \(RunFiles.wholeness(relative, data) ?? "")")
            if !allowStale {
                #expect(data == expected[relative], "after a kill at \(point.testDescription): \(relative) differs from a clean run's")
            }
        }
        for stage in RunWorkspace.stages {
            guard let data = FileManager.default.contents(atPath: workspace.path("manifests/\(stage).json")) else { continue }
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "after a kill at \(point.testDescription): manifests/\(stage).json is not JSON")
        }
    }

    /// Resumes after a kill and compares with `expected`.
    private func resume(_ workspace: RunWorkspace, killed: RunChild, stage: String, expected: RunCleanCache.State, point: KillPoint) throws {
        let resumed = try workspace.run("run")
        #expect(resumed.status == 0, "the run after a kill at \(point.testDescription) (in \(stage)) failed:\n\(resumed)")
        // A stage that had finished (its manifest written) is not run again.
        for name in RunWorkspace.stages where killed.stderr.contains("pikir run: \(name): done in") {
            #expect(resumed.stderr.contains("pikir run: \(name): unchanged since its last run; skipped"),
                    "\(name) had finished before the kill; the resumed run should skip it:\n\(resumed.stderr)")
        }
        let differences = RunCompare.differences(workspace.outputState(), expected.outputs)
        #expect(differences.isEmpty, "killed at \(point.testDescription) (in \(stage)), then resumed: outputs differ:\n\(RunCompare.describe(differences))")
        #expect(try workspace.warehouseState() == expected.warehouse, "killed at \(point.testDescription) (in \(stage)), then resumed: the warehouse differs")
        let leftovers = RunFiles.list(workspace.output).filter { !$0.hasPrefix("manifests/") && !RunWorkspace.outputs.contains($0) }
        // The killed run's temporary files are gone: the resumed run removes those of processes that no longer run.
        #expect(leftovers.isEmpty, "temporary files left after the kill at \(point.testDescription) and a resumed run: \(leftovers)")
        // And a third run has nothing to do.
        let again = try workspace.run("run")
        #expect(again.status == 0 && again.stderr.contains("0 outputs written"), "after the resumed run, another should do nothing:\n\(again)")
    }

    // MARK: - a first run killed

    private static func cleanFirstRun() throws -> RunCleanCache.State {
        try RunCleanCache.shared.state("kill: first run") {
            try withTemporaryDirectory { dir in
                let clean = try RunWorkspace.make(in: dir, bulk: bulk, bulkRows: bulkRows)
                let started = Date()
                let run = try clean.run("run")
                #expect(run.status == 0, "\(run)")
                print("RunKillTests: a clean first run took \(String(format: "%.2f", Date().timeIntervalSince(started))) s:\n\(run.stderr)")
                return RunCleanCache.State(outputs: clean.outputState(), warehouse: try clean.warehouseState())
            }
        }
    }

    @Test(arguments: [
        KillPoint.after(0.05), .after(0.15), .after(0.3), .after(0.6), .after(1.0),
        .logged("ingest: 18 files:", 0), .logged("ingest: done", 0), .logged("ingest: done", 0.05),
        .logged("aggregate: done", 0), .logged("aggregate: done", 0.1),
        .logged("render: done", 0), .logged("render: done", 0.2),
    ])
    func aKilledFirstRunResumesToTheCleanState(at point: KillPoint) throws {
        let clean = try Self.cleanFirstRun()
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir, bulk: Self.bulk, bulkRows: Self.bulkRows)
            let child = try RunChild(["run", workspace.pipeline], in: dir, scratch: dir)
            let stage = killChild(child, at: point)
            print("RunKillTests: first run killed at \(point.testDescription), in \(stage)")
            checkNothingHalfWritten(workspace, expected: clean.outputs, allowStale: false, point: point)
            try resume(workspace, killed: child, stage: stage, expected: clean, point: point)
        }
    }

    // MARK: - an incremental run killed

    /// New exports for the incremental runs: two more generated files and the Karaganda one.
    private static func addExports(_ workspace: RunWorkspace) throws {
        for seed in [10, 11] {
            try workspace.input.writeFile("bulk-new-\(seed).csv", text: RunBulk.export(rows: bulkRows, seed: seed))
        }
        try workspace.input.writeFile("2023-03-15_karaganda_new_ru.csv", text: RunBulk.karaganda2023)
    }

    /// The state after a first run, then new exports and a second run, never killed.
    private static func uninterruptedIncremental() throws -> RunCleanCache.State {
        try RunCleanCache.shared.state("kill: incremental") {
            try withTemporaryDirectory { dir in
                let workspace = try RunWorkspace.make(in: dir, bulk: bulk, bulkRows: bulkRows)
                try workspace.runClean()
                try addExports(workspace)
                let started = Date()
                let run = try workspace.runClean()
                print("RunKillTests: an incremental run (3 new exports) took \(String(format: "%.2f", Date().timeIntervalSince(started))) s:\n\(run.stderr)")
                return RunCleanCache.State(outputs: workspace.outputState(), warehouse: try workspace.warehouseState())
            }
        }
    }

    @Test(arguments: [
        KillPoint.after(0.1), .after(0.3), .logged("ingest: 21 files:", 0), .logged("ingest: done", 0.05),
        .logged("aggregate: done", 0.05), .logged("render: done", 0.1),
    ])
    func aKilledIncrementalRunResumesToTheUninterruptedState(at point: KillPoint) throws {
        let expected = try Self.uninterruptedIncremental()
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir, bulk: Self.bulk, bulkRows: Self.bulkRows)
            try workspace.runClean()
            try Self.addExports(workspace)
            let child = try RunChild(["run", workspace.pipeline], in: dir, scratch: dir)
            let stage = killChild(child, at: point)
            print("RunKillTests: incremental run killed at \(point.testDescription), in \(stage)")
            // Outputs from before the run may remain: whole, but not yet redrawn.
            checkNothingHalfWritten(workspace, expected: expected.outputs, allowStale: true, point: point)
            try resume(workspace, killed: child, stage: stage, expected: expected, point: point)
        }
    }

    // MARK: - a rebuild killed

    /// The state after a first run, then a registry change and a second run, never killed.
    private static func uninterruptedRebuild() throws -> RunCleanCache.State {
        try RunCleanCache.shared.state("kill: rebuild") {
            try withTemporaryDirectory { dir in
                let workspace = try RunWorkspace.make(in: dir, bulk: bulk, bulkRows: bulkRows)
                try workspace.runClean()
                try changeRegistry(workspace)
                try workspace.runClean()
                return RunCleanCache.State(outputs: workspace.outputState(), warehouse: try workspace.warehouseState())
            }
        }
    }

    /// "Айгерим" becomes an alias of T02.
    private static func changeRegistry(_ workspace: RunWorkspace) throws {
        let path = workspace.registries.appendingPathComponent("trainers.csv").path
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "Жұмабекова А.\n", with: "Жұмабекова А.|Айгерим\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test(arguments: [KillPoint.logged("rebuilding the warehouse", 0.1), .logged("rebuilding the warehouse", 0.5), .logged("ingest: 18 files:", 0)])
    func aKilledRebuildKeepsTheOldWarehouseAndResumes(at point: KillPoint) throws {
        let expected = try Self.uninterruptedRebuild()
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir, bulk: Self.bulk, bulkRows: Self.bulkRows)
            try workspace.runClean()
            let old = try workspace.warehouseState()
            try Self.changeRegistry(workspace)
            let child = try RunChild(["run", workspace.pipeline], in: dir, scratch: dir)
            let stage = killChild(child, at: point)
            print("RunKillTests: rebuild killed at \(point.testDescription), in \(stage)")
            // The warehouse is the old one or the whole new one, never a mix.
            let now = try workspace.warehouseState()
            #expect(now == old || now == expected.warehouse, "after a kill during the rebuild the warehouse is neither the old nor the new one")
            checkNothingHalfWritten(workspace, expected: expected.outputs, allowStale: true, point: point)
            try resume(workspace, killed: child, stage: stage, expected: expected, point: point)
        }
    }
}
