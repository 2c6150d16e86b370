/// Copies fields out of libcsv's entry buffer into one reusable byte buffer.
///
/// A record's fields are stored back to back; `ends[i]` is where field `i`
/// ends. libcsv may complete more than one record in one call (a stray CR in
/// an LF file), so record boundaries are kept as field counts in `recordEnds`
/// until the reader has delivered them.
///
/// - Complexity: amortised O(field length) per field: one `memcpy`.
final class FieldCollector {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int
    private(set) var byteCount = 0
    private(set) var ends: UnsafeMutablePointer<Int>
    private var endCapacity: Int
    private(set) var fieldCount = 0
    /// Field counts at which completed, not yet delivered, records end.
    var recordEnds: [Int] = []

    init() {
        byteCapacity = 64 * 1024
        bytes = .allocate(capacity: byteCapacity)
        endCapacity = 256
        ends = .allocate(capacity: endCapacity)
        recordEnds.reserveCapacity(4)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    /// libcsv's entry buffer is allocated in 4 KiB steps, so 16 bytes can
    /// always be read from its start: short fields (most survey answers) are
    /// copied as two words instead of through `memcpy`.
    @inline(__always)
    func appendField(_ data: UnsafeMutableRawPointer?, _ length: Int) {
        if byteCount + length + 16 > byteCapacity { growBytes(byteCount + length + 16) }
        if fieldCount == endCapacity { growEnds() }
        if let data {
            let target = UnsafeMutableRawPointer(bytes + byteCount)
            if length <= 16 {
                target.storeBytes(of: data.loadUnaligned(as: UInt64.self), as: UInt64.self)
                (target + 8).storeBytes(of: (data + 8).loadUnaligned(as: UInt64.self), as: UInt64.self)
            } else {
                target.copyMemory(from: data, byteCount: length)
            }
        }
        byteCount += length
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    /// Appends a field from memory that may end right after it (a line of
    /// the file being read, see `QuoteFreeLine`).
    @inline(__always)
    func appendField(copying data: UnsafeRawPointer, _ length: Int) {
        if byteCount + length + 16 > byteCapacity { growBytes(byteCount + length + 16) }
        if fieldCount == endCapacity { growEnds() }
        UnsafeMutableRawPointer(bytes + byteCount).copyMemory(from: data, byteCount: length)
        byteCount += length
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    @inline(__always)
    func endRecord() {
        recordEnds.append(fieldCount)
    }

    /// Forgets every field and record, keeping the storage.
    func clear() {
        byteCount = 0
        fieldCount = 0
        recordEnds.removeAll(keepingCapacity: true)
    }

    /// A view of the fields `from..<to`.
    func view(fields range: Range<Int>, line: Int) -> RecordView {
        RecordView(bytes: bytes, ends: ends, first: range.lowerBound, count: range.count, line: line)
    }

    private func growBytes(_ needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
        byteCapacity = capacity
    }

    private func growEnds() {
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
        grown.update(from: ends, count: fieldCount)
        ends.deallocate()
        ends = grown
        endCapacity *= 2
    }
}
