import Foundation
import Testing

/// `--force`, `--dry-run` and `--stage`.
@Suite(.serialized)
struct RunFlagTests {
    @Test func forceRerunsEveryStageAndRewritesEveryOutput() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            let times = workspace.outputTimes()
            let bytes = workspace.outputState()
            let warehouse = try workspace.warehouseState()

            let run = try workspace.runClean("--force")
            #expect(!run.stderr.contains("skipped"), "--force skips nothing:\n\(run.stderr)")
            #expect(run.stderr.contains("rebuilding the warehouse") && run.stderr.contains("15 files: 15 ingested"), "--force reads every export again:\n\(run.stderr)")
            #expect(run.stderr.contains("11 outputs written, 0 unchanged"), "\(run.stderr)")
            let after = workspace.outputTimes()
            for relative in RunWorkspace.outputs + RunWorkspace.stages.map({ "manifests/\($0).json" }) {
                #expect(after[relative] != nil && after[relative] != times[relative], "--force should rewrite \(relative)")
            }
            #expect(workspace.outputState() == bytes, "the same inputs give the same bytes")
            #expect(try workspace.warehouseState() == warehouse)
        }
    }

    @Test func dryRunSaysWhatWouldRunAndWritesNothing() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            try workspace.input.writeFile("2023-03-15_karaganda_new_ru.csv", text: RunBulk.karaganda2023)
            let listing = workspace.fileListing()
            let bytes = workspace.outputState()
            let manifests = RunWorkspace.stages.map { FileManager.default.contents(atPath: workspace.path("manifests/\($0).json")) }
            let warehouse = try workspace.warehouseState()

            let run = try workspace.runClean("--dry-run")
            #expect(run.stderr.contains("ingest: would ingest new or changed exports among 16"), "\(run.stderr)")
            #expect(run.stdout.isEmpty, "a dry run writes and lists nothing:\n\(run.stdout)")
            let after = workspace.fileListing()
            #expect(Set(after.keys) == Set(listing.keys), "a dry run created or removed files: \(Set(after.keys).symmetricDifference(listing.keys).sorted())")
            let changed = after.filter { listing[$0.key] != $0.value && !$0.key.hasPrefix("warehouse/") }.map(\.key).sorted()
            #expect(changed.isEmpty, "a dry run changed \(changed)")
            #expect(workspace.outputState() == bytes)
            #expect(RunWorkspace.stages.map { FileManager.default.contents(atPath: workspace.path("manifests/\($0).json")) } == manifests, "manifests changed")
            #expect(try workspace.warehouseState() == warehouse, "a dry run changed the warehouse's content")
            #expect(!run.stderr.contains("aggregate: unchanged since its last run; skipped"), "\(run.stderr)")
            // Which outputs depend on new exports is only known once they are read, so the
            // later stages say that they would run after the ingest.
            #expect(run.stderr.contains("aggregate: would run"), "the dry run does not say the later stages would run:\n\(run.stderr)")

            // The real run then does the work.
            let real = try workspace.runClean()
            #expect(real.stderr.contains("16 files: 1 ingested"), "\(real.stderr)")
            #expect(real.stderr.contains("5 outputs written"), "\(real.stderr)")
        }
    }

    @Test func dryRunOnAFreshPipelineWritesNothing() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            let run = try workspace.run("run", "--dry-run")
            #expect(run.stderr.contains("ingest: would rebuild the warehouse from 15 exports"), "\(run)")
            #expect(!FileManager.default.fileExists(atPath: workspace.output.path), "a dry run created the output folder")
            #expect(!FileManager.default.fileExists(atPath: workspace.warehouse), "a dry run created the warehouse")
            #expect(run.status == 0, "a dry run before the first run:\n\(run)")
            for stage in ["aggregate", "render", "export"] {
                #expect(run.stderr.contains("pikir run: \(stage): would run"), "the dry run should say \(stage) would run:\n\(run.stderr)")
            }
            let created = workspace.fileListing().keys.filter { $0 != "pipeline.toml" }.sorted()
            #expect(created.isEmpty, "a dry run created \(created) (not even the lock file)")
        }
    }

    @Test func stageRunsOnlyThatStage() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            // Only ingest: the warehouse and its manifest, no output.
            let ingest = try workspace.runClean("--stage", "ingest")
            #expect(ingest.stderr.contains("pikir run: ingest: done"), "\(ingest.stderr)")
            for stage in ["aggregate", "render", "export"] {
                #expect(!ingest.stderr.contains("pikir run: \(stage):"), "--stage ingest ran \(stage):\n\(ingest.stderr)")
                #expect(workspace.manifest(stage) == nil, "--stage ingest wrote manifests/\(stage).json")
            }
            #expect(workspace.outputState().isEmpty, "--stage ingest wrote outputs: \(workspace.outputState().keys.sorted())")
            try workspace.runClean()

            // A new export, ingested on its own; then render alone redraws the yearly report only.
            try workspace.input.writeFile("2023-03-15_karaganda_new_ru.csv", text: RunBulk.karaganda2023)
            try workspace.runClean("--stage", "ingest")
            let times = workspace.outputTimes()
            let render = try workspace.runClean("--stage", "render")
            for stage in ["ingest", "aggregate", "export"] {
                #expect(!render.stderr.contains("pikir run: \(stage):"), "--stage render ran \(stage):\n\(render.stderr)")
            }
            #expect(render.stderr.contains("render: 2 reports written, 4 unchanged"), "\(render.stderr)")
            let after = workspace.outputTimes()
            let changed = Set(after.filter { times[$0.key] != $0.value }.map(\.key))
            #expect(changed == ["reports/yearly-2023-ru.html", "reports/yearly-2023-en.html", "manifests/render.json"], "--stage render changed \(changed.sorted())")

            // The full run that follows: ingest and render have nothing left to do.
            let full = try workspace.runClean()
            #expect(full.stderr.contains("ingest: unchanged since its last run; skipped"), "\(full.stderr)")
            #expect(full.stderr.contains("render: unchanged since its last run; skipped"), "\(full.stderr)")
            #expect(full.stderr.contains("aggregate: done") && full.stderr.contains("export: done"), "\(full.stderr)")
        }
    }

    @Test func anUnknownStageIsAUsageError() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            let run = try workspace.run("run", "--stage", "publish")
            #expect(run.status == 64, "\(run)")
            #expect(run.stderr.contains("unknown stage 'publish'; valid: ingest, aggregate, render, export"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: workspace.warehouse))
        }
    }
}
