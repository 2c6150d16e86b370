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
        if let nul = sample.firstIndex(of: 0) {
            let hint = utf16Hint(sample)
            throw IngestError(code: .binaryFile, path: path,
                              message: "not a text file: NUL byte at offset \(nul)\(hint). If it is a spreadsheet, save it as CSV first")
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
        bytes.contains { $0 >= 0x8D && SingleByteTables.kz1048Markers.contains($0) }
    }

    /// UTF-16 without a byte order mark has NULs in every other byte.
    private static func utf16Hint(_ sample: [UInt8]) -> String {
        let n = min(sample.count, 4096) & ~1
        guard n >= 4 else { return "" }
        var evenZero = 0, oddZero = 0
        for i in stride(from: 0, to: n, by: 2) {
            if sample[i] == 0 { evenZero += 1 }
            if sample[i + 1] == 0 { oddZero += 1 }
        }
        let pairs = n / 2
        if oddZero * 10 > pairs * 6 && evenZero * 10 < pairs { return " (it looks like UTF-16 without a byte order mark: try --encoding utf-16le)" }
        if evenZero * 10 > pairs * 6 && oddZero * 10 < pairs { return " (it looks like UTF-16 without a byte order mark: try --encoding utf-16be)" }
        return ""
    }
}
