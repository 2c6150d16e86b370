import Foundation

/// One object of `pikir inspect --format json` output.
struct InspectedFile: Decodable, Sendable {
    struct LineReason: Decodable, Equatable, Sendable, CustomStringConvertible {
        var line: Int
        var reasonCode: String
        var description: String { "\(line):\(reasonCode)" }
    }
    struct Reject: Decodable, Sendable {
        var line: Int
        var reasonCode: String
        var reason: String
        var raw: String
    }
    struct Sample: Decodable, Sendable {
        var line: Int
        var fields: [String]
    }
    struct Mapping: Decodable, Sendable {
        struct DecidedBy: Decodable, Equatable, Sendable {
            var part: String
            var text: String
            var words: [String]
        }
        var column: String
        var field: String?
        var match: String?
        var decidedBy: DecidedBy?
        var note: String?
    }

    var path: String
    var encoding: String
    var encodingEvidence: String
    var delimiter: String
    var delimiterEvidence: String
    var lineEnding: String
    var headerLine: Int?
    var columns: [String]
    var records: Int
    var ignored: Int
    var rejected: Int
    var physicalLines: Int
    var bytes: Int
    var ignoredLines: [LineReason]
    var rejects: [Reject]
    var shortRecordLines: [Int]
    var sample: [Sample]
    var unlisted: Int
    var mapping: [Mapping]

    var rejectPairs: [LineReason] { rejects.map { LineReason(line: $0.line, reasonCode: $0.reasonCode) } }

    /// Decodes the whole stdout of `inspect --format json`.
    static func decodeAll(_ stdout: String) throws -> [InspectedFile] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([InspectedFile].self, from: Data(stdout.utf8))
    }

    /// Runs `pikir inspect --format json` and decodes the output.
    static func inspect(_ arguments: [String], in directory: URL = PikirBinary.repo) throws -> (PikirRun, [InspectedFile]) {
        let run = try PikirBinary.run(["inspect", "--format", "json"] + arguments, in: directory)
        do {
            return (run, try decodeAll(run.stdout))
        } catch {
            throw BinaryRunnerError(description: "stdout is not inspect JSON (\(error))\n\(run)")
        }
    }
}

/// One object of `sample-data/expected.json`, written by the Python generator.
struct ExpectedFile: Decodable, Sendable {
    struct FirstRecord: Decodable, Sendable {
        var line: Int
        var fields: [String]
    }

    var path: String
    var encoding: String
    var delimiter: String
    var lineEnding: String
    var headerLine: Int?
    var columns: [String]
    var records: Int
    var ignoredLines: [InspectedFile.LineReason]
    var rejects: [InspectedFile.LineReason]
    var shortRecordLines: [Int]
    var physicalLines: Int
    var firstRecord: FirstRecord
}

enum SampleData {
    static let expectedURL = PikirBinary.repo.appendingPathComponent("sample-data/expected.json")

    static func loadExpected() throws -> [ExpectedFile] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([ExpectedFile].self, from: Data(contentsOf: expectedURL))
    }

    /// The paths in expected.json (relative to the repo), for parameterised tests.
    /// Empty if the file cannot be read: `SampleDataJSONTests` then fails loudly.
    static let paths: [String] = (try? loadExpected().map(\.path)) ?? []

    static func path(_ prefix: String) -> String {
        paths.first { $0.hasPrefix("sample-data/" + prefix) } ?? "sample-data/\(prefix)-NOT-IN-expected.json"
    }

    static let kz1048 = path("2020-02-20")
    static let cp1251 = path("2021-10-08")
    static let utf16LE = path("2022-06-10")
    static let googleFormsEN = path("2022-11-05")
    static let googleFormsRU = path("2019-11-14")
    static let badRow = path("2024-11-05")
    static let unterminated = path("2025-05-16")
    static let raggedReport = path("2026-02-12")
    static let macCR = path("2023-09-22")
}
