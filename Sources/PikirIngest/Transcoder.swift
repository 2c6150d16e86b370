/// Turns blocks of file bytes in any supported encoding into UTF-8.
///
/// The transcoder is streaming: a multi-byte character split across two
/// blocks is held back (`carry`) and completed by the next block. UTF-8 input
/// is validated in place and handed on without a copy; every other encoding is
/// a single table-driven pass into an output buffer owned by the transcoder.
/// Bytes that are invalid in the encoding become U+FFFD in the output and a
/// `DecodeIssue`, so the record that holds them is rejected, never silently garbled.
///
/// - Complexity: O(n) per block, one pass.
final class Transcoder {
    let encoding: TextEncoding
    private var output: UnsafeMutableRawBufferPointer
    /// UTF-8 of every byte of a single-byte encoding (`SingleByteTables.utf8Table`).
    private let table: [UInt32]

    init(encoding: TextEncoding) {
        self.encoding = encoding
        self.output = .allocate(byteCount: 0, alignment: 16)
        switch encoding {
        case .cp1251: table = SingleByteTables.utf8Table(SingleByteTables.cp1251)
        case .kz1048: table = SingleByteTables.utf8Table(SingleByteTables.kz1048)
        default: table = []
        }
    }

    deinit { output.deallocate() }

    /// The number of bytes at the end of `input` that begin a character not
    /// complete in this block; the caller passes them again at the front of
    /// the next block. Zero when `final` (an incomplete tail is then an issue).
    func incompleteTail(_ input: UnsafeRawBufferPointer, final: Bool) -> Int {
        if final || input.isEmpty { return 0 }
        switch encoding {
        case .utf8, .utf8BOM:
            return UTF8Validation.incompleteTail(input)
        case .utf16LE, .utf16BE:
            var tail = input.count & 1
            let even = input.count - tail
            if even >= 2 {
                let unit = readUnit(input, at: even - 2)
                if unit & 0xFC00 == 0xD800 { tail += 2 }
            }
            return tail
        case .cp1251, .kz1048:
            return 0
        }
    }

    /// Decodes one block (without its incomplete tail) whose first byte is at
    /// `fileOffset` in the file. The result is valid until the next call.
    func decode(_ input: UnsafeRawBufferPointer, fileOffset: Int, issues: inout [DecodeIssue]) -> UnsafeRawBufferPointer {
        switch encoding {
        case .utf8, .utf8BOM:
            UTF8Validation.validate(input, fileOffset: fileOffset, issues: &issues)
            return input
        case .cp1251, .kz1048:
            return decodeSingleByte(input, fileOffset: fileOffset, issues: &issues)
        case .utf16LE, .utf16BE:
            return decodeUTF16(input, fileOffset: fileOffset, issues: &issues)
        }
    }

    private func reserve(_ count: Int) {
        if output.count < count {
            output.deallocate()
            output = .allocate(byteCount: max(count, 64 * 1024), alignment: 16)
        }
    }

    /// One pass without a branch per byte: each byte's UTF-8 stored as one
    /// 32-bit word from `table` (its bytes in memory order, its length in the
    /// top byte, which the next character overwrites), ASCII included. A
    /// byte at a time with a branch on its kind and two or three stores
    /// was 5% of `agg --csv` on the messy exports (Cyrillic and Latin
    /// letters alternate too often for the branch to be guessed).
    ///
    /// Every write is inside `output`: before byte `i` is read, `o <= 3 * i`,
    /// so the word written at `o` ends by `3 * input.count + 1`; `output`
    /// holds `3 * input.count + 8` bytes.
    private func decodeSingleByte(_ input: UnsafeRawBufferPointer, fileOffset: Int, issues: inout [DecodeIssue]) -> UnsafeRawBufferPointer {
        guard let src = input.baseAddress else { return UnsafeRawBufferPointer(start: output.baseAddress, count: 0) }
        reserve(input.count * 3 + 8)
        let out = output.baseAddress!
        var o = 0
        table.withUnsafeBufferPointer { table in
            for i in 0..<input.count {
                let b = src.load(fromByteOffset: i, as: UInt8.self)
                let packed = table[Int(b)]
                out.storeBytes(of: packed.littleEndian, toByteOffset: o, as: UInt32.self)
                let length = Int(packed >> 24)
                o += length
                if length == 0 {
                    // NUL (kept, and reported), or a byte the encoding leaves undefined.
                    if b == 0 {
                        issues.append(DecodeIssue(outputOffset: o, fileOffset: fileOffset + i, detail: "NUL byte"))
                        out.storeBytes(of: 0, toByteOffset: o, as: UInt8.self)
                        o += 1
                    } else {
                        issues.append(DecodeIssue(outputOffset: o, fileOffset: fileOffset + i,
                                                  detail: "byte 0x\(hex(b)) is undefined in \(encoding.rawValue)"))
                        o += writeReplacement(out.assumingMemoryBound(to: UInt8.self) + o)
                    }
                }
            }
        }
        return UnsafeRawBufferPointer(start: output.baseAddress, count: o)
    }

