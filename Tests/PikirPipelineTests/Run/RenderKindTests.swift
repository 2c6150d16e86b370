import Foundation
import Testing
@testable import PikirPipeline

/// The render stage takes its kinds from the report registry: a kind it does
/// not name is refused with the allowed ones, never drawn as another report.
@Suite("render stage: report kinds")
struct RenderKindTests {
    /// A pipeline made in code (not read from a file, which the loader checks) with one render stage.
    private func pipeline(_ box: Sandbox, kind: String) -> Pipeline {
        let output = box.path("out")
        let report = Pipeline.ReportSpec(kind: kind, session: "ALM-2020-02-A", languages: ["en"], formats: ["text"],
                                         output: "session.{ext}", outputDirectory: output)
        return Pipeline(file: box.path("p.toml"), name: "p", baseDirectory: box.root, warehouse: box.path("w/pikir.sqlite"),
                        output: output, inputs: .init(exports: []), stages: [.render([report])])
    }

    @Test("an unknown kind stops the render stage with the allowed kinds, and nothing is written")
    func unknownKind() throws {
        let box = Sandbox()
        let runner = PipelineRunner(pipeline: pipeline(box, kind: "sessions"), options: .init(version: "test"),
                                    log: RunLog(quiet: true, terminal: false))
        let summary = try runner.run()
        #expect(summary.failedStage == "render")
        #expect(summary.failure == "\(box.path("p.toml")): stage.report.kind: unknown report kind 'sessions'; allowed: trainers, yearly, session")
        #expect(summary.writtenPaths.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: box.path("out/session.txt")))
    }
}
