#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Where physical lines end: at LF, at CR LF, and at a CR not followed by LF,
/// in every file whatever its own line ending ("universal newlines"). A lone
/// CR ends a record for libcsv, Excel and Python's csv, so it ends a line too,
/// also inside a quoted field: that way every record starts on a line of its
/// own and `lines = header + lines of records + ignored + lines of rejects`.
///
/// One finder serves one buffer: it remembers the next LF and the next CR it
/// found, so a buffer holding only one kind (an LF file, an old Mac CR file)
/// is searched once for the other, not once per line.
///
/// - Complexity: O(n) over a buffer, whatever the number of lines (two `memchr` passes).
struct LineEnds {
    /// Offsets of the next LF and CR at or after the last search, or the
    /// buffer's size when there is none; -1 before the first search.
    private var nextLF = -1
    private var nextCR = -1

    /// The end (one past its terminator) of the line that starts at `start`,
    /// or nil when the buffer ends before the line does. A CR as the last byte
    /// ends a line only when `endIsFinal`: otherwise the next buffer may start
    /// with the LF of a CR LF.
    mutating func end(of buffer: UnsafeRawBufferPointer, from start: Int, endIsFinal: Bool) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count else { return nil }
        let n = buffer.count
        if nextLF < start { nextLF = Self.find(0x0A, base, from: start, n) }
        if nextCR < start { nextCR = Self.find(0x0D, base, from: start, n) }
        if nextLF < nextCR { return nextLF + 1 }
        guard nextCR < n else { return nil }
        if nextCR + 1 < n { return nextCR + (nextLF == nextCR + 1 ? 2 : 1) }
        return endIsFinal ? n : nil
    }

    /// The end of the first line of `bytes`, whose end is final (a whole record's text).
    static func firstLineEnd(_ bytes: UnsafeRawBufferPointer) -> Int {
        var finder = LineEnds()
        return finder.end(of: bytes, from: 0, endIsFinal: true) ?? bytes.count
    }

    /// The length of `line` without its terminator (LF, CR LF or CR).
    static func contentLength(_ line: UnsafeRawBufferPointer) -> Int {
        var end = line.count
        if end > 0 && line[end - 1] == 0x0A { end -= 1 }
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        return end
    }

    private static func find(_ byte: UInt8, _ base: UnsafeRawPointer, from start: Int, _ n: Int) -> Int {
        memchr(base + start, Int32(byte), n - start).map { UnsafeRawPointer($0) - base } ?? n
    }
}