    private func readUnit(_ input: UnsafeRawBufferPointer, at i: Int) -> UInt16 {
        let a = UInt16(input[i]), b = UInt16(input[i + 1])
        return encoding == .utf16LE ? (a | b << 8) : (a << 8 | b)
    }

    private func decodeUTF16(_ input: UnsafeRawBufferPointer, fileOffset: Int, issues: inout [DecodeIssue]) -> UnsafeRawBufferPointer {
        reserve(input.count / 2 * 3 + 4)
        let out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var o = 0
        var i = 0
        let even = input.count & ~1
        let raw = UnsafeMutableRawPointer(out)
        while i < even {
            let unit = readUnit(input, at: i)
            if unit &- 1 < 0x7FF {
                // Latin and Cyrillic (U+0001–U+07FF), nearly every unit: one or
                // two bytes stored as one 16-bit word, no branch on which (a
                // branch per letter was 5% of `agg --csv` on the messy exports).
                // The word ends by `o + 2 <= 3 * i / 2 + 2`, inside `output`.
                let u = UInt16(unit)
                let two = u >= 0x80
                let word: UInt16 = two ? (0xC0 | u >> 6) | (0x80 | u & 0x3F) << 8 : u
                raw.storeBytes(of: word.littleEndian, toByteOffset: o, as: UInt16.self)
                o += two ? 2 : 1
                i += 2
                continue
            }
            var scalar = UInt32(unit)
            var width = 2
            if unit & 0xF800 == 0xD800 {
                if unit < 0xDC00, i + 4 <= even, case let low = readUnit(input, at: i + 2), low & 0xFC00 == 0xDC00 {
                    scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    width = 4
                } else {
                    issues.append(DecodeIssue(outputOffset: o, fileOffset: fileOffset + i,
                                              detail: "unpaired UTF-16 surrogate 0x\(hex(unit))"))
                    o += writeReplacement(out + o)
                    i += 2
                    continue
                }
            } else if unit == 0 {
                issues.append(DecodeIssue(outputOffset: o, fileOffset: fileOffset + i, detail: "NUL character"))
            }
            o += writeScalar(scalar, to: out + o)
            i += width
        }
        if even < input.count {
            issues.append(DecodeIssue(outputOffset: o, fileOffset: fileOffset + even,
                                      detail: "file ends in the middle of a UTF-16 character"))
            o += writeReplacement(out + o)
        }
        return UnsafeRawBufferPointer(start: output.baseAddress, count: o)
    }
}

@inline(__always)
func writeReplacement(_ out: UnsafeMutablePointer<UInt8>) -> Int {
    out[0] = 0xEF; out[1] = 0xBF; out[2] = 0xBD
    return 3
}

@inline(__always)
func writeScalar(_ s: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
    switch s {
    case ..<0x80:
        out[0] = UInt8(s); return 1
    case ..<0x800:
        out[0] = UInt8(0xC0 | (s >> 6)); out[1] = UInt8(0x80 | (s & 0x3F)); return 2
    case ..<0x10000:
        out[0] = UInt8(0xE0 | (s >> 12)); out[1] = UInt8(0x80 | ((s >> 6) & 0x3F)); out[2] = UInt8(0x80 | (s & 0x3F)); return 3
    default:
        out[0] = UInt8(0xF0 | (s >> 18)); out[1] = UInt8(0x80 | ((s >> 12) & 0x3F))
        out[2] = UInt8(0x80 | ((s >> 6) & 0x3F)); out[3] = UInt8(0x80 | (s & 0x3F)); return 4
    }
}

func hex<T: BinaryInteger>(_ v: T) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return s.count % 2 == 1 ? "0" + s : s
}
