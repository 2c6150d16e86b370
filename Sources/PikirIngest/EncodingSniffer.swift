/// Works out a file's encoding from its bytes, and says why.
///
/// Order: a byte order mark decides; else text that is UTF-8 is UTF-8; else
/// it is a Cyrillic code page, and any of the 16 bytes that only KZ-1048 uses
/// for letters (Ќќ Ћћ Ўў Јј Ґґ Єє Її Ѕѕ when read as 1251) makes it
/// KZ-1048. NUL bytes outside UTF-16 mean the file is not text.
///
/// Text is UTF-8 when it has no invalid sequence, or when at least
/// `utf8Majority` valid multi-byte characters stand for each invalid byte: an
/// export with a stray byte or a pasted line in another encoding stays
/// UTF-8, and only the lines holding the bad bytes are rejected
/// (`invalid_encoding`). Cyrillic text in CP1251 or KZ-1048 is the other way
/// round: its letters are high bytes that are mostly invalid as UTF-8, and the
/// sample exports hold 100 or more invalid bytes for each valid sequence.
enum EncodingSniffer {
    struct Guess: Equatable {
        var encoding: TextEncoding
        var evidence: String
    }

    /// Valid multi-byte characters needed for each invalid byte in UTF-8 text.
    static let utf8Majority = 20

    /// - Parameters:
    ///   - sample: the first bytes of the file.
    ///   - isWholeFile: whether `sample` is the entire file.
    static func detect(_ sample: [UInt8], isWholeFile: Bool, path: String) throws -> Guess {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Guess(encoding: .utf8BOM, evidence: "byte order mark EF BB BF")
        }
        if sample.starts(with: [0xFF, 0xFE]) {
            return Guess(encoding: .utf16LE, evidence: "byte order mark FF FE")
        }
        if sample.starts(with: [0xFE, 0xFF]) {
            return Guess(encoding: .utf16BE, evidence: "byte order mark FE FF")
        }
        if let endianness = utf16WithoutBOM(sample) {
            return Guess(encoding: endianness,
                         evidence: "no byte order mark, but every other byte is 00 or 04: UTF-16 text")
        }
        if let nul = sample.firstIndex(of: 0) {
            throw IngestError(code: .binaryFile, path: path, message: binaryMessage(sample, nul: nul))
        }
        let census = sample.withUnsafeBytes { UTF8Validation.census($0, allowTruncatedEnd: !isWholeFile) }
        if census.invalid == 0 {
            return Guess(encoding: .utf8, evidence: census.multibyte == 0 ? "only ASCII bytes" : "valid UTF-8, no byte order mark")
        }
        let counts = "\(census.invalid) invalid byte\(census.invalid == 1 ? "" : "s") and \(census.multibyte) valid multi-byte character\(census.multibyte == 1 ? "" : "s")"
        if census.multibyte >= utf8Majority * census.invalid, let first = census.firstInvalid {
            let line = sample.withUnsafeBytes { lineNumber(of: first, in: $0) }
            let place = "line \(line), byte offset \(first)"
            let bad = census.invalid == 1 ? "1 invalid byte sequence (\(place)), whose line is rejected"
                : "\(census.invalid) invalid byte sequences (the first on \(place)), whose lines are rejected"
            return Guess(encoding: .utf8, evidence: "UTF-8 with \(bad), among \(census.multibyte) valid multi-byte characters")
        }
        let markers = sample.filter { SingleByteTables.kz1048Markers.contains($0) }
        if !markers.isEmpty {
            let distinct = Set(markers).sorted()
            let shown = distinct.prefix(6).map { "0x" + hex($0) }.joined(separator: " ") + (distinct.count > 6 ? " …" : "")
            return Guess(encoding: .kz1048,
                         evidence: "not UTF-8; \(counts); \(markers.count) of the bytes \(shown), bytes that only Kazakh letters use in KZ-1048")
        }
        return Guess(encoding: .cp1251, evidence: "not UTF-8; \(counts); no KZ-1048 letters")
    }

    /// The physical line (1-based, see `LineEnds`) holding byte `offset`.
    static func lineNumber(of offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var line = 1
        var ends = LineEnds()
        var start = 0
        while let end = ends.end(of: bytes, from: start, endIsFinal: true), end <= offset {
            line += 1
            start = end
        }
        return line
    }

    /// Whether any byte of `bytes` is one KZ-1048 uses for a Kazakh letter.
    ///
    /// Every marker is a byte from 0x80 to 0xBF, which Russian and Kazakh
    /// Windows-1251 text seldom holds (its letters are 0xC0–0xFF): sixteen
    /// bytes are tested for that range at once, and only a run that has one
    /// is looked up byte by byte (the whole of every such file is scanned).
    /// Vectors are loaded at `i` while `i + 16 <= bytes.count`.
    static func hasKZ1048Marker(_ bytes: UnsafeRawBufferPointer) -> Bool {
        SingleByteTables.isKZ1048Marker.withUnsafeBufferPointer { table in
            guard let base = bytes.baseAddress else { return false }
            typealias V = ByteLanes.Vector
            var i = 0
            while i + 16 <= bytes.count {
                let x = base.loadUnaligned(fromByteOffset: i, as: V.self)
                if ByteLanes.any((x & V(repeating: 0xC0)) .== V(repeating: 0x80)),
                   bytes[i..<(i + 16)].contains(where: { table[Int($0)] }) {
                    return true
                }
                i += 16
            }
            return bytes[i...].contains { table[Int($0)] }
        }
    }

    /// UTF-16 without a byte order mark: the high byte of every character
    /// of Latin or Cyrillic text is 00 or 04, the low byte almost never is.
    static func utf16WithoutBOM(_ sample: [UInt8]) -> TextEncoding? {
        let n = min(sample.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var even = 0, odd = 0, nuls = 0
        for i in stride(from: 0, to: n, by: 2) {
            if sample[i] == 0 || sample[i] == 4 { even += 1 }
            if sample[i + 1] == 0 || sample[i + 1] == 4 { odd += 1 }
            if sample[i] == 0 || sample[i + 1] == 0 { nuls += 1 }
        }
        let units = n / 2
        guard nuls * 10 >= units else { return nil }  // some ASCII (delimiters, line ends) is always there
        if odd * 10 >= units * 9 && even * 10 <= units { return .utf16LE }
        if even * 10 >= units * 9 && odd * 10 <= units { return .utf16BE }
        return nil
    }

    private static func binaryMessage(_ sample: [UInt8], nul: Int) -> String {
        if sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "not a text file but an Excel workbook (.xlsx) or another zip archive: open it in Excel and save it as \"CSV UTF-8\""
        }
        if sample.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return "not a text file but an old Excel workbook (.xls): open it in Excel and save it as \"CSV UTF-8\""
        }
        return "not a text file: NUL byte at offset \(nul). If it is a spreadsheet, save it as CSV first"
    }
}
