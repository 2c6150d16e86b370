import ArgumentParser
import Foundation
import PikirIngest
import PikirNormalise

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how pikir reads each export: encoding, delimiter, header, records, ignored lines and rejects.",
        discussion: """
            Every line of a file is accounted for: the header, data records, ignored lines \
            (blank, title, sep=, totals, repeated header, empty) and rejects with their line and reason. \
            Each column shows the field it fills and the words that decided it (a heading, the words \
            of a question, or the row label of a Google Forms grid), or that it is kept as an extra. \
            A file that cannot be read is reported and the other files are still inspected; \
            the exit status is then 1.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Export files to inspect; - reads one from standard input.")
    var files: [String]

    @OptionGroup var standardInput: StandardInputFlags

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(parsing: .unconditional, help: "How many records to show per file.")
    var records: Int = 5

    @OptionGroup var read: ReadFlags

    @Option(help: ArgumentHelp("Column mapping CSV (column,field[,scale]) to show the columns as ingest would map them.", valueName: "file"))
    var map: String?

    func validate() throws {
        try FlagValue.check("--records", records, atLeast: 0)
        try standardInput.validate(files)
    }

    func run() throws {
        var results: [FileInspection] = []
        var failed = 0
        let mapper = try RegistryFlags.load(trainers: nil, sessions: nil, map: map).columns
        let exports = try ExportInputs(files, standardInputName: standardInput.name)
        for input in exports.inputs {
            do {
                var inspection: FileInspection
                do {
                    inspection = try FileInspection.inspect(path: input.path, options: read.options, sampleSize: records)
                } catch var error as IngestError where error.path != nil {
                    error.path = input.name
                    throw error
                }
                inspection.path = input.name
                inspection.mapping = mapper.map(headers: inspection.columns).map { a in
                    FileInspection.ColumnMapping(
                        column: a.header, field: a.field?.rawValue, match: a.match?.rawValue,
                        decided_by: a.evidence.map { .init(part: $0.part.rawValue, text: $0.text, words: $0.words) },
                        note: a.note)
                }
                // Mapped as written (as ingest maps them), shown redacted.
                inspection = inspection.redacted()
                if format == .text {
                    print(InspectionText.render(inspection))
                } else {
                    results.append(inspection)
                }
            } catch {
                failed += 1
                FileHandle.standardError.write(Data("pikir inspect: \(error)\n".utf8))
            }
        }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(results)
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
