import Foundation
import PikirAggregate
import PikirEngine
import PikirModel
import PikirNormalise
import PikirStore
import Testing

// In this target because it reaches the warehouse, the ingest and the
// aggregation at once (PikirPipeline depends on all three).

/// The sample exports ingested once, with the trainer and sessions registries.
private let samplePath: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let data = root.appendingPathComponent("sample-data")
    let files = try! FileManager.default.contentsOfDirectory(atPath: data.path)
        .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".txt") }.sorted().map { data.appendingPathComponent($0).path }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-grouped-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let warehouse = try! SQLiteWarehouse(path: dir.appendingPathComponent("pikir.sqlite").path)
    let settings = try! NormaliserSettings.load(trainers: data.appendingPathComponent("registries/trainers.csv").path,
                                                sessions: data.appendingPathComponent("registries/sessions.csv").path, mapping: nil)
    _ = Ingestor(warehouse: warehouse, settings: settings).ingest(paths: files, parallelism: 1)
    try! warehouse.settle()
    return warehouse.path
}()

/// The sample warehouse, opened for reading.
private var sampleWarehouse: SQLiteWarehouse { try! SQLiteWarehouse(path: samplePath, readOnly: true) }

/// Groups another source's rows in memory, in the order each combination is
/// first read: what a warehouse's GROUP BY … ORDER BY min(id) gives.
final class GroupingSource: GroupedResponseSource {
    let rows: any ResponseSource
    private(set) var groupsGiven = 0
    init(_ rows: any ResponseSource) { self.rows = rows }

    enum Cell: Hashable { case missing, text([UInt8]), integer(Int), real(Double) }

    /// A group's values, its texts copied to memory freed after the call that gives the row.
    struct Row: ResponseRow {
        enum Value { case missing, text(UnsafeRawBufferPointer), integer(Int), real(Double) }
        let values: [Value]
        func bytes(_ column: Int) -> UnsafeRawBufferPointer? {
            guard case .text(let bytes) = values[column] else { return nil }
            return bytes
        }
        func double(_ column: Int) -> Double? {
            switch values[column] {
            case .integer(let n): Double(n)
            case .real(let x): x
            default: nil
            }
        }
        func integer(_ column: Int) -> Int? {
            switch values[column] {
            case .integer(let n): n
            case .real(let x): Int(x)
            default: nil
            }
        }
    }

    func scanResponses(_ columns: [ScanColumn], _ body: (any ResponseRow) throws -> Void) throws {
        try rows.scanResponses(columns, body)
    }

    func scanResponseGroups(_ columns: [ScanColumn], _ body: (any ResponseRow, Int) throws -> Void) throws {
        var order: [[Cell]] = [], counts: [[Cell]: Int] = [:]
        try rows.scanResponses(columns) { row in
            let cells = columns.indices.map { i -> Cell in
                switch columns[i].storage {
                case .text: row.bytes(i).map { .text(Array($0)) } ?? .missing
                case .integer: row.integer(i).map(Cell.integer) ?? .missing
                case .real: row.double(i).map(Cell.real) ?? .missing
                }
            }
            if counts[cells] == nil { order.append(cells) }
            counts[cells, default: 0] += 1
        }
        for cells in order {
            var copies: [UnsafeMutableRawBufferPointer] = []
            defer { copies.forEach { $0.deallocate() } }
            let values = cells.map { cell -> Row.Value in
                switch cell {
                case .missing: return .missing
                case .integer(let n): return .integer(n)
                case .real(let x): return .real(x)
                case .text(let bytes):
                    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
                    copy.copyBytes(from: bytes)
                    copies.append(copy)
                    return .text(UnsafeRawBufferPointer(copy))
                }
            }
            groupsGiven += 1
            try body(Row(values: values), counts[cells]!)
        }
    }
}

/// Everything `pikir agg` could print of a row, as text.
private func describe(_ rows: [AggregateRow]) -> [String] {
    rows.map { row in
        let dims = row.dimensions.map { "\($0.dimension.rawValue)=\($0.value.text ?? "-")#\($0.value.number.map(String.init) ?? "")@\($0.value.trainerID ?? "")" }
        let stats = Stat.allCases.map { "\($0.rawValue):\(row.value($0).map { String(describing: $0) } ?? "-")" }
        let g = row.group
        return (dims + [row.measure.name, "\(row.suppression)"] + stats
            + ["responses:\(g.responses)", "sessions:\(g.sessions.map(String.init) ?? "-")", "first:\(g.firstDate ?? "-")",
               "files:\(g.files.sorted())"]).joined(separator: " ")
    }
}

