import Foundation
import Testing

/// Incremental runs: nothing changed, an export added, a registry changed, an
/// export removed. After each, the outputs must be what a clean run on the
/// same inputs writes.
@Suite(.serialized)
struct RunIncrementalTests {
    /// The state a clean run leaves on the inputs `prepare` lays out (after the samples are copied).
    private func cleanState(_ prepare: (RunWorkspace) throws -> Void) throws -> RunCleanCache.State {
        try withTemporaryDirectory { dir in
            let clean = try RunWorkspace.make(in: dir)
            try prepare(clean)
            try clean.runClean()
            return RunCleanCache.State(outputs: clean.outputState(), warehouse: try clean.warehouseState())
        }
    }

    /// Distinct files named in the export's `source_file` column.
    private func exportedFiles(_ workspace: RunWorkspace) throws -> Set<String> {
        let run = try PikirBinary.run(["export", "--db", workspace.warehouse, "--format", "csv"], in: workspace.root)
        #expect(run.status == 0, "\(run)")
        return Set(run.stdout.split(separator: "\r\n").dropFirst().compactMap { line in
            line.split(separator: ",", maxSplits: 2).dropFirst().first.map(String.init)
        })
    }

    private func written(_ run: PikirRun, _ workspace: RunWorkspace) -> Set<String> {
        let prefix = workspace.output.path + "/"
        return Set(run.stdout.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 })
    }

    // MARK: - nothing changed

    @Test func aSecondRunWithNothingChangedSkipsEveryStageAndTouchesNothing() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            let times = workspace.outputTimes()
            let bytes = workspace.outputState()
            let warehouseHash = try RunFiles.sha256sum(workspace.warehouse)

            let started = Date()
            let again = try workspace.runClean()
            let seconds = Date().timeIntervalSince(started)
            print("RunIncrementalTests: a no-op pikir run took \(String(format: "%.3f", seconds)) s (wall clock, debug build, process start included)")

            for stage in RunWorkspace.stages {
                #expect(again.stderr.contains("pikir run: \(stage): unchanged since its last run; skipped"), "\(stage) should say skipped:\n\(again.stderr)")
            }
            #expect(again.stderr.contains("0 outputs written"), "summary:\n\(again.stderr)")
            #expect(again.stdout.isEmpty, "nothing written, nothing listed:\n\(again.stdout)")
            let after = workspace.outputTimes()
            #expect(after == times, "modification times changed: \(after.filter { times[$0.key] != $0.value }.map(\.key).sorted())")
            #expect(workspace.outputState() == bytes)
            #expect(seconds < 2, "a run with nothing to do took \(seconds) s")

            #expect(try RunFiles.sha256sum(workspace.warehouse) == warehouseHash, "the warehouse file changed on a run that skipped every stage")
        }
    }

    // MARK: - an export added

    @Test func anAddedExportIsIngestedAloneAndOnlyItsOutputsAreRedrawn() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            let filesBefore = try exportedFiles(workspace)
            let times = workspace.outputTimes()
            let before = workspace.outputState()

            try workspace.input.writeFile("2023-03-15_karaganda_new_ru.csv", text: RunBulk.karaganda2023)
            let run = try workspace.runClean()

            // Ingest: only the new file is read.
            #expect(run.stderr.contains("16 files: 1 ingested, 15 already in the warehouse, 0 unreadable"), "ingest:\n\(run.stderr)")
            #expect(!run.stderr.contains("rebuilding"), "adding a file must not rebuild the warehouse:\n\(run.stderr)")
            let counts = workspace.manifest("ingest")?["counts"] as? [String: Int] ?? [:]
            #expect(counts["files"] == 16 && counts["ingested"] == 1 && counts["skipped"] == 15 && counts["accepted"] == 6, "ingest counts: \(counts)")
            let filesAfter = try exportedFiles(workspace)
            #expect(filesAfter.count == filesBefore.count + 1, "the ledger gains one file: \(filesAfter.subtracting(filesBefore))")
            #expect(filesAfter.subtracting(filesBefore).first?.hasSuffix("2023-03-15_karaganda_new_ru.csv") == true)

            // Outputs limited to KZ-75 are kept; those that can hold Karaganda 2023 are redrawn.
            let after = workspace.outputState()
            for relative in RunWorkspace.almatyOutputs {
                #expect(workspace.outputTimes()[relative] == times[relative], "\(relative) draws only on KZ-75 and must not be rewritten")
                #expect(after[relative] == before[relative], "\(relative) changed")
            }
            let redrawn = ["tables/trainers-by-year.json", "tables/trainers-by-year.csv",
                           "reports/yearly-2023-ru.html", "reports/yearly-2023-en.html", "export/responses.csv"]
            for relative in redrawn {
                #expect(workspace.outputTimes()[relative] != times[relative], "\(relative) can hold the new responses and must be rewritten")
                #expect(after[relative] != before[relative], "\(relative) should change with 6 more responses")
            }
            #expect(written(run, workspace) == Set(redrawn), "stdout lists exactly the rewritten outputs:\n\(run.stdout)")
            #expect(run.stderr.contains("aggregate: 2 files written, 2 unchanged") && run.stderr.contains("render: 2 reports written, 4 unchanged"),
                    "\(run.stderr)")

            // The end state is a clean run's on the full input set.
            let clean = try cleanState { try $0.input.writeFile("2023-03-15_karaganda_new_ru.csv", text: RunBulk.karaganda2023) }
            let differences = RunCompare.differences(after, clean.outputs)
            // The kept KZ-75 reports name only their own files, so they equal a clean run's.
            let settled = differences.filter { $0.key.hasPrefix("tables/") || $0.key.hasPrefix("reports/trainers-KZ-75") }
            #expect(settled.isEmpty, "outputs differ from a clean run:\n\(RunCompare.describe(settled))")
            let warehouse = try workspace.warehouseState()
            // The export, the fingerprint and the file lists are ordered by path, not by ingest order.
            let ordered = differences.filter { $0.key.hasPrefix("export/") || $0.key.hasPrefix("reports/yearly") }
            #expect(ordered.isEmpty, "differ from a clean run:\n\(RunCompare.describe(ordered))")
            #expect(warehouse == clean.warehouse, "the warehouse differs from a clean run's")
            // Whatever the order, the same rows.
            let rows = { (text: String) in text.split(separator: "\r\n").sorted() }
            #expect(rows(warehouse) == rows(clean.warehouse), "the warehouse holds other rows than a clean run's")
        }
    }

    // MARK: - a registry changed

    @Test func aChangedRegistryRebuildsTheWarehouseAndTheOutputs() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            let before = workspace.outputState()
            // "Айгерим" (5 answers in Astana, 2022) is no registered trainer until it is an alias of T02.
            #expect(String(decoding: before["export/responses.csv"] ?? Data(), as: UTF8.self).contains(",,Айгерим,"),
                    "the sample has an unresolved trainer 'Айгерим'")
            let addAlias = { (workspace: RunWorkspace) throws in
                let path = workspace.registries.appendingPathComponent("trainers.csv").path
                let text = try String(contentsOfFile: path, encoding: .utf8)
                    .replacingOccurrences(of: "Жұмабекова А.\n", with: "Жұмабекова А.|Айгерим\n")
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            }
            try addAlias(workspace)
            let run = try workspace.runClean()
            #expect(run.stderr.contains("rebuilding the warehouse"), "a changed registry rebuilds the warehouse:\n\(run.stderr)")
            #expect(run.stderr.contains("15 files: 15 ingested"), "every file is read again:\n\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: workspace.warehouse + ".rebuild"), "the rebuilt warehouse is moved into place")

            let clean = try cleanState(addAlias)
            #expect(try workspace.warehouseState() == clean.warehouse, "the rebuilt warehouse differs from a clean run's")
            let after = workspace.outputState()
            #expect(!run.stderr.contains("aggregate: unchanged since its last run; skipped"), "\(run.stderr)")
            #expect(after["export/responses.csv"] != before["export/responses.csv"], "the export still has the old trainer")
            #expect(!String(decoding: after["export/responses.csv"] ?? Data(), as: UTF8.self).contains(",,Айгерим,"), "the export still has 'Айгерим' unresolved")
            let differences = RunCompare.differences(after, clean.outputs)
            #expect(differences.isEmpty, "outputs differ from a clean run with the new registry:\n\(RunCompare.describe(differences))")
        }
    }

    // MARK: - an export edited in place

    /// A re-downloaded export (same name, one more row): the warehouse must
    /// hold its new content only, as a clean run's does.
    @Test func anExportEditedInPlaceReplacesItsOldContent() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            let name = "2023-09-22_karaganda_mac-excel_ru_cr.csv"  // classic Mac line ends (CR)
            let appendRow = { (workspace: RunWorkspace) throws in
                let handle = try FileHandle(forWritingTo: workspace.input.appendingPathComponent(name))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("Караганда,23.09.23,Ерлан Сарсенов,Открытая работа с молодёжью,Студент,5,5,5,5,5,10,,,Отлично\r".utf8))
                try handle.close()
            }
            try appendRow(workspace)
            let run = try workspace.runClean()
            #expect(run.stderr.contains("15 files: "), "\(run.stderr)")
            let clean = try cleanState(appendRow)
            let rows = { (text: String) in text.split(separator: "\r\n").filter { $0.contains(name) }.count }
            let warehouse = try workspace.warehouseState()
            #expect(rows(clean.warehouse) > 30, "the clean warehouse has the file's rows")
            #expect(rows(warehouse) == rows(clean.warehouse), "responses from \(name): \(rows(warehouse)), a clean run has \(rows(clean.warehouse))")
            #expect(warehouse == clean.warehouse, "the warehouse differs from a clean run's")
            let differences = RunCompare.differences(workspace.outputState(), clean.outputs)
            #expect(differences.isEmpty, "outputs differ from a clean run:\n\(RunCompare.describe(differences))")
        }
    }

    // MARK: - an output deleted

    @Test func aDeletedOutputIsDrawnAgainAndTheOthersKept() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            let before = workspace.outputState()
            let times = workspace.outputTimes()
            let deleted = ["tables/almaty-trainers.csv", "reports/trainers-KZ-75-en.html", "export/responses.csv"]
            for relative in deleted { try FileManager.default.removeItem(atPath: workspace.path(relative)) }
            let run = try workspace.runClean()
            #expect(run.stderr.contains("ingest: unchanged since its last run; skipped"), "\(run.stderr)")
            #expect(workspace.outputState() == before, "the outputs drawn again differ from the first ones")
            let after = workspace.outputTimes()
            let rewritten = Set(after.filter { times[$0.key] != $0.value && !$0.key.hasPrefix("manifests/") }.map(\.key))
            // A table's JSON and CSV are written together.
            #expect(rewritten == Set(deleted + ["tables/almaty-trainers.json"]), "rewritten: \(rewritten.sorted())")
        }
    }

    // MARK: - an export removed

    @Test func aRemovedExportRebuildsTheWarehouseWithoutIt() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            let removed = "2023-09-22_karaganda_mac-excel_ru_cr.csv"
            try FileManager.default.removeItem(at: workspace.input.appendingPathComponent(removed))
            let run = try workspace.runClean()
            #expect(run.stderr.contains("rebuilding the warehouse"), "a removed export rebuilds the warehouse:\n\(run.stderr)")
            #expect(try !exportedFiles(workspace).contains { $0.hasSuffix(removed) }, "the removed file's responses are gone")
            let inputs = (workspace.manifest("ingest")?["inputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            #expect(inputs.count == 16 && !inputs.contains { $0.hasSuffix(removed) }, "ingest manifest inputs: \(inputs)")

            let clean = try cleanState { try FileManager.default.removeItem(at: $0.input.appendingPathComponent(removed)) }
            #expect(try workspace.warehouseState() == clean.warehouse, "the rebuilt warehouse differs from a clean run's")
            let differences = RunCompare.differences(workspace.outputState(), clean.outputs)
            // The KZ-75 reports are kept, and (naming only their own files) equal a clean run's.
            #expect(differences.isEmpty, "outputs differ from a clean run without \(removed):\n\(RunCompare.describe(differences))")

            // Removing an Almaty export redraws the KZ-75 outputs: then all of it equals a clean run. (Not the 2023
            // one: without both 2023 exports the 2023 yearly report has no responses, and a report of nothing fails the run.)
            let almaty = "2020-02-20_almaty_excel_kk_kz1048.csv"
            try FileManager.default.removeItem(at: workspace.input.appendingPathComponent(almaty))
            try workspace.runClean()
            let cleaner = try cleanState {
                try FileManager.default.removeItem(at: $0.input.appendingPathComponent(removed))
                try FileManager.default.removeItem(at: $0.input.appendingPathComponent(almaty))
            }
            #expect(try workspace.warehouseState() == cleaner.warehouse)
            let all = RunCompare.differences(workspace.outputState(), cleaner.outputs)
            #expect(all.isEmpty, "outputs differ from a clean run without \(removed) and \(almaty):\n\(RunCompare.describe(all))")
        }
    }
}
