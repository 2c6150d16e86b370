import ArgumentParser
import Foundation
import PikirModel
import PikirPipeline
import PikirReport

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a pipeline's stages (ingest, aggregate, render, export), skipping what has not changed.",
        discussion: """
            The pipeline is validated first. A stage whose inputs have not changed since its last successful run is \
            skipped; new exports are ingested and only the outputs that depend on them are drawn again. Outputs are \
            written whole and renamed into place; a killed run leaves the previous outputs, and the next run resumes. \
            One run at a time per warehouse.
            Exit status: 0 everything ran; 1 a stage failed; 2 some export could not be read at all (the rest ran); \
            65 the pipeline file is invalid; 66 it is missing; 75 another run holds the warehouse.
            """)

    @Argument(help: "The pipeline file (pipelines/NAME.toml).")
    var pipeline: String

    @Option(help: ArgumentHelp("Run only this stage.", valueName: "ingest|aggregate|render|export"))
    var stage: String?

    @Flag(help: "Run every stage and rewrite every output, changed or not.")
    var force = false

    @Flag(name: .customLong("dry-run"), help: "Say what would run, and write nothing.")
    var dryRun = false

    @Flag(help: "Only errors and the closing summary.")
    var quiet = false

    @Option(name: .customLong("log-format"), help: "Log lines on stderr: text, or json for cron and log collectors.")
    var logFormat: RunLog.Format = .text

    func validate() throws {
        if let stage, !["ingest", "aggregate", "render", "export"].contains(stage) {
            throw ValidationError("unknown stage '\(stage)'; valid: ingest, aggregate, render, export")
        }
    }

    func run() throws {
        let log = RunLog(format: logFormat, quiet: quiet)
        let loaded = try PipelineCommand.load(pipeline)
        let runner = PipelineRunner(pipeline: loaded, options: .init(stage: stage, force: force, dryRun: dryRun, version: PikirVersion.current), log: log)
        let summary: PipelineRunner.Summary
        do {
            summary = try runner.run()
        } catch let error as LockedError {
            log.error("", error.description)
            throw ExitCode(75)
        }
        let fields: [String: Any] = [
            "files": summary.files, "accepted": summary.counts.accepted, "rejected": summary.counts.rejected, "duplicates": summary.counts.duplicates,
            "ignored": summary.counts.ignored, "outputs_written": summary.outputsWritten, "outputs_unchanged": summary.outputsKept,
            "seconds": (summary.seconds * 1000).rounded() / 1000, "stages_run": summary.stagesRun, "stages_skipped": summary.stagesSkipped,
        ]
        let message = "\(loaded.name): \(Counted.english(summary.files, "file")) (\(summary.counts.accepted) accepted, \(summary.counts.rejected) rejected, "
            + "\(Counted.english(summary.counts.duplicates, "duplicate")), \(summary.counts.ignored) ignored); "
            + "\(Counted.english(summary.outputsWritten, "output")) written, \(summary.outputsKept) unchanged; "
            + String(format: "%.2f s", summary.seconds)
        RunLog(format: logFormat, quiet: false).info("summary", message, fields)
        if !quiet && logFormat == .text && !summary.writtenPaths.isEmpty {
            print("Written to \(loaded.output):")
            for path in summary.writtenPaths { print("  " + path) }
        }
        if summary.failedStage != nil { throw ExitCode(1) }
        if summary.failedFiles > 0 { throw ExitCode(2) }
    }
}

struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Work with pipeline files.",
        subcommands: [Validate.self])

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a pipeline file: every mistake with its line, key and the allowed values.",
            discussion: "Exit status 0 when valid, 65 when not, 66 when the file is missing.")

        @Argument(help: "The pipeline file.")
        var file: String

        func run() throws {
            let pipeline = try PipelineCommand.load(file)
            print("\(file): valid (\(pipeline.stages.map(\.name).joined(separator: ", ")))")
        }
    }

    /// Loads a pipeline, printing every issue and exiting 65 (66 when the file is missing).
    static func load(_ path: String) throws -> Pipeline {
        guard FileManager.default.fileExists(atPath: path) else {
            FileHandle.standardError.write(Data("pikir: \(path): no such pipeline file\n".utf8))
            throw ExitCode(66)
        }
        do {
            return try Pipeline.load(path)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(65)
        }
    }
}

extension RunLog.Format: ExpressibleByArgument {}
