import ArgumentParser
import Foundation

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
        subcommands: [Inspect.self, Ingest.self, Rejects.self, Export.self, Agg.self, Report.self, Run.self, PipelineCommand.self,
                      WarehouseCommand.self]
    )

    /// ArgumentParser's own `main`, with a clearer line for a file named like an option.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            if exitCode(for: error).rawValue == 64, let hint = ArgumentHints.dashFile(arguments, message: message(for: error)) {
                FileHandle.standardError.write(Data("pikir: \(hint)\n".utf8))
                Foundation.exit(64)
            }
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

enum PikirVersion {
    static let current = "0.1.0"
}
