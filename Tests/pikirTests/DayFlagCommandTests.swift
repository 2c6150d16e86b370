import Foundation
import Testing

/// One day parser for every flag and pipeline key that takes a day: an
/// impossible day is refused by `pikir agg`, `pikir report` and a pipeline
/// file with the same message; 29 February of a leap year is a day.
@Suite("impossible days refused the same way everywhere")
struct DayFlagCommandTests {
    static let sample = PikirBinary.repo.appendingPathComponent("sample-data/2022-11-05_astana_google-forms_en.csv").path

    static func message(_ day: String) -> String { "'\(day)' is not a date; write yyyy-mm-dd, e.g. 2024-01-31" }

    /// The test pipeline with `from = day` in its trainers report.
    static func pipeline(from day: String) -> String {
        RunWorkspace.pipelineText().replacingOccurrences(of: "  kind = \"trainers\"\n", with: "  kind = \"trainers\"\n  from = \"\(day)\"\n")
    }

    @Test("agg --from, report --to and a pipeline's from refuse the day with one message", arguments: ["2024-02-31", "2023-02-29"])
    func refused(day: String) throws {
        try withTemporaryDirectory { dir in
            let agg = try PikirBinary.run(["agg", "--csv", Self.sample, "--from", day], in: dir)
            #expect(agg.status == 64, "\(agg)")
            #expect(agg.stderr.hasPrefix("Error: --from \(Self.message(day))\n"), "\(agg.stderr)")
            let report = try PikirBinary.run(["report", "trainers", "--db", "never-made.sqlite", "--to", day], in: dir)
            #expect(report.status == 64, "\(report)")
            #expect(report.stderr.hasPrefix("Error: --to \(Self.message(day))\n"), "\(report.stderr)")
            let text = Self.pipeline(from: day)
            let workspace = try RunWorkspace.make(in: dir, pipeline: text)
            let line = text.components(separatedBy: "\n").firstIndex { $0.contains("from = \"\(day)\"") }! + 1
            let validate = try PikirBinary.run(["pipeline", "validate", workspace.pipeline], in: dir)
            #expect(validate.status == 65, "\(validate)")
            #expect(validate.stderr.contains("\(workspace.pipeline):\(line): stage.report.from: \(Self.message(day))\n"), "\(validate.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("never-made.sqlite").path))
        }
    }

    @Test("29 February 2024 is a day to agg, report and a pipeline file")
    func leapDay() throws {
        try withTemporaryDirectory { dir in
            let agg = try PikirBinary.run(["agg", "--csv", Self.sample, "--from", "2024-02-29", "--format", "csv"], in: dir)
            #expect(agg.status == 0, "\(agg)")
            let report = try PikirBinary.run(["report", "trainers", "--db", "never-made.sqlite", "--to", "2024-02-29"], in: dir)
            #expect(report.status == 66, "past the flags, to the missing warehouse: \(report)")
            #expect(!report.stderr.contains("not a date"), "\(report.stderr)")
            let workspace = try RunWorkspace.make(in: dir, pipeline: Self.pipeline(from: "2024-02-29"))
            let validate = try PikirBinary.run(["pipeline", "validate", workspace.pipeline], in: dir)
            #expect(validate.status == 0, "\(validate)")
        }
    }
}
