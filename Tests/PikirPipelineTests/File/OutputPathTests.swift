import Testing
@testable import PikirPipeline

/// Every output stays inside the pipeline's output folder: written paths
/// that lead out are issues with their line and key, and placeholder values
/// are escaped so they cannot add folders.
struct OutputPathTests {
    func issues(_ toml: String) -> [PipelineIssue] {
        let box = Sandbox()
        box.standardData()
        return box.issues(toml)
    }

    static func export(_ output: String) -> String {
        minimal(stages: "[[stage]]\ntype = \"export\"\nformat = \"csv\"\noutput = \"\(output)\"  # here\n")
    }

    static func report(_ output: String, session: String? = nil) -> String {
        minimal(stages: """
        [[stage]]
        type = "render"
        [[stage.report]]
        kind = "\(session == nil ? "trainers" : "session")"
        \(session.map { "session = \"\($0)\"" } ?? "")
        languages = ["kk", "ru"]
        output = "\(output)"  # here
        """)
    }

    @Test(arguments: [
        ("/tmp/elsewhere/all.csv", "'/tmp/elsewhere/all.csv' is an absolute path, but outputs stay inside the output folder OUT; write a path relative to it, e.g. all.csv"),
        ("~/all.csv", "'~/all.csv' starts with ~, but outputs stay inside the output folder OUT; write a path relative to it, e.g. all.csv"),
        ("../all.csv", "'../all.csv' uses .., but outputs stay inside the output folder OUT; write a path relative to it, e.g. all.csv"),
        ("export/../../../all.csv", "'export/../../../all.csv' uses .., but outputs stay inside the output folder OUT; write a path relative to it, e.g. export/all.csv"),
        ("export/../all.csv", "'export/../all.csv' uses .., but outputs stay inside the output folder OUT; write a path relative to it, e.g. export/all.csv"),
        ("manifests/export.json", "'manifests/export.json' is in manifests/, where pikir keeps what each stage did; choose another folder"),
        (".", "'.' is the output folder itself; name a file in it"),
    ])
    func anExportPathOutsideTheOutputFolder(_ output: String, _ message: String) throws {
        let box = Sandbox()
        box.standardData()
        let toml = Self.export(output)
        let found = box.issues(toml)
        try #require(found.count == 1, "\(found.map(\.description))")
        #expect(found[0].line == line("# here", in: toml))
        #expect(found[0].key == "stage.output")
        #expect(found[0].message == message.replacingOccurrences(of: "OUT", with: box.path("out")))
    }

    @Test(arguments: ["../../../x-{lang}.{ext}", "/srv/www/x-{lang}.{ext}", "reports/{lang}/../../../x-{lang}.{ext}"])
    func aReportPatternOutsideTheOutputFolder(_ output: String) throws {
        let toml = Self.report(output)
        let found = issues(toml)
        try #require(found.count == 1, "\(found.map(\.description))")
        #expect(found[0].line == line("# here", in: toml))
        #expect(found[0].key == "stage.report.output")
        #expect(found[0].message.hasPrefix("'\(output)' "), "\(found[0].message)")
        #expect(found[0].message.contains("but outputs stay inside the output folder"), "\(found[0].message)")
    }

    @Test func pathsInsideTheOutputFolderAreFine() throws {
        let box = Sandbox()
        box.standardData()
        let pipeline = try box.load(Self.export("export/./all.csv"))
        guard case .export(let spec) = pipeline.stages.first else { Issue.record("not export"); return }
        #expect(spec.output == box.path("out/export/all.csv"))
        #expect(issues(Self.report("reports/{session}/r-{lang}.{ext}", session: "..")).isEmpty)
    }

    @Test func aSessionValueStaysOneFileName() {
        let spec = Pipeline.ReportSpec(kind: "session", session: "Almaty/2024-03-01/aigerim", languages: ["kk"], formats: ["html"],
                                       output: "sessions/{session}-{lang}.{ext}", outputDirectory: "/srv/out")
        #expect(spec.outputs().map(\.path) == ["/srv/out/sessions/Almaty%2F2024-03-01%2Faigerim-kk.html"])
        for (session, name) in [("..", "%2E%2E"), (".", "%2E"), ("50%/x", "50%25%2Fx"), ("a\nb", "a%0Ab"), ("...", "..."), ("Қарағанды", "Қарағанды")] {
            let spec = Pipeline.ReportSpec(kind: "session", session: session, languages: ["kk"], formats: ["text"],
                                           output: "s/{session}/r.{ext}", outputDirectory: "/srv/out")
            #expect(spec.outputs().map(\.path) == ["/srv/out/s/\(name)/r.txt"], "\(session)")
        }
    }
}
