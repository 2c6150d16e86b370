#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Copies fields out of libcsv's entry buffer into one reusable byte buffer.
///
/// A record's fields are stored back to back; `ends[i]` is where field `i`
/// ends. Record boundaries are kept as field counts (`recordEnd(_:)`) until
/// the reader has delivered them.
///
/// - Complexity: amortised O(field length) per field: one `memcpy`.
final class FieldCollector {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int
    private(set) var byteCount = 0
    private(set) var ends: UnsafeMutablePointer<Int>
    private var endCapacity: Int
    private(set) var fieldCount = 0
    /// Field counts at which completed, not yet delivered, records end:
    /// `recordCount` of them, read with `recordEnd(_:)`. Kept as `ends` is:
    /// an array here was mutated on every record through a class, and each
    /// such access was checked for exclusivity at run time (with the
    /// reader's other checks, 3% of `agg --csv`'s time).
    private var recordEndStorage: UnsafeMutablePointer<Int>
    private var recordEndCapacity = 4
    private(set) var recordCount = 0

    init() {
        byteCapacity = 64 * 1024
        bytes = .allocate(capacity: byteCapacity)
        endCapacity = 256
        ends = .allocate(capacity: endCapacity)
        recordEndStorage = .allocate(capacity: recordEndCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
        recordEndStorage.deallocate()
    }

    /// The field count at which completed record `k` ends.
    @inline(__always)
    func recordEnd(_ k: Int) -> Int {
        precondition(k >= 0 && k < recordCount, "record \(k) of \(recordCount)")
        return recordEndStorage[k]
    }

    /// Appends a field libcsv completed: its `length` bytes are all that may be read.
    @inline(__always)
    func appendField(_ data: UnsafeMutableRawPointer?, _ length: Int) {
        reserve(length)
        if let data { UnsafeMutableRawPointer(bytes + byteCount).copyMemory(from: data, byteCount: length) }
        byteCount += length
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    /// Appends `line[start..<end]`, a field of a line `count` bytes long.
    ///
    /// Short fields (most survey answers) are copied as two words instead of
    /// through `memcpy` when 16 bytes from the field's start are still inside
    /// the line; `reserve` leaves 16 bytes of room after the field.
    @inline(__always)
    func appendField(_ line: UnsafeRawPointer, count: Int, from start: Int, to end: Int) {
        let length = end - start
        reserve(length)
        let target = UnsafeMutableRawPointer(bytes + byteCount)
        let data = line + start
        if length <= 16 && start + 16 <= count {
            target.storeBytes(of: data.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (target + 8).storeBytes(of: (data + 8).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else {
            target.copyMemory(from: data, byteCount: length)
        }
        byteCount += length
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    /// Appends the text of a quoted field, `line[start..<end]` between its
    /// quotes, in which every quote is the first of a doubled quote
    /// (`LineReader` checked it): each `""` becomes one quote. The text is
    /// never longer than `end - start`, the room reserved.
    func appendQuotedField(_ line: UnsafeRawPointer, from start: Int, to end: Int) {
        reserve(end - start)
        let target = UnsafeMutableRawPointer(bytes + byteCount)
        var written = 0
        var k = start
        while k < end {
            let quote = memchr(line + k, 0x22, end - k).map { UnsafeRawPointer($0) - line } ?? end
            // Up to and with the quote; its double (at `quote + 1 < end`) is skipped.
            let piece = min(quote + 1, end) - k
            (target + written).copyMemory(from: line + k, byteCount: piece)
            written += piece
            k = quote + 2
        }
        byteCount += written
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    /// Room for a field of `length` bytes and 16 more, and for its end.
    @inline(__always)
    private func reserve(_ length: Int) {
        if byteCount + length + 16 > byteCapacity { growBytes(byteCount + length + 16) }
        if fieldCount == endCapacity { growEnds() }
    }

    @inline(__always)
    func endRecord() {
        if recordCount == recordEndCapacity { growRecordEnds() }
        recordEndStorage[recordCount] = fieldCount
        recordCount += 1
    }

    /// Forgets every field and record, keeping the storage.
    func clear() {
        byteCount = 0
        fieldCount = 0
        recordCount = 0
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

    // The two growers are written out, not one helper taking the buffer
    // `inout`: a class property passed `inout` anywhere puts every access to
    // it under a run-time exclusivity check (`appendField` then spent 9% of
    // `agg --csv` in `swift_beginAccess`).
    private func growRecordEnds() {
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: recordEndCapacity * 2)
        grown.update(from: recordEndStorage, count: recordCount)
        recordEndStorage.deallocate()
        recordEndStorage = grown
        recordEndCapacity *= 2
    }

    private func growEnds() {
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
        grown.update(from: ends, count: fieldCount)
        ends.deallocate()
        ends = grown
        endCapacity *= 2
    }
}
