import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Where a pipeline writes: only inside its output folder, one file per
/// output whatever a session id holds, stale temporaries cleaned, and a
/// summary that counts what was written even when a later report fails.
@Suite(.serialized)
struct RunOutputPathTests {
    /// The 1-based line of the first line of `text` containing `marker`.
    private func line(of marker: String, in text: String) -> Int {
        (text.components(separatedBy: "\n").firstIndex { $0.contains(marker) } ?? -1) + 1
    }

    @Test func outputsOutsideTheOutputFolderAreRejectedWithLineAndKey() throws {
        try withTemporaryDirectory { dir in
            let text = RunWorkspace.pipelineText()
                .replacingOccurrences(of: "output = \"reports/trainers-{region}-{lang}.{ext}\"", with: "output = \"../../../x-{lang}.{ext}\"")
                .replacingOccurrences(of: "output = \"reports/yearly-{year}-{lang}.{ext}\"", with: "output = \"reports/../../yearly-{lang}.{ext}\"")
                .replacingOccurrences(of: "output = \"export/responses.csv\"", with: "output = \"\(dir.path)/elsewhere/responses.csv\"")
            let workspace = try RunWorkspace.make(in: dir, pipeline: text)
            let out = workspace.output.path
            let expected = [
                "\(workspace.pipeline):\(line(of: "../../../x-", in: text)): stage.report.output: '../../../x-{lang}.{ext}' uses .., but outputs stay inside the output folder \(out); write a path relative to it, e.g. x-{lang}.{ext}",
                "\(workspace.pipeline):\(line(of: "reports/../../", in: text)): stage.report.output: 'reports/../../yearly-{lang}.{ext}' uses .., but outputs stay inside the output folder \(out); write a path relative to it, e.g. reports/yearly-{lang}.{ext}",
                "\(workspace.pipeline):\(line(of: "elsewhere", in: text)): stage.output: '\(dir.path)/elsewhere/responses.csv' is an absolute path, but outputs stay inside the output folder \(out); write a path relative to it, e.g. responses.csv",
            ]
            for command in [["pipeline", "validate"], ["run"]] {
                let run = try PikirBinary.run(command + [workspace.pipeline], in: dir)
                #expect(run.status == 65, "\(command): \(run)")
                #expect(run.stderr == expected.joined(separator: "\n") + "\n", "\(command):\n\(run.stderr)")
            }
            for place in ["x-kk.txt", "yearly-ru.html", "elsewhere"] {
                #expect(!FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent(place).path))
                #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(place).path))
            }
            #expect(!FileManager.default.fileExists(atPath: workspace.warehouse), "an invalid pipeline ran")
        }
    }

    @Test func aHomePathOrTheManifestsFolderIsRejectedToo() throws {
        try withTemporaryDirectory { dir in
            for (output, message) in [("~/responses.csv", "'~/responses.csv' starts with ~, but outputs stay inside the output folder"),
                                      ("manifests/export.json", "'manifests/export.json' is in manifests/, where pikir keeps what each stage did; choose another folder"),
                                      ("./", "'./' is the output folder itself; name a file in it")] {
                let text = RunWorkspace.pipelineText().replacingOccurrences(of: "output = \"export/responses.csv\"", with: "output = \"\(output)\"")
                let workspace = try RunWorkspace.make(in: dir.appendingPathComponent(UUID().uuidString), pipeline: text)
                let run = try PikirBinary.run(["pipeline", "validate", workspace.pipeline], in: dir)
                #expect(run.status == 65, "\(output): \(run)")
                #expect(run.stderr.contains("\(workspace.pipeline):\(line(of: "output = \"\(output)\"", in: text)): stage.output: \(message)"), "\(output):\n\(run.stderr)")
            }
        }
    }

