import PikirStore

extension Aggregator {
    /// Feeds every aggregator from one scan of the warehouse: a report asks
    /// several queries, and reading a million responses once costs less than
    /// reading them once per query.
    public static func run(_ aggregators: [Aggregator], on warehouse: Warehouse) throws {
        var columns: [Warehouse.ScanColumn] = []
        let maps = aggregators.map { aggregator in
            aggregator.columns.map { column -> Int in
                if let i = columns.firstIndex(of: column) { return i }
                columns.append(column)
                return columns.count - 1
            }
        }
        if aggregators.count == 1 {
            try warehouse.scanResponses(columns) { aggregators[0].add($0) }
            return
        }
        try warehouse.scanResponses(columns) { row in
            for (aggregator, map) in zip(aggregators, maps) { aggregator.add(MappedRow(base: row, map: map)) }
        }
    }
}

/// A row seen through another aggregator's column positions.
struct MappedRow<Base: ResponseRow>: ResponseRow {
    let base: Base
    /// Position in `base` of each of the aggregator's columns.
    let map: [Int]

    @inline(__always) func bytes(_ column: Int) -> UnsafeRawBufferPointer? { base.bytes(map[column]) }
    @inline(__always) func double(_ column: Int) -> Double? { base.double(map[column]) }
    @inline(__always) func integer(_ column: Int) -> Int? { base.integer(map[column]) }
}
