import Foundation
import Testing
@testable import PikirIngest

/// The sample exports against `sample-data/expected.json`, which the Python
/// generator wrote from what it put in each file (and `check.py` re-derived
/// with Python's csv module), not from anything pikir computes.
struct SampleDataTests {
    struct Expected: Decodable, CustomTestStringConvertible, Sendable {
        struct Line: Decodable, Sendable { var line: Int; var reason_code: String }
        struct First: Decodable, Sendable { var line: Int; var fields: [String] }
        var path: String
        var encoding: String
        var delimiter: String
        var line_ending: String
        var header_line: Int?
        var columns: [String]
        var records: Int
        var ignored_lines: [Line]
        var rejects: [Line]
        var short_record_lines: [Int]
        var physical_lines: Int
        var first_record: First
        var testDescription: String { path }
    }

    static let expected: [Expected] = {
        let url = repositoryRoot.appendingPathComponent("sample-data/expected.json")
        return try! JSONDecoder().decode([Expected].self, from: Data(contentsOf: url))
    }()

    @Test func coversEveryEncodingDelimiterAndLineEnding() {
        #expect(Set(Self.expected.map(\.encoding)) == Set(TextEncoding.allCases.map(\.rawValue)))
        #expect(Set(Self.expected.map(\.delimiter)) == [",", ";", "\t", "|"])
        #expect(Set(Self.expected.map(\.line_ending)) == ["crlf", "lf", "cr"])
        #expect(Self.expected.count >= 6)
    }

    @Test(arguments: expected)
    func detectsAndReadsLikeTheGenerator(_ file: Expected) throws {
        let result = try readFile(repositoryRoot.appendingPathComponent(file.path).path)
        let format = result.format
        #expect(format.encoding.rawValue == file.encoding)
        #expect((format.dialect.delimiter == 0x09 ? "\t" : format.dialect.delimiterName) == file.delimiter)
        #expect(format.dialect.lineEnding.rawValue == file.line_ending)
        #expect(format.headerLine == file.header_line)
        #expect(format.columns == file.columns)
        #expect(result.summary.records == file.records)
        #expect(result.summary.physicalLines == file.physical_lines)
        #expect(result.ignoredPairs == file.ignored_lines.map { "\($0.line):\($0.reason_code)" })
        #expect(result.rejectPairs == file.rejects.map { "\($0.line):\($0.reason_code)" })
        #expect(result.summary.shortRecordLines == file.short_record_lines)
        let first = try #require(result.records.first)
        #expect(first.line == file.first_record.line)
        #expect(first.fields == Array(file.first_record.fields.prefix(file.columns.count)))
    }

    /// Each line is the header, part of a record, ignored or rejected: the
    /// lines records span (1 + the line breaks inside their quoted fields)
    /// plus the rest add up to the physical lines.
    @Test(arguments: expected)
    func everyLineIsAccountedFor(_ file: Expected) throws {
        let result = try readFile(repositoryRoot.appendingPathComponent(file.path).path)
        let breaks: (String) -> Int = { field in
            field.unicodeScalars.reduce(into: 0) { n, s in if s == "\n" || s == "\r" { n += 1 } } - field.components(separatedBy: "\r\n").count + 1
        }
        let recordLines = result.records.reduce(0) { $0 + 1 + $1.fields.map(breaks).reduce(0, +) }
        let rejectLines = result.sink.rejects.count  // each reject here is one line
        let header = result.format.headerLine == nil ? 0 : 1
        #expect(recordLines + result.sink.ignored.count + rejectLines + header == result.summary.physicalLines)
    }

    /// Reading in tiny blocks splits multi-byte characters, CRLF pairs and
    /// quoted fields across blocks (and runs the two-thread path): the
    /// result must not change.
    @Test(arguments: expected)
    func blockSizeDoesNotChangeTheResult(_ file: Expected) throws {
        let path = repositoryRoot.appendingPathComponent(file.path).path
        let whole = try readFile(path)
        for size in [7, 64, 1000] {
            var options = ReadOptions()
            options.blockSize = size
            let small = try readFile(path, options)
            #expect(small.records.map(\.fields) == whole.records.map(\.fields), "block size \(size)")
            #expect(small.records.map(\.line) == whole.records.map(\.line), "block size \(size)")
            #expect(small.ignoredPairs == whole.ignoredPairs, "block size \(size)")
            #expect(small.rejectPairs == whole.rejectPairs, "block size \(size)")
            #expect(small.summary == whole.summary, "block size \(size)")
        }
    }
}
