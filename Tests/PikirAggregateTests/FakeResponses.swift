@testable import PikirAggregate
import PikirModel

/// One response as a test writes it: the stored columns an aggregation can
/// read, nil for a missing (NULL) value.
struct Response {
    var region: String?
    var city: String?
    var year: Int?
    var month: Int?
    /// ISO `yyyy-mm-dd`, as stored.
    var sessionDate: String?
    var session: String?
    var trainerID: String?
    var trainerName: String?
    var module: String?
    var group: String?
    var lang: String?
    var overall: Double?
    var delivery: Double?
    var content: Double?
    var organisation: Double?
    var applicability: Double?
    var nps: Double?

    /// The column's value: text, a number, or nil.
    func value(_ column: ScanColumn) -> FakeRow.Cell {
        func text(_ s: String?) -> FakeRow.Cell { s.map { .text(FakeRow.Bytes($0)) } ?? .missing }
        func number(_ x: Double?) -> FakeRow.Cell { x.map(FakeRow.Cell.number) ?? .missing }
        switch column {
        case .region: return text(region)
        case .city: return text(city)
        case .year: return number(year.map(Double.init))
        case .month: return number(month.map(Double.init))
        case .sessionDate: return text(sessionDate)
        case .sessionID: return text(session)
        case .trainerID: return text(trainerID)
        case .trainerName: return text(trainerName)
        case .module: return text(module)
        case .participantGroup: return text(group)
        case .lang: return text(lang)
        case .overall: return number(overall)
        case .delivery: return number(delivery)
        case .content: return number(content)
        case .organisation: return number(organisation)
        case .applicability: return number(applicability)
        case .nps: return number(nps)
        default: return .missing
        }
    }
}

/// A `ResponseRow` holding one value per column, in the positions of the
/// aggregator's `columns`, as a warehouse scan or an export read gives them.
struct FakeRow: ResponseRow {
    /// UTF-8 bytes that stay put while the row lives (a `bytes(_:)` pointer must).
    final class Bytes {
        let buffer: UnsafeMutableRawBufferPointer
        init(_ text: String) {
            let utf8 = Array(text.utf8)
            buffer = .allocate(byteCount: max(utf8.count, 1), alignment: 1)
            buffer.copyBytes(from: utf8)
            count = utf8.count
        }
        let count: Int
        deinit { buffer.deallocate() }
    }

    enum Cell {
        case text(Bytes)
        case number(Double)
        case missing
    }

    let cells: [Cell]

    init(_ response: Response, columns: [ScanColumn]) {
        cells = columns.map(response.value)
    }

    func bytes(_ column: Int) -> UnsafeRawBufferPointer? {
        guard case .text(let bytes) = cells[column] else { return nil }
        return UnsafeRawBufferPointer(start: bytes.buffer.baseAddress, count: bytes.count)
    }

    func double(_ column: Int) -> Double? {
        guard case .number(let x) = cells[column] else { return nil }
        return x
    }

    func integer(_ column: Int) -> Int? {
        guard case .number(let x) = cells[column] else { return nil }
        return Int(x)
    }
}

/// The query as `pikir agg` would parse these flags; a bad flag fails the test.
func query(by: [String] = [], measures: [String] = [], stats: [String] = [], filters: [String] = [],
           minN: Int = 5, sort: String? = nil) throws -> AggregateQuery {
    try AggregateQuery.parse(by: by, measures: measures, stats: stats, filters: filters, minN: minN, sort: sort)
}

/// Every response through one aggregator, and its rows.
func aggregate(_ responses: [Response], _ query: AggregateQuery) -> [AggregateRow] {
    let aggregator = Aggregator(query: query)
    for response in responses { aggregator.add(FakeRow(response, columns: aggregator.columns)) }
    return aggregator.rows()
}

/// One response per overall answer, otherwise like `base`.
func answers(_ values: [Double], _ base: Response = Response()) -> [Response] {
    values.map { var r = base; r.overall = $0; return r }
}

extension AggregateRow {
    /// The row's value of one dimension, as shown (nil: missing).
    func text(_ dimension: Dimension) -> String? {
        dimensions.first { $0.dimension == dimension }?.value.text
    }

    /// A statistic as a plain number (nil when withheld or not computable).
    func number(_ stat: Stat) -> Double? {
        switch value(stat) {
        case .number(let x)?: x
        case .count(let n)?: Double(n)
        default: nil
        }
    }
}

/// Whether two numbers agree to 1e-12 relative (absolute near zero).
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}
