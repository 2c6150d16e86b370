import Foundation
@testable import PikirIngest

/// Writes bytes to a fresh temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "export.csv") -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try! Data(bytes).write(to: url)
    return url.path
}

func temporaryFile(_ text: String, name: String = "export.csv") -> String {
    temporaryFile(Array(text.utf8), name: name)
}

/// Keeps everything a reader delivers, as strings.
final class CollectingSink: RecordSink {
    var columns: [String] = []
    var headerLine: Int?
    var records: [(line: Int, fields: [String])] = []
    var ignored: [IgnoredLine] = []
    var rejects: [Reject] = []

    func header(columns: [String], line: Int?) {
        self.columns = columns
        headerLine = line
    }
    func record(_ record: RecordView) { records.append((record.line, record.strings)) }
    func ignored(_ ignored: IgnoredLine) { self.ignored.append(ignored) }
    func rejected(_ reject: Reject) { rejects.append(reject) }
}

struct ReadResult {
    var format: FileFormat
    var summary: ReadSummary
    var sink: CollectingSink

    var records: [(line: Int, fields: [String])] { sink.records }
    var ignoredPairs: [String] { sink.ignored.map { "\($0.line):\($0.reason.rawValue)" } }
    var rejectPairs: [String] { sink.rejects.map { "\($0.line):\($0.reason.rawValue)" } }
}

func readFile(_ path: String, _ options: ReadOptions = ReadOptions()) throws -> ReadResult {
    let reader = try ExportReader(path: path, options: options)
    let sink = CollectingSink()
    let summary = try reader.read(into: sink)
    return ReadResult(format: reader.format, summary: summary, sink: sink)
}

func read(_ text: String, _ options: ReadOptions = ReadOptions()) throws -> ReadResult {
    try readFile(temporaryFile(text), options)
}

func read(bytes: [UInt8], _ options: ReadOptions = ReadOptions()) throws -> ReadResult {
    try readFile(temporaryFile(bytes), options)
}

/// The repository root, from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