@Suite("Aggregator fed grouped rows")
struct GroupedSourceTests {
    static let queries: [(by: [String], measures: [String], stats: [String], filters: [String], from: String?, to: String?, minN: Int)] = [
        ([], [], ["n", "mean", "sd", "median", "nps", "ci95"], [], nil, nil, 1),
        (["region"], ["overall", "nps"], ["n", "mean", "sd", "median", "nps", "ci95", "p25", "p75", "top2", "bottom2", "dist"], [], nil, nil, 1),
        (["region", "year"], ["overall", "nps", "delivery"], ["n", "mean", "sd", "se", "median", "nps", "min", "max"], [], nil, nil, 3),
        (["trainer"], ["overall", "content"], ["n", "mean", "responses", "sessions", "first_date"], [], nil, nil, 1),
        (["session"], ["overall"], ["n", "mean", "sessions", "first_date", "responses"], [], nil, nil, 1),
        (["year", "month"], ["overall"], ["n", "mean", "median"], [], "2022-01-01", "2024-12-31", 1),
        (["region"], ["overall"], ["n", "mean"], ["city=Алматы,Караганда"], nil, nil, 1),
        (["city", "lang"], ["applicability", "organisation"], ["n", "mean", "sd"], ["region=KZ-75,Карагандинская,Нигде"], nil, nil, 1),
        (["trainer", "module"], ["overall"], ["n", "mean"], ["trainer=Ким Д.,Кто-то Неизвестный"], "2020-01-01", nil, 1),
        (["group", "region", "year", "city", "lang"], ["overall", "nps"], ["n", "mean", "nps"], ["year=2024,2025"], nil, nil, 2),
    ]

    @Test("every query gives exactly the rows of the row-by-row path", arguments: queries.indices)
    func sameRows(index: Int) throws {
        let q = Self.queries[index]
        var query = try AggregateQuery.parse(by: q.by, measures: q.measures, stats: q.stats, filters: q.filters,
                                             minN: q.minN, sort: nil, from: q.from, to: q.to)
        query.collectsFiles = true
        let warehouse = sampleWarehouse
        let byRow = try Aggregator.run(query, over: warehouse)
        let grouping = GroupingSource(warehouse)
        let byGroup = try Aggregator.run(query, over: grouping)
        #expect(grouping.groupsGiven > 0)
        #expect(byGroup.rowsRead == byRow.rowsRead && byGroup.rowsKept == byRow.rowsKept)
        #expect(byRow.rowsKept > 0)
        #expect(describe(byGroup.rows()) == describe(byRow.rows()))
        #expect(byGroup.unmatchedFilters() == byRow.unmatchedFilters())
    }

    @Test("several queries in one grouped scan, as a report runs them, match one by one")
    func severalAtOnce() throws {
        let queries = try Self.queries.map {
            try AggregateQuery.parse(by: $0.by, measures: $0.measures, stats: $0.stats, filters: $0.filters, minN: $0.minN, sort: nil,
                                     from: $0.from, to: $0.to)
        }
        let grouping = GroupingSource(sampleWarehouse)
        let together = try Aggregator.run(queries, on: grouping)
        #expect(grouping.groupsGiven > 0)
        for (query, aggregator) in zip(queries, together) {
            #expect(describe(aggregator.rows()) == describe(try Aggregator.run(query, over: sampleWarehouse).rows()))
        }
    }

    @Test("comments need the reading order: such a query reads row by row")
    func commentsReadRows() throws {
        var query = try AggregateQuery.parse(by: ["region"], measures: [], stats: [], filters: [], minN: 1, sort: nil)
        query.comments = 3
        let grouping = GroupingSource(sampleWarehouse)
        let aggregator = try Aggregator.run(query, over: grouping)
        #expect(grouping.groupsGiven == 0)
        #expect(aggregator.rows().map(\.group.comments) == (try Aggregator.run(query, over: sampleWarehouse).rows().map(\.group.comments)))
    }
}
