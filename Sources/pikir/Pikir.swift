import ArgumentParser

@main
struct Pikir: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pikir",
        abstract: "Post-training feedback surveys: ingest exports, normalise, aggregate, report.",
        discussion: """
            pikir reads the CSV exports of youth resource centres' feedback forms \
            (Excel, Google Forms, home-made tools; Kazakh, Russian or English; any common encoding).
            """,
        version: PikirVersion.current,
        subcommands: [Inspect.self, Ingest.self, Rejects.self, Export.self, Agg.self, Report.self, Run.self, PipelineCommand.self]
    )
}

enum PikirVersion {
    static let current = "0.1.0"
}
