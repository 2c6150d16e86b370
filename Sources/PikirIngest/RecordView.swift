/// A borrowed view of one record's fields, valid only until the reader
/// delivers the next record: copy what you keep.
///
/// Fields are UTF-8 bytes (already transcoded from the file's encoding and
/// unquoted). Decode only the fields you use.
public struct RecordView {
    // Inlinable accessors read these where the normaliser calls them.
    @usableFromInline let bytes: UnsafeMutablePointer<UInt8>
    @usableFromInline let ends: UnsafeMutablePointer<Int>
    @usableFromInline let first: Int
    /// Number of fields in the record as written (before any header alignment).
    public let count: Int
    /// Physical line (1-based) on which the record starts.
    public let line: Int
    let raw: RawText?

    init(bytes: UnsafeMutablePointer<UInt8>, ends: UnsafeMutablePointer<Int>, first: Int, count: Int, line: Int, raw: RawText? = nil) {
        self.bytes = bytes
        self.ends = ends
        self.first = first
        self.count = count
        self.line = line
        self.raw = raw
    }

    /// The record's text as it stands in the file (decoded to UTF-8, line end removed).
    public var rawText: String { raw?.string ?? strings.joined(separator: ",") }

    /// Physical lines the record's text covers (more than one when a quoted
    /// field holds a line break), counted on its bytes.
    public var lineCount: Int { raw?.lineCount ?? 1 }

    /// The bytes of field `i` (0-based, `i < count`).
    @inlinable @inline(__always)
    public subscript(i: Int) -> UnsafeRawBufferPointer {
        // Past `count` the ends are another record's, or not ends at all.
        precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "field index out of range")
        let field = first + i
        let start = field == 0 ? 0 : ends[field - 1]
        return UnsafeRawBufferPointer(start: bytes + start, count: ends[field] - start)
    }

    /// Field `i` as a String, or "" when the record has fewer fields.
    public func string(_ i: Int) -> String {
        guard i < count else { return "" }
        return String(decoding: self[i], as: UTF8.self)
    }

    /// Field `i` without surrounding white space (ASCII spaces, tabs, line
    /// breaks and no-break spaces), trimmed on the bytes before any String is
    /// made; "" when the record has fewer fields.
    public func trimmedString(_ i: Int) -> String {
        String(decoding: trimmedBytes(i), as: UTF8.self)
    }

    /// The bytes of field `i` without surrounding white space (empty when the
    /// record has fewer fields).
    @inlinable
    public func trimmedBytes(_ i: Int) -> UnsafeRawBufferPointer {
        guard i < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let field = self[i]
        var start = 0, end = field.count
        while start < end {
            let b = field[start]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { start += 1 }
            else if b == 0xC2 && start + 1 < end && field[start + 1] == 0xA0 { start += 2 }
            else { break }
        }
        while end > start {
            let b = field[end - 1]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { end -= 1 }
            else if b == 0xA0 && end - 2 >= start && field[end - 2] == 0xC2 { end -= 2 }
            else { break }
        }
        return UnsafeRawBufferPointer(rebasing: field[start..<end])
    }

    /// All fields as Strings.
    public var strings: [String] { (0..<count).map(string) }

    /// Whether field `i` is empty or holds only spaces (missing when `i >= count`).
    @inlinable
    public func isBlank(_ i: Int) -> Bool {
        guard i < count else { return true }
        return self[i].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Whether any field is not blank; usually decided by the first field.
    public var hasNonBlankField: Bool {
        for i in 0..<count where !isBlank(i) { return true }
        return false
    }

}
