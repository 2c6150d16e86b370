/// Rows for `COPY … FROM STDIN` in text format, built in one byte buffer:
/// fields separated by tabs, rows ended by a newline, `\N` for NULL, and in
/// text a backslash before `\`, tab, newline and carriage return.
struct CopyTextBuffer {
    private(set) var bytes: [UInt8] = []
    /// Whether the next field is the row's first (no tab before it).
    private var rowStart = true

    init(reserving capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }
    var isEmpty: Bool { bytes.isEmpty }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        rowStart = true
    }

    private mutating func separate() {
        if !rowStart { bytes.append(9) }
        rowStart = false
    }

    mutating func endRow() {
        bytes.append(10)
        rowStart = true
    }

    mutating func null() {
        separate()
        bytes.append(92)
        bytes.append(UInt8(ascii: "N"))
    }

    mutating func integer(_ value: Int64) {
        separate()
        bytes.append(contentsOf: String(value).utf8)  // a small string: no allocation
    }

    /// A double as the shortest text that reads back as the same double
    /// (whole scores as integers, as they mostly are).
    mutating func real(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int64(value))
        } else {
            separate()
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    mutating func text(_ value: String?) {
        guard var value else { null(); return }
        value.withUTF8 { text($0) }
    }

    /// UTF-8 text, escaped; a run of plain bytes is copied at once.
    ///
    /// PostgreSQL's text cannot hold U+0000, which a rejected record's raw
    /// text may (a NUL character in a UTF-16 export): it is stored as
    /// U+2400 (␀), so the record is kept, visibly, instead of the file failing.
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        separate()
        var plain = 0
        for i in 0..<utf8.count {
            let escaped: UInt8
            switch utf8[i] {
            case 92: escaped = 92
            case 9: escaped = UInt8(ascii: "t")
            case 10: escaped = UInt8(ascii: "n")
            case 13: escaped = UInt8(ascii: "r")
            case 0:
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<i]))
                bytes.append(contentsOf: [0xE2, 0x90, 0x80])
                plain = i + 1
                continue
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<i]))
            bytes.append(92)
            bytes.append(escaped)
            plain = i + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<utf8.count]))
    }
}
