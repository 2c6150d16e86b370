import Foundation
import Testing

/// A large export is read in parts on every core by `agg --csv`
/// (`PIKIR_PART_BYTES` sets the part size; 0 reads every file whole): it
/// gives the same bytes either way, on the sample exports and on a generated
/// export with quoted line breaks, stray quotes, rejects and duplicates.
@Suite("reading one export in parts")
struct SplitReadCommandTests {
    static let whole = ["PIKIR_PART_BYTES": "0"]
    /// Small parts, so that a file of a few hundred kilobytes has dozens (16 parts' worth is the least cut).
    static let parts = ["PIKIR_PART_BYTES": "2048"]

    /// 3,000 generated rows (Kazakh, Russian and English answers, quoted
    /// commas, doubled quotes and line breaks), with messy lines put in.
    static func messyExport(in dir: URL) throws -> String {
        let clean = dir.appendingPathComponent("clean.csv").path
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", PikirBinary.repo.appendingPathComponent("bench/gen_responses.py").path,
                               "--rows", "3000", "--seed", "17", clean]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        var lines = try String(contentsOfFile: clean, encoding: .utf8).components(separatedBy: "\n")
        try #require(lines.count > 3000)
        // From the end backwards, so that each index is still the generated line's.
        lines.insert("r-stray,KZ-ALA,Алматы,2024,2024-05-06,Trainer,Module,NGO,5,5,5,5,5,10,\"opened, never closed", at: 2600)
        lines.insert("", at: 2200)
        lines.insert("Итого,,,,,,,,,,,,,,", at: 1800)
        lines.insert(lines[500], at: 1500)  // a duplicate
        lines.insert("r-wide,KZ-AST,Астана,2023,2023-03-04,T,M,NGO,4,4,4,4,4,9,ok,extra", at: 1200)
        lines.insert("r-quote,KZ-SHY,Шымкент,2022,2022-02-02,T,M,NGO,3,3,3,3,3,7,\"closed\"then text", at: 900)
        lines.insert("r-open,KZ-KAR,Қарағанды,2021,2021-01-01,T,M,NGO,2,2,2,2,2,5,\"opened here", at: 400)
        let path = dir.appendingPathComponent("messy.csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("agg --csv: the same groups, figures and accounting from parts as from the whole file")
    func aggFromParts() throws {
        try withTemporaryDirectory { dir throws in
            let file = try Self.messyExport(in: dir)
            let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as! Int
            #expect(size > 100 * 2048, "dozens of parts")
            for query in [["--by", "region,year", "--stat", "n,mean,sd,median,nps,dist"], ["--by", "trainer", "--measure", "overall,nps"]] {
                let arguments = ["agg", "--csv", file, "--jobs", "2", "--format", "json"] + query
                let whole = try PikirBinary.run(arguments, environment: Self.whole)
                let parts = try PikirBinary.run(arguments, environment: Self.parts)
                #expect(whole.status == 0, "\(whole)")
                #expect(!whole.stderr.contains(" 0 rejected") && !whole.stderr.contains(" 0 ignored") && whole.stderr.contains("1 duplicate"),
                        "\(whole.stderr)")
                #expect(parts.stdout == whole.stdout)
                #expect(parts.stderr == whole.stderr)
            }
            let sample = ["agg", "--csv", "sample-data/", "--jobs", "2", "--by", "session", "--format", "json"] + AggCommandTests.registries
            let wholeSample = try PikirBinary.run(sample, environment: Self.whole)
            let partsSample = try PikirBinary.run(sample, environment: ["PIKIR_PART_BYTES": "64"])
            #expect(wholeSample.status == 0, "\(wholeSample)")
            #expect(partsSample.stdout == wholeSample.stdout)
            #expect(partsSample.stderr == wholeSample.stderr)
        }
    }
}
