/// Works out a file's encoding from its bytes.
///
/// Order: a byte order mark decides; else text that is valid UTF-8 is UTF-8
/// (CP1251 Cyrillic is never valid UTF-8 in practice: its letters are lone
/// high bytes); else it is a Cyrillic code page, and any of the 16 bytes that
/// only KZ-1048 uses for letters (Ќќ Ћћ Ўў Јј Ґґ Єє Її Ѕѕ when read as 1251)
/// makes it KZ-1048. NUL bytes outside UTF-16 mean the file is not text.
enum EncodingSniffer {
    struct Guess: Equatable {
        var encoding: TextEncoding
        var evidence: String
    }

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
        let valid = sample.withUnsafeBytes { UTF8Validation.isValid($0, allowTruncatedEnd: !isWholeFile) }
        if valid {
            let ascii = sample.allSatisfy { $0 < 0x80 }
            return Guess(encoding: .utf8, evidence: ascii ? "only ASCII bytes" : "valid UTF-8, no byte order mark")
        }
        let markers = sample.filter { SingleByteTables.kz1048Markers.contains($0) }.count
        if markers > 0 {
            return Guess(encoding: .kz1048, evidence: "not UTF-8; \(markers) bytes that only Kazakh letters use in KZ-1048")
        }
        return Guess(encoding: .cp1251, evidence: "not UTF-8; no KZ-1048 letters")
    }

    /// Whether any byte of `bytes` is one KZ-1048 uses for a Kazakh letter.
    static func hasKZ1048Marker(_ bytes: UnsafeRawBufferPointer) -> Bool {
        SingleByteTables.isKZ1048Marker.withUnsafeBufferPointer { table in
            bytes.contains { table[Int($0)] }
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
