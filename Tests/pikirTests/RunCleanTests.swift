import Foundation
import Testing

/// A clean `pikir run`: every output, manifests whose hashes are the files'
/// SHA-256, the list of written paths on stdout, and JSON log lines.
@Suite(.serialized)
struct RunCleanTests {
    @Test func aCleanRunWritesEveryOutputAndListsIt() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            let run = try workspace.runClean()
            for relative in RunWorkspace.outputs {
                let path = workspace.path(relative)
                guard let data = FileManager.default.contents(atPath: path) else {
                    Issue.record("\(relative) was not written:\n\(run)")
                    continue
                }
                #expect(RunFiles.wholeness(relative, data) == nil, "\(relative) \(RunFiles.wholeness(relative, data) ?? "")")
            }
            // stdout: "Written to <out>:" and each written path.
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "Written to \(workspace.output.path):", "stdout:\n\(run.stdout)")
            let listed = Set(lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(listed == Set(RunWorkspace.outputs.map(workspace.path)), "stdout should list every output written:\n\(run.stdout)")
            // stderr: one line per stage, then the summary.
            for stage in RunWorkspace.stages {
                #expect(run.stderr.contains("pikir run: \(stage): done in "), "stderr should say \(stage) ran:\n\(run.stderr)")
            }
            #expect(!run.stderr.contains("skipped"), "nothing is skipped on a first run:\n\(run.stderr)")
            #expect(run.stderr.contains("pikir run: summary: e2e: 15 files (595 accepted, 4 rejected, 1 duplicate, 13 ignored); 11 outputs written, 0 unchanged"),
                    "summary:\n\(run.stderr)")
            // No temporary file is left beside the outputs.
            let leftovers = RunFiles.list(workspace.output).filter { ($0 as NSString).lastPathComponent.hasPrefix(".") }
            #expect(leftovers.isEmpty, "temporary files left in the output folder: \(leftovers)")
        }
    }

    @Test func manifestsHoldHashesCountsDurationAndVersion() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean()
            let version = try PikirBinary.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!version.isEmpty)
            var fingerprints: Set<String> = []
            for stage in RunWorkspace.stages {
                guard let manifest = workspace.manifest(stage) else {
                    Issue.record("no manifests/\(stage).json (or it is not JSON)")
                    continue
                }
                #expect(manifest["stage"] as? String == stage)
                #expect(manifest["pikir_version"] as? String == version, "\(stage): pikir_version \(manifest["pikir_version"] ?? "nil"), binary says \(version)")
                let duration = manifest["duration_s"] as? Double
                #expect(duration != nil && duration! >= 0 && duration! < 120, "\(stage): duration_s \(String(describing: manifest["duration_s"]))")
                #expect((manifest["key"] as? String)?.count == 64, "\(stage): key")
                #expect(!((manifest["counts"] as? [String: Int]) ?? [:]).isEmpty, "\(stage): counts")
                let inputs = manifest["inputs"] as? [[String: Any]] ?? []
                let outputs = manifest["outputs"] as? [[String: Any]] ?? []
                #expect(!inputs.isEmpty && !outputs.isEmpty, "\(stage): inputs and outputs listed")
                if stage == "ingest" {
                    // Inputs: every export and both registries, each with its SHA-256.
                    var expected = RunFiles.list(workspace.input).filter { !$0.hasPrefix("registries/") }
                        .map { workspace.input.appendingPathComponent($0).path }
                    expected += ["trainers.csv", "sessions.csv"].map { workspace.registries.appendingPathComponent($0).path }
                    #expect(Set(inputs.compactMap { $0["path"] as? String }) == Set(expected), "ingest inputs: \(inputs.map { $0["path"] ?? "" })")
                    for input in inputs {
                        let path = input["path"] as? String ?? ""
                        #expect(input["sha256"] as? String == (try RunFiles.sha256sum(path)), "ingest input \(path): sha256")
                        #expect(input["size"] as? Int == RunFiles.size(path), "ingest input \(path): size")
                    }
                    // The output: the warehouse, with its ledger's fingerprint.
                    #expect(outputs.map { $0["path"] as? String } == [workspace.warehouse])
                    if let fingerprint = outputs.first?["sha256"] as? String { fingerprints.insert(fingerprint) }
                    let counts = manifest["counts"] as? [String: Int] ?? [:]
                    #expect(counts == ["files": 15, "ingested": 15, "skipped": 0, "failed": 0, "records": 613,
                                       "accepted": 595, "rejected": 4, "duplicates": 1, "ignored": 13], "ingest counts: \(counts)")
                } else {
                    // Input: the warehouse; outputs: files whose SHA-256 and size are recorded.
                    #expect(inputs.map { $0["path"] as? String } == [workspace.warehouse])
                    if let fingerprint = inputs.first?["sha256"] as? String { fingerprints.insert(fingerprint) }
                    for output in outputs {
                        let path = output["path"] as? String ?? ""
                        #expect(output["sha256"] as? String == (try RunFiles.sha256sum(path)), "\(stage) output \(path): sha256")
                        #expect(output["size"] as? Int == RunFiles.size(path), "\(stage) output \(path): size")
                        #expect((output["key"] as? String)?.count == 64, "\(stage) output \(path): key")
                    }
                }
                let counts = manifest["counts"] as? [String: Int] ?? [:]
                switch stage {
                case "aggregate":
                    #expect(outputs.count == 4)
                    #expect(counts == ["tables": 2, "written": 4], "aggregate counts: \(counts)")
                case "render":
                    #expect(outputs.count == 6)
                    #expect(counts == ["reports": 6, "written": 6], "render counts: \(counts)")
                case "export":
                    #expect(outputs.map { $0["path"] as? String } == [workspace.path("export/responses.csv")])
                    #expect(counts == ["bytes": RunFiles.size(workspace.path("export/responses.csv"))], "export counts: \(counts)")
                default: break
                }
            }
            // Every stage names the same warehouse content.
            #expect(fingerprints.count == 1 && fingerprints.first?.count == 64, "ledger fingerprints: \(fingerprints)")
            // The outputs named by the manifests are exactly the pipeline's outputs.
            let named = ["aggregate", "render", "export"].flatMap { (workspace.manifest($0)?["outputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } }
            #expect(Set(named) == Set(RunWorkspace.outputs.map(workspace.path)))
        }
    }

    @Test func jsonLogLinesAllParseAndTheLastIsTheSummary() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            // A first run, a forced one, then one with nothing to do.
            let cases: [(arguments: [String], ran: [String], written: Int)] = [
                (["run", "--log-format", "json"], RunWorkspace.stages, 11),
                (["run", "--log-format", "json", "--force"], RunWorkspace.stages, 11),
                (["run", "--log-format", "json"], [], 0),
            ]
            for (arguments, ran, written) in cases {
                let run = try PikirBinary.run(arguments + [workspace.pipeline], in: dir)
                #expect(run.status == 0, "\(arguments):\n\(run)")
                #expect(run.stdout.isEmpty, "with --log-format json stdout stays empty:\n\(run.stdout)")
                let lines = RunJSONLog.lines(run.stderr)
                #expect(lines.count >= 2, "\(arguments): stderr:\n\(run.stderr)")
                for line in lines {
                    #expect(line.object != nil, "\(arguments): a stderr line is not JSON: \(line.text)")
                    guard let object = line.object else { continue }
                    for key in ["time", "level", "stage", "message"] {
                        #expect(object[key] is String, "\(arguments): \(key) missing in \(line.text)")
                    }
                }
                guard let summary = lines.last?.object else { continue }
                #expect(summary["stage"] as? String == "summary", "the last line is the summary: \(lines.last?.text ?? "")")
                #expect(summary["level"] as? String == "info")
                for key in ["files", "accepted", "rejected", "duplicates", "ignored", "outputs_written", "outputs_unchanged", "seconds"] {
                    #expect(summary[key] is NSNumber, "\(arguments): summary.\(key) should be a number: \(lines.last?.text ?? "")")
                }
                #expect(summary["stages_run"] is [String] && summary["stages_skipped"] is [String], "summary lists the stages run and skipped")
                #expect(summary["stages_run"] as? [String] == ran, "\(arguments): \(lines.last?.text ?? "")")
                #expect(summary["stages_skipped"] as? [String] == RunWorkspace.stages.filter { !ran.contains($0) }, "\(arguments): \(lines.last?.text ?? "")")
                #expect(summary["outputs_written"] as? Int == written, "\(arguments): \(lines.last?.text ?? "")")
                // The ingest line carries its counts as fields.
                if let ingest = lines.compactMap(\.object).first(where: { $0["stage"] as? String == "ingest" && $0["files"] != nil }) {
                    #expect(ingest["files"] as? Int == 15, "ingest line: \(ingest)")
                    #expect(ingest["accepted"] as? Int == 595, "ingest line: \(ingest)")
                }
            }
        }
    }

    @Test func quietPrintsOnlyTheSummary() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            let run = try workspace.runClean("--quiet")
            #expect(run.stdout.isEmpty, "--quiet lists no paths:\n\(run.stdout)")
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("pikir run: summary: e2e: 15 files"), "--quiet: only the summary:\n\(run.stderr)")
        }
    }

    /// The same warehouse gives the same report bytes, run after run, also when
    /// some exports have no participant-category column (a NULL group beside
    /// the real "other" group).
    @Test func theYearlyReportIsTheSameBytesEveryRun() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.input.writeFile("2023-05-10_almaty_no-category_ru.csv", text: """
                Город;Дата;Тренер;Общая оценка;Оцените работу тренера;Порекомендуете ли вы тренинг коллегам? (0-10)
                Алматы;10.05.2023;Дмитрий Ким;5;5;9
                Алматы;10.05.2023;Дмитрий Ким;4;5;8
                Алматы;10.05.2023;Дмитрий Ким;3;4;7
                Алматы;10.05.2023;Дмитрий Ким;5;4;10
                Алматы;10.05.2023;Дмитрий Ким;4;4;6
                Алматы;10.05.2023;Дмитрий Ким;2;3;3

                """)
            try workspace.runClean()
            var hashes: Set<String> = [try RunFiles.sha256sum(workspace.path("reports/yearly-2023-en.html"))]
            for _ in 0..<7 {
                try workspace.runClean("--force", "--stage", "render", "--quiet")
                hashes.insert(try RunFiles.sha256sum(workspace.path("reports/yearly-2023-en.html")))
            }
            #expect(hashes.count == 1, "8 renders of one warehouse gave \(hashes.count) different yearly reports")
        }
    }

    /// Files are read and normalised on all cores; the result is the same as on one.
    @Test func oneJobAndAllCoresGiveTheSameOutputs() throws {
        try withTemporaryDirectory { dir in
            let parallel = try RunWorkspace.make(in: dir.appendingPathComponent("parallel"), bulk: 3, bulkRows: 500)
            let serial = try RunWorkspace.make(in: dir.appendingPathComponent("serial"), bulk: 3, bulkRows: 500,
                                               pipeline: RunWorkspace.pipelineText(jobs: 1))
            try parallel.runClean()
            try serial.runClean()
            let differences = RunCompare.differences(parallel.outputState(), serial.outputState())
            #expect(differences.isEmpty, "jobs = 1 and all cores differ:\n\(RunCompare.describe(differences))")
            #expect(try parallel.warehouseState() == serial.warehouseState(), "the warehouses differ")
        }
    }
}
