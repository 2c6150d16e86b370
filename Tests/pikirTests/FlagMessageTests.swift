import Foundation
import Testing

/// Bad numbers and file names that look like flags: a line saying what is
/// wrong and what to do, exit status 64, nothing done.
@Suite("pikir flag messages")
struct FlagMessageTests {
    static let sample = "sample-data/2022-11-05_astana_google-forms_en.csv"

    struct BadNumber: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badNumbers: [BadNumber] = [
        .init(arguments: ["agg", "--csv", sample, "--min-n", "-3"], message: "--min-n must be a whole number ≥ 0 (got -3)"),
        .init(arguments: ["agg", "--csv", sample, "--jobs", "-1"], message: "--jobs must be a whole number ≥ 1 (got -1)"),
        .init(arguments: ["ingest", "--db", "never-made.sqlite", "--jobs", "-1", sample], message: "--jobs must be a whole number ≥ 1 (got -1)"),
        .init(arguments: ["report", "trainers", "--db", "never-made.sqlite", "--min-n", "-3"], message: "--min-n must be a whole number ≥ 1 (got -3)"),
        .init(arguments: ["report", "trainers", "--db", "never-made.sqlite", "--k", "-1.5"], message: "--k must be a number ≥ 0 (got -1.5)"),
        .init(arguments: ["report", "yearly", "--db", "never-made.sqlite", "--year", "-2024"], message: "--year must be a year such as 2024 (got -2024)"),
        .init(arguments: ["inspect", "--records", "-2", sample], message: "--records must be a whole number ≥ 0 (got -2)"),
        .init(arguments: ["inspect", "--header-line", "-2", sample], message: "--header-line must be 0 (no header) or a line number (got -2)"),
    ]

    @Test("a negative number says which flag, what it takes and what it got", arguments: badNumbers)
    func negativeNumber(_ example: BadNumber) throws {
        try withTemporaryDirectory { dir in
            let arguments = example.arguments.map { $0.hasPrefix("sample-data/") ? PikirBinary.repo.appendingPathComponent($0).path : $0 }
            let run = try PikirBinary.run(arguments, in: dir)
            #expect(run.status == 64, "\(run)")
            #expect(run.stderr.hasPrefix("Error: \(example.message)\n"), "\(run.stderr)")
            #expect(!run.stderr.contains("Missing value"), "\(run.stderr)")
            #expect(run.stdout == "")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("never-made.sqlite").path))
        }
    }

    @Test("--sort -mean sorts descending (the - is the value's, not a flag)")
    func descendingSort() throws {
        let run = try PikirBinary.run(["agg", "--csv", Self.sample, "--by", "trainer", "--min-n", "1", "--stat", "n,mean", "--sort", "-n", "--format", "csv"])
        #expect(run.status == 0, "\(run)")
        let counts = run.stdout.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: ",")[2]) }
        #expect(counts.count > 1 && counts == counts.sorted(by: >), "\(run.stdout)")
    }

    @Test("a file named -x.csv: say it looks like an option and how to name it", arguments: [
        (["ingest", "--db", "w.sqlite", "-x.csv"], "pikir ingest --db w.sqlite ./-x.csv"),
        (["inspect", "-x.csv"], "pikir inspect ./-x.csv"),
        (["ingest", "ok.csv", "-x.csv", "--db", "w.sqlite"], "pikir ingest ok.csv ./-x.csv --db w.sqlite"),
        (["agg", "--csv", "-x.csv"], "pikir agg --csv ./-x.csv"),
    ])
    func dashFile(_ arguments: [String], _ suggestion: String) throws {
        try withTemporaryDirectory { dir in
            let text = try String(contentsOf: PikirBinary.repo.appendingPathComponent(Self.sample), encoding: .utf8)
            try dir.writeFile("-x.csv", text: text)
            try dir.writeFile("ok.csv", text: text)
            let run = try PikirBinary.run(arguments, in: dir)
            #expect(run.status == 64, "\(run)")
            #expect(run.stderr == "pikir: unknown option -x.csv; if it is a file, write it as ./-x.csv (or put -- before the file names): \(suggestion)\n",
                    "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("w.sqlite").path))
            // The suggestion works.
            let fixed = try PikirBinary.run(Array(suggestion.split(separator: " ").dropFirst().map(String.init)), in: dir)
            #expect(fixed.status == 0, "\(suggestion): \(fixed)")
        }
    }

    @Test("an unknown option that is not a file keeps the parser's message")
    func unknownOption() throws {
        let run = try PikirBinary.run(["agg", "--frobnicate"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: Unknown option '--frobnicate'"), "\(run.stderr)")
    }
}
