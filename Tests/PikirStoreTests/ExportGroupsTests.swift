import Foundation
import PikirEngine
import PikirIngest
import PikirModel
import PikirNormalise
import Testing

/// `ExportResponses.scanResponseGroups` (what `agg --csv` counts) must give
/// what `scanResponses` gives, grouped: every combination of the columns as
/// many times in all as the row-by-row scan has it, the combinations first
/// met in the same order, and the same accounting; whether a file is read
/// whole or in parts, and with duplicates within a part, across parts and
/// across files.
struct ExportGroupsTests {
    /// A row's values of the scan's columns, as text.
    static func key(_ row: any ResponseRow, _ count: Int) -> String {
        (0..<count).map { i in
            if let bytes = row.bytes(i) { return "'\(String(decoding: bytes, as: UTF8.self))'" }
            return row.double(i).map { "\($0)" } ?? "-"
        }.joined(separator: " | ")
    }

    struct Scan: Equatable {
        /// Combinations in the order first met.
        var order: [String] = []
        var counts: [String: Int] = [:]
        var files: [String] = []
    }

    static func scan(_ paths: [String], _ columns: [ScanColumn], grouped: Bool, partBytes: Int,
                     settings: NormaliserSettings = NormaliserSettings()) throws -> (scan: Scan, calls: Int) {
        let source = ExportResponses(settings: settings, inputs: paths.map { ExportInput(path: $0) }, parallelism: 2)
        source.partBytes = partBytes
        var scan = Scan()
        var calls = 0
        func add(_ key: String, _ count: Int) {
            calls += 1
            #expect(count >= 1)
            if scan.counts[key] == nil { scan.order.append(key) }
            scan.counts[key, default: 0] += count
        }
        if grouped {
            try source.scanResponseGroups(columns) { add(key($0, columns.count), $1) }
        } else {
            try source.scanResponses(columns) { add(key($0, columns.count), 1) }
        }
        scan.files = source.reports.map { r in
            "\(URL(fileURLWithPath: r.path).lastPathComponent) \(r.status.rawValue): \(r.accepted) accepted, \(r.rejected) rejected, "
                + "\(r.duplicates) duplicates, \(r.ignored) ignored \(r.message ?? "")"
        }
        return (scan, calls)
    }

    /// Whole files (0), and parts of 2 KB: a few hundred parts per file.
    @Test("messy exports: grouped as the rows are, whole and in parts", arguments: ProjectionTests.queries.indices, [0, 2048])
    func messyExports(query: Int, partBytes: Int) throws {
        let exports = MessyExports(in: scratchDirectory())
        let columns = ProjectionTests.queries[query]
        let rows = try Self.scan(exports.paths, columns, grouped: false, partBytes: partBytes)
        let groups = try Self.scan(exports.paths, columns, grouped: true, partBytes: partBytes)
        #expect(rows.scan.files == exports.expected, "the generator's plan")
        #expect(groups.scan.files == rows.scan.files)
        #expect(groups.scan.order == rows.scan.order)
        #expect(groups.scan.counts == rows.scan.counts)
        if query == 0 && partBytes == 0 {
            // Four columns of few values: combinations repeat within a batch, and are handed over once.
            #expect(groups.calls < rows.calls, "\(groups.calls) combinations for \(rows.calls) rows")
        }
    }

    @Test("sample-data: grouped as the rows are", arguments: ProjectionTests.queries.indices)
    func sampleData(query: Int) throws {
        let registries = repositoryRoot.appendingPathComponent("sample-data/registries")
        let settings = try NormaliserSettings.load(trainers: registries.appendingPathComponent("trainers.csv").path,
                                                   sessions: registries.appendingPathComponent("sessions.csv").path, mapping: nil)
        let columns = ProjectionTests.queries[query]
        let rows = try Self.scan(sampleFiles(), columns, grouped: false, partBytes: 64, settings: settings)
        let groups = try Self.scan(sampleFiles(), columns, grouped: true, partBytes: 64, settings: settings)
        #expect(rows.scan.counts.values.reduce(0, +) == 595)
        #expect(groups.scan == rows.scan)
    }
}
