import Foundation
import Testing

/// Invalid and missing pipeline files (65, 66), `pikir pipeline validate`,
/// an unreadable export among good ones (2) and a failing stage (1).
@Suite(.serialized)
struct RunValidationTests {
    /// The 1-based line of the first line of `text` that starts (after spaces) with `prefix`.
    private func line(of prefix: String, in text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        return (lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) } ?? -1) + 1
    }

    private func expectNothingWritten(_ workspace: RunWorkspace, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!FileManager.default.fileExists(atPath: workspace.output.path), "an invalid pipeline created the output folder", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: workspace.warehouse), "an invalid pipeline created the warehouse", sourceLocation: sourceLocation)
    }

    @Test func anExportPatternThatMatchesNothingIs65WithItsLine() throws {
        try withTemporaryDirectory { dir in
            let text = RunWorkspace.pipelineText(exports: ["in/*.csv", "in/*.txt", "missing/*.csv"])
            let workspace = try RunWorkspace.make(in: dir, pipeline: text)
            let expected = "\(workspace.pipeline):\(line(of: "exports =", in: text)): inputs.exports: 'missing/*.csv'"
            for command in [["run"], ["pipeline", "validate"]] {
                let run = try PikirBinary.run(command + [workspace.pipeline], in: dir)
                #expect(run.status == 65, "\(command): \(run)")
                #expect(run.stderr.contains(expected) && run.stderr.contains("matches no files"), "\(command): the message should be «\(expected) … matches no files»:\n\(run.stderr)")
            }
            expectNothingWritten(workspace)
        }
    }

    @Test func invalidTOMLIs65WithTheLine() throws {
        try withTemporaryDirectory { dir in
            var lines = RunWorkspace.pipelineText().components(separatedBy: "\n")
            let at = line(of: "name = \"almaty-trainers\"", in: lines.joined(separator: "\n"))
            lines.insert("  year 2023", at: at)  // after the table's name: no '='
            let text = lines.joined(separator: "\n")
            let workspace = try RunWorkspace.make(in: dir, pipeline: text)
            for command in [["run"], ["pipeline", "validate"]] {
                let run = try PikirBinary.run(command + [workspace.pipeline], in: dir)
                #expect(run.status == 65, "\(command): \(run)")
                #expect(run.stderr.contains("\(workspace.pipeline):\(at + 1): "), "\(command): the message should name line \(at + 1):\n\(run.stderr)")
                #expect(run.stderr.contains("TOML syntax error"), "\(command): \(run.stderr)")
            }
            expectNothingWritten(workspace)
        }
    }

    @Test func everyMistakeIsListedWithItsLineAndTheAllowedValues() throws {
        try withTemporaryDirectory { dir in
            let text = RunWorkspace.pipelineText()
                .replacingOccurrences(of: "type = \"render\"", with: "type = \"rendr\"")
                .replacingOccurrences(of: "stats = [\"n\", \"mean\", \"nps\"]", with: "stats = [\"n\", \"mean\", \"nps\"]\n  colour = \"red\"")
            let workspace = try RunWorkspace.make(in: dir, pipeline: text)
            let run = try workspace.run("run")
            #expect(run.status == 65, "\(run)")
            let stage = "\(workspace.pipeline):\(line(of: "type = \"rendr\"", in: text)): stage.type: unknown stage 'rendr'; allowed: ingest, aggregate, render, export"
            #expect(run.stderr.contains(stage), "expected «\(stage)» in:\n\(run.stderr)")
            let colour = "\(workspace.pipeline):\(line(of: "colour", in: text)): stage.table.colour"
            #expect(run.stderr.contains(colour), "expected «\(colour)» in:\n\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count >= 2, "one mistake a line:\n\(run.stderr)")
            expectNothingWritten(workspace)
        }
    }

    @Test func aMissingPipelineFileIs66() throws {
        try withTemporaryDirectory { dir in
            for command in [["run"], ["pipeline", "validate"]] {
                let run = try PikirBinary.run(command + ["pipelines/nowhere.toml"], in: dir)
                #expect(run.status == 66, "\(command): \(run)")
                #expect(run.stderr.contains("pipelines/nowhere.toml: no such pipeline file"), "\(command): \(run.stderr)")
            }
            #expect(RunFiles.list(dir).isEmpty, "nothing is written for a missing pipeline")
        }
    }

    @Test func theDemoPipelineIsValid() throws {
        let run = try PikirBinary.run(["pipeline", "validate", "pipelines/demo.toml"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "pipelines/demo.toml: valid (ingest, aggregate, render, export)\n", "\(run.stdout)")
    }

    @Test func validateChecksWithoutWriting() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            let run = try workspace.run("pipeline", "validate")
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.hasSuffix(": valid (ingest, aggregate, render, export)\n"), "\(run.stdout)")
            #expect(workspace.fileListing().keys.sorted() == ["pipeline.toml"], "validate wrote \(workspace.fileListing().keys.sorted())")
        }
    }

    // MARK: - an unreadable export

    @Test func anUnreadableExportIs2AndTheRestStillRuns() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            let junk = try workspace.input.writeFile("2024-12-01_almaty_workbook.csv",
                                                     bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00] + Array(repeating: 0xA5, count: 200) + [0x00, 0xFF, 0xFE])
            let run = try workspace.run("run")
            #expect(run.status == 2, "an unreadable export exits 2:\n\(run)")
            #expect(run.stderr.contains("pikir run: error: ingest: \(junk):"), "stderr should name the file:\n\(run.stderr)")
            #expect(run.stderr.contains("16 files: 15 ingested, 0 already in the warehouse, 1 unreadable"), "\(run.stderr)")
            // The rest ran: every stage and every output.
            for stage in RunWorkspace.stages {
                #expect(run.stderr.contains("pikir run: \(stage): done"), "\(stage) should still run:\n\(run.stderr)")
            }
            #expect(Set(workspace.outputState().keys) == Set(RunWorkspace.outputs), "every output is written")
            let counts = workspace.manifest("ingest")?["counts"] as? [String: Int] ?? [:]
            #expect(counts["ingested"] == 15 && counts["failed"] == 1 && counts["accepted"] == 595, "ingest counts: \(counts)")
            let inputs = (workspace.manifest("ingest")?["inputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            #expect(!inputs.contains(junk), "the unreadable file is not recorded, so the next run tries it again")

            // The outputs equal a clean run's without the junk.
            let clean = try withTemporaryDirectory { other in
                let clean = try RunWorkspace.make(in: other)
                try clean.runClean()
                return (clean.outputState(), try clean.warehouseState())
            }
            let differences = RunCompare.differences(workspace.outputState(), clean.0)
            #expect(differences.isEmpty, "\(RunCompare.describe(differences))")
            #expect(try workspace.warehouseState() == clean.1)

            // The next run tries it again, and says so again.
            let times = workspace.outputTimes()
            let again = try workspace.run("run", "--log-format", "json")
            #expect(again.status == 2, "\(again)")
            let errors = RunJSONLog.lines(again.stderr).compactMap(\.object).filter { $0["level"] as? String == "error" }
            #expect(errors.contains { ($0["message"] as? String ?? "").contains(junk) }, "a JSON error line names the file:\n\(again.stderr)")
            let rewritten = workspace.outputTimes().filter { times[$0.key] != $0.value }.map(\.key).sorted()
            #expect(rewritten == ["manifests/ingest.json"], "nothing else changed, so only the ingest manifest is rewritten: \(rewritten)")

            // Once it is gone, the run is clean.
            try FileManager.default.removeItem(atPath: junk)
            let fixed = try workspace.run("run")
            #expect(fixed.status == 0, "\(fixed)")
        }
    }

    // MARK: - a failing stage

    @Test func aFailingStageIs1WithTheReasonAndKeepsThePreviousOutputs() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            let before = workspace.outputState()
            let exportTime = workspace.outputTimes()["export/responses.csv"]
            // A session report for a session nobody answered about: render fails.
            let broken = RunWorkspace.pipelineText(sessionReport: "NOPE-2024-01", format: "html", output: "reports/session-{session}.{ext}")
            #expect(broken.contains("NOPE-2024-01"))
            try dir.writeFile("pipeline.toml", text: broken)
            let run = try workspace.run("run")
            #expect(run.status == 1, "a failed stage exits 1:\n\(run)")
            #expect(run.stderr.contains("pikir run: error: render: report session NOPE-2024-01: the warehouse has no responses for session 'NOPE-2024-01'"),
                    "the reason on stderr:\n\(run.stderr)")
            #expect(!run.stderr.contains("pikir run: export:"), "the stages after a failed one do not run:\n\(run.stderr)")
            #expect(run.stderr.contains("pikir run: summary:"), "the summary still closes the run:\n\(run.stderr)")
            // Previous outputs are intact (whole; the render outputs redrawn before the failure are whole too).
            for (relative, data) in workspace.outputState() {
                #expect(RunFiles.wholeness(relative, data) == nil, "\(relative) \(RunFiles.wholeness(relative, data) ?? "")")
                #expect(data == before[relative], "\(relative) changed though its inputs did not")
            }
            #expect(workspace.outputTimes()["export/responses.csv"] == exportTime)
            #expect(!FileManager.default.fileExists(atPath: workspace.path("reports/session-NOPE-2024-01.html")))

            // Fixed again: the run resumes and succeeds.
            try dir.writeFile("pipeline.toml", text: RunWorkspace.pipelineText())
            let fixed = try workspace.runClean()
            #expect(fixed.stderr.contains("ingest: unchanged since its last run; skipped"), "\(fixed.stderr)")
            #expect(workspace.outputState() == before)
        }
    }
}
