import Foundation
import PikirModel

/// One row of `COPY … TO STDOUT` in text format, split into its fields and
/// unescaped into a buffer of its own, each field followed by a NUL (so a
/// number is read with `strtod` in place). Reused from row to row: a million
/// rows make no String and no allocation each.
///
/// The format: fields separated by tabs, `\N` for NULL, and in text a
/// backslash before `\`, tab, newline, carriage return (and `b`, `f`, `v`).
final class CopyTextRow {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Each field's start in `buffer` and its length; -1 for NULL.
    private(set) var starts: [Int] = []
    private(set) var counts: [Int] = []

    init() {
        capacity = 4096
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    var fieldCount: Int { starts.count }

    /// Splits and unescapes `line` (one row, without its newline).
    func parse(_ line: UnsafeRawBufferPointer) {
        // Unescaping only shortens a field, and each field's tab becomes its
        // NUL: the fields need at most line.count + 1 bytes (the last NUL).
        if line.count + 1 > capacity {
            buffer.deallocate()
            capacity = max(line.count + 1, capacity * 2)
            buffer = .allocate(capacity: capacity)
        }
        starts.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        let input = line.bindMemory(to: UInt8.self)
        var i = 0, out = 0, fieldStart = 0
        var fieldInput = 0  // where the current field starts in `input`
        // Every read is input[i] with i < input.count, every write buffer[out]
        // with out ≤ i (one byte written per byte read or fewer) plus the
        // final NUL at out ≤ input.count < capacity.
        while i < input.count {
            let byte = input[i]
            if byte == 9 {  // tab: the field ends
                finish(fieldStart, out, isNull: isNullMarker(input, from: fieldInput, to: i))
                buffer[out] = 0
                out += 1
                fieldStart = out
                i += 1
                fieldInput = i
            } else if byte == 92, i + 1 < input.count {  // backslash
                let next = input[i + 1]
                switch next {
                case UInt8(ascii: "t"): buffer[out] = 9
                case UInt8(ascii: "n"): buffer[out] = 10
                case UInt8(ascii: "r"): buffer[out] = 13
                case UInt8(ascii: "b"): buffer[out] = 8
                case UInt8(ascii: "f"): buffer[out] = 12
                case UInt8(ascii: "v"): buffer[out] = 11
                default: buffer[out] = next  // `\\`, and `\N` (checked as a whole field)
                }
                out += 1
                i += 2
            } else {
                buffer[out] = byte
                out += 1
                i += 1
            }
        }
        finish(fieldStart, out, isNull: isNullMarker(input, from: fieldInput, to: input.count))
        buffer[out] = 0
    }

    private func isNullMarker(_ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        end - start == 2 && input[start] == 92 && input[start + 1] == UInt8(ascii: "N")
    }

    private func finish(_ start: Int, _ end: Int, isNull: Bool) {
        starts.append(start)
        counts.append(isNull ? -1 : end - start)
    }

    /// The field's bytes, valid until the next `parse`; nil for NULL.
    @inline(__always)
    func bytes(_ field: Int) -> UnsafeRawBufferPointer? {
        guard field < counts.count, counts[field] >= 0 else { return nil }
        return UnsafeRawBufferPointer(start: buffer + starts[field], count: counts[field])
    }

    func double(_ field: Int) -> Double? {
        guard field < counts.count, counts[field] > 0 else { return nil }
        // NUL-terminated by `parse`.
        return strtod(UnsafeRawPointer(buffer + starts[field]).assumingMemoryBound(to: CChar.self), nil)
    }

    func integer(_ field: Int) -> Int? {
        guard let bytes = bytes(field), !bytes.isEmpty else { return nil }
        var value = 0, negative = false
        for (n, byte) in bytes.enumerated() {
            if n == 0 && byte == UInt8(ascii: "-") { negative = true; continue }
            guard byte >= 48 && byte <= 57 else { return double(field).flatMap { $0.isFinite && abs($0) < 9e18 ? Int($0) : nil } }
            value = value &* 10 &+ Int(byte - 48)
        }
        return negative ? -value : value
    }

    func string(_ field: Int) -> String? {
        bytes(field).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A scanned response: the columns a scan asked for, by position.
struct PostgresScanRow: ResponseRow {
    let row: CopyTextRow

    func bytes(_ column: Int) -> UnsafeRawBufferPointer? { row.bytes(column) }
    func double(_ column: Int) -> Double? { row.double(column) }
    func integer(_ column: Int) -> Int? { row.integer(column) }
}