    @Test func aSessionIdWithSlashesNamesOneFileNotFolders() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try workspace.runClean("--stage", "ingest")
            let sessions = try ReproduceCommandTests.sessionIDs(workspace.warehouse)
            #expect(!sessions.contains { $0.contains("/") }, "made-up ids are slugs: \(sessions)")
            try #require(sessions.contains("astana-2022-11-05-aigerim"), "\(sessions)")
            // A pipeline written before slugs names the session in the old form: it
            // still finds the session, and its slashes still name one file.
            let session = "Astana/2022-11-05/aigerim"
            let text = RunWorkspace.pipelineText(sessionReport: session, format: "text", output: "sessions/{session}.{ext}")
            try dir.writeFile("pipeline.toml", text: text)
            let run = try workspace.runClean()
            let escaped = "Astana%2F2022-11-05%2Faigerim"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.path("sessions"))) ?? []
            #expect(names == ["\(escaped).txt"], "\(names)\n\(run)")
            #expect(run.stdout.contains(workspace.path("sessions/\(escaped).txt")), "\(run.stdout)")
            let report = String(decoding: FileManager.default.contents(atPath: workspace.path("sessions/\(escaped).txt")) ?? Data(), as: UTF8.self)
            #expect(report.contains("session=astana-2022-11-05-aigerim"), "the report is the session's: \(report.prefix(300))")
        }
    }

    @Test func theSummaryCountsTheFilesWrittenBeforeALaterReportFailed() throws {
        try withTemporaryDirectory { dir in
            let text = RunWorkspace.pipelineText(sessionReport: "NOPE-2024-01", format: "html", output: "reports/session-{session}.{ext}")
            let workspace = try RunWorkspace.make(in: dir, pipeline: text)
            let run = try workspace.run("run")
            #expect(run.status == 1, "\(run)")
            let listed = run.stdout.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
            // The two tables (four files) and the six reports before the failing one.
            #expect(listed.count == 10, "\(run.stdout)")
            for path in listed { #expect(FileManager.default.fileExists(atPath: path), "listed but missing: \(path)") }
            #expect(run.stderr.contains("; 10 outputs written, 0 unchanged;"), "\(run.stderr)")
        }
    }

    @Test func aRunRemovesTheTemporariesOfStoppedRunsAndNothingElse() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            // 99999999 is above Linux's largest process id: no such process runs.
            let dead = ["export/.responses.csv.pikir-99999999.tmp", "export/.responses.csv.99999999.tmp",
                        "reports/deeper/.yearly-2023-ru.html.pikir-99999999.tmp"]
            let kept = [".tables.pikir-\(getpid()).tmp",  // this test's process is running
                        "export/responses.csv.99999999.tmp", "export/.keep.tmp", "notes/.draft.v2.tmp", "reports/.report.html.pikir-x.tmp",
                        "notes/.draft.csv.99999999.tmp"]  // the form before 0.2 counts only for the pipeline's own outputs
            for path in dead + kept {
                let url = workspace.output.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(repeating: 0x41, count: 250_000).write(to: url)
            }
            let run = try workspace.runClean()
            #expect(run.stderr.contains("pikir run: removed 3 temporary files (0.8 MB) left by stopped runs in \(workspace.output.path)"), "\(run.stderr)")
            for path in dead { #expect(!FileManager.default.fileExists(atPath: workspace.path(path)), "\(path) is still there") }
            for path in kept { #expect(FileManager.default.fileExists(atPath: workspace.path(path)), "\(path) was removed") }
        }
    }

    @Test(.enabled(if: Tmpfs.available, "needs root and a tmpfs mount"))
    func aFullOutputFolderFailsTheStageWithOneLineAndLeavesNoTemporary() throws {
        try withTemporaryDirectory { dir in
            let workspace = try RunWorkspace.make(in: dir)
            try Tmpfs.with(options: "size=96k", at: workspace.output) { out in
                let run = try workspace.run("run")
                #expect(run.status == 1, "\(run)")
                let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("pikir run: error: ") }
                #expect(errors.count == 1, "\(run.stderr)")
                #expect(errors.first?.hasSuffix(": no space left on device; free some space and run again") == true, "\(run.stderr)")
                #expect(errors.first?.contains(": cannot write \(out.path)/") == true, "\(run.stderr)")
                #expect(!run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
                let temporaries = RunFiles.list(out).filter { $0.hasSuffix(".tmp") }
                #expect(temporaries.isEmpty, "left behind: \(temporaries)")
                let listed = run.stdout.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(run.stderr.contains("; \(listed.count) outputs written, 0 unchanged;"), "\(run)")
            }
        }
    }
}
