/// One normalised response as an aggregation reads it: the columns it asked
/// for, by their position in its list, whether the response comes from the
/// warehouse or straight from exports (any `ResponseSource`).
public protocol ResponseRow {
    /// The column's text as UTF-8, valid only during the call that gave the row; nil when missing.
    func bytes(_ column: Int) -> UnsafeRawBufferPointer?
    func double(_ column: Int) -> Double?
    func integer(_ column: Int) -> Int?
}

/// A row of a batch of `EncodedRows`, seen through a list of columns.
///
/// The buffers are lent by the caller for the call that gives the row, and
/// every offset is a `ResponseColumn.cell` (below `EncodedRows.columns`) or
/// -1: reads stay within the row's cells.
public struct EncodedRowView: ResponseRow {
    let cells: UnsafeBufferPointer<EncodedRows.Cell>
    let base: UnsafePointer<UInt8>?
    let first: Int
    /// Cell offset of each requested column.
    let offsets: UnsafeBufferPointer<Int>

    public init(cells: UnsafeBufferPointer<EncodedRows.Cell>, base: UnsafePointer<UInt8>?, first: Int, offsets: UnsafeBufferPointer<Int>) {
        self.cells = cells
        self.base = base
        self.first = first
        self.offsets = offsets
    }

    @inline(__always)
    private func cell(_ column: Int) -> EncodedRows.Cell {
        let offset = offsets[column]
        return offset < 0 ? EncodedRows.Cell(kind: .null, count: 0, value: 0) : cells[first + offset]
    }

    public func bytes(_ column: Int) -> UnsafeRawBufferPointer? {
        let c = cell(column)
        guard c.kind == .text else { return nil }
        guard let base else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base + Int(c.value), count: Int(c.count))
    }

    public func double(_ column: Int) -> Double? {
        let c = cell(column)
        switch c.kind {
        case .real: return Double(bitPattern: UInt64(bitPattern: c.value))
        case .integer: return Double(c.value)
        default: return nil
        }
    }

    public func integer(_ column: Int) -> Int? {
        let c = cell(column)
        switch c.kind {
        case .integer: return Int(c.value)
        case .real: return Int(Double(bitPattern: UInt64(bitPattern: c.value)))
        default: return nil
        }
    }
}
