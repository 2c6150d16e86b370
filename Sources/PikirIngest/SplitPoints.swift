#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Where a file may be cut to be read in parts, and how many lines a part holds.
///
/// A cut is made just after a line end (LF, CR LF, or a CR not followed by
/// LF: `LineEnds`' rules), never between the CR and the LF of a CR LF. In
/// UTF-8 and the single-byte encodings the bytes 0x0A and 0x0D are those
/// characters wherever they stand (no other character contains them), so a
/// line end is found in the file's bytes without decoding them; in UTF-16 it
/// is not, and such files are read whole.
///
/// Whether a cut is also a record boundary (no quoted field open across it)
/// cannot be known from the bytes near it: `SplitRead` checks it.
enum SplitPoints {
    /// The cuts nearest after each of `targets` (file offsets): ascending,
    /// each strictly between `start` and the file's end. A target with no
    /// line end within `reach` bytes after it gives no cut.
    static func cuts(_ source: ByteSource, start: Int, targets: [Int], reach: Int = 1 << 20) throws -> [Int] {
        var cuts: [Int] = []
        // A few records' worth: the first read nearly always finds the line
        // end (64 KiB read 26 MB to cut a 200 MB file in 400 parts, 5 ms
        // before any part could start).
        let window = 4 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: window + 1, alignment: 16)
        defer { buffer.deallocate() }
        for target in targets.sorted() {
            var from = max(target, start, (cuts.last ?? start))
            var cut: Int?
            while cut == nil && from < source.size && from - target <= reach {
                // One byte more than is searched: the LF after a CR at the window's end.
                let got = try source.read(into: buffer, count: window + 1, at: from)
                let searched = min(got, window)
                guard searched > 0 else { break }
                if let end = firstLineEnd(buffer, count: searched, valid: got) {
                    cut = from + end
                }
                from += searched
            }
            guard let cut else { continue }
            let previous = cuts.last ?? start
            if cut > previous && source.size > cut { cuts.append(cut) }
        }
        return cuts
    }

    /// The offset just after the first line end in `bytes[..<count]`
    /// (`bytes[count..<valid]` may hold the byte after it).
    private static func firstLineEnd(_ bytes: UnsafeRawPointer, count: Int, valid: Int) -> Int? {
        let lf = memchr(bytes, 0x0A, count).map { UnsafeRawPointer($0) - bytes } ?? count
        let cr = memchr(bytes, 0x0D, lf).map { UnsafeRawPointer($0) - bytes } ?? count
        if cr < lf {
            // Within `valid`: `cr + 1 < valid` is tested first.
            if cr + 1 < valid && bytes.load(fromByteOffset: cr + 1, as: UInt8.self) == 0x0A { return cr + 2 }
            // A CR as the file's last byte ends it; otherwise the next byte is known (`valid > count`).
            return cr + 1 < valid || valid == count ? cr + 1 : nil
        }
        return lf < count ? lf + 1 : nil
    }

    /// Line ends in `start..<end`, where neither end falls between a CR and
    /// its LF: the physical lines a part holds (its last line counts when it
    /// is terminated).
    static func lineEnds(_ source: ByteSource, from start: Int, to end: Int, blockSize: Int = 256 * 1024) throws -> Int {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: blockSize + 1, alignment: 16)
        defer { buffer.deallocate() }
        var count = 0
        var offset = start
        while offset < end {
            let wanted = min(blockSize, end - offset)
            // One byte more when there is one in range: the LF after a CR at the block's end.
            let got = try source.read(into: buffer, count: min(wanted + 1, end - offset), at: offset)
            let n = min(got, wanted)
            guard n > 0 else { break }
            count += countLineEnds(buffer, count: n, next: got > n ? buffer.load(fromByteOffset: n, as: UInt8.self) : nil)
            offset += n
        }
        return count
    }

    /// LFs, and CRs not followed by LF, in `bytes[..<count]`; `next` is the
    /// byte after them, if any.
    ///
    /// Sixteen bytes compared at a time, four vectors a step: each lane of
    /// `lanes` counts the LFs met in it (at most 4 a step, flushed every 63
    /// steps, before a byte can overflow); in a run of 64 bytes that holds a
    /// CR, the CRs not followed by LF are counted from the vectors one byte
    /// on (one by one in the last run). A `memchr` per line end and a pass
    /// for CRs took twice as long; a vector at a time, a third longer.
    /// Vectors are loaded at `i` while `i + 64 <= count`, and one byte on
    /// while `i + 65 <= count`; every other read is at an offset under `count`.
    private static func countLineEnds(_ bytes: UnsafeRawPointer, count: Int, next: UInt8?) -> Int {
        typealias V = ByteLanes.Vector
        @inline(__always) func isLoneCR(_ at: Int) -> Bool {
            guard bytes.load(fromByteOffset: at, as: UInt8.self) == 0x0D else { return false }
            // `at + 1 < count` is tested before the byte there is read.
            return (at + 1 < count ? bytes.load(fromByteOffset: at + 1, as: UInt8.self) : next) != 0x0A
        }
        @inline(__always) func isLF(_ v: V) -> V { unsafeBitCast(v .== V(repeating: 0x0A), to: V.self) }
        var ends = 0
        var i = 0
        while i + 64 <= count {
            var lanes = V(repeating: 0)
            var steps = 0
            while steps < 63 && i + 64 <= count {
                let a = bytes.loadUnaligned(fromByteOffset: i, as: V.self)
                let b = bytes.loadUnaligned(fromByteOffset: i + 16, as: V.self)
                let c = bytes.loadUnaligned(fromByteOffset: i + 32, as: V.self)
                let d = bytes.loadUnaligned(fromByteOffset: i + 48, as: V.self)
                // A matching lane is 0xFF: subtracting it adds one.
                lanes &-= isLF(a) &+ isLF(b)
                lanes &-= isLF(c) &+ isLF(d)
                let cr = V(repeating: 0x0D)
                if ByteLanes.any((a .== cr) .| (b .== cr) .| (c .== cr) .| (d .== cr)) {
                    if i + 65 <= count {
                        // CR LF files have a CR on every line: lone CRs counted
                        // from the vectors one byte on (within `count`).
                        @inline(__always) func loneCRs(_ v: V, _ at: Int) -> Int {
                            let after = bytes.loadUnaligned(fromByteOffset: at + 1, as: V.self)
                            return ByteLanes.count((v .== cr) .& .!(after .== V(repeating: 0x0A)))
                        }
                        ends += loneCRs(a, i) + loneCRs(b, i + 16) + loneCRs(c, i + 32) + loneCRs(d, i + 48)
                    } else {
                        for k in i..<(i + 64) where isLoneCR(k) { ends += 1 }
                    }
                }
                i += 64
                steps += 1
            }
            for k in 0..<16 { ends += Int(lanes[k]) }
        }
        while i < count {
            if bytes.load(fromByteOffset: i, as: UInt8.self) == 0x0A || isLoneCR(i) { ends += 1 }
            i += 1
        }
        return ends
    }
}
