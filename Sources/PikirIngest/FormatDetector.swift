/// Detects a file's format from its first `ReadOptions.sniffBytes`:
/// encoding, then line ending, then delimiter, then header.
enum FormatDetector {
    /// The detected format and the length of the byte order mark to skip.
    static func detect(_ source: ByteSource, path: String, options: ReadOptions) throws -> (FileFormat, Int) {
        let head = try source.prefix(options.sniffBytes)
        let isWhole = head.count == source.size

        var guess: EncodingSniffer.Guess
        if let forced = options.encoding {
            guess = EncodingSniffer.Guess(encoding: forced, evidence: "given with --encoding")
        } else {
            guess = try EncodingSniffer.detect(head, isWholeFile: isWhole, path: path)
            if guess.encoding == .cp1251, !isWhole, try restHasKZ1048Marker(source, from: head.count) {
                guess = EncodingSniffer.Guess(encoding: .kz1048,
                                              evidence: guess.evidence + " in the first \(options.sniffBytes / 1024) KiB, but bytes that only Kazakh letters use in KZ-1048 further on")
            }
        }
        let bom = guess.encoding.byteOrderMark
        let hasBOM: Bool
        switch guess.encoding {
        case .utf8, .utf8BOM: hasBOM = head.starts(with: [0xEF, 0xBB, 0xBF])
        default: hasBOM = !bom.isEmpty && head.starts(with: bom)
        }
        let bomLength = hasBOM ? (guess.encoding == .utf8 ? 3 : bom.count) : 0
        if guess.encoding == .utf8 && hasBOM { guess.encoding = .utf8BOM }

        // Decode the sample and cut it at its last line end, so no record is half-seen.
        let transcoder = Transcoder(encoding: guess.encoding)
        var issues: [DecodeIssue] = []
        let sampleText: [UInt8] = head.withUnsafeBytes { raw in
            let body = UnsafeRawBufferPointer(rebasing: raw[bomLength...])
            let tail = transcoder.incompleteTail(body, final: isWhole)
            let decoded = transcoder.decode(UnsafeRawBufferPointer(rebasing: body[0..<(body.count - tail)]), fileOffset: bomLength, issues: &issues)
            return Array(decoded)
        }
        let format = try sampleText.withUnsafeBytes { text -> FileFormat in
            let lineEnding = options.lineEnding ?? DialectSniffer.lineEnding(text)
            var cut = text
            if !isWhole, let last = text.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                cut = UnsafeRawBufferPointer(rebasing: text[0...last])
            }
            let sep = DialectSniffer.sepDirective(cut)
            let delimiter: UInt8
            let evidence: String
            if let given = options.delimiter {
                (delimiter, evidence) = (given, "given with --delimiter")
            } else if let sep {
                (delimiter, evidence) = (sep, "Excel sep= line")
            } else {
                let choice = try DialectSniffer.delimiter(cut, lineEnding: lineEnding)
                (delimiter, evidence) = (choice.delimiter, choice.evidence)
            }
            let dialect = Dialect(delimiter: delimiter, lineEnding: lineEnding)
            let hasSep = sep != nil && (options.delimiter == nil || options.delimiter == sep)
            let sample = try SampleRecords.parse(cut, dialect: dialect, limit: 200)
            var found = HeaderFinder.find(in: sample.records, skippingLine: hasSep ? 1 : nil)
            if let given = options.headerLine {
                if given == 0 {
                    let width = sample.records.map(\.fields.count).max() ?? 0
                    found = HeaderFinder.Found(line: nil, columns: (0..<width).map { "column\($0 + 1)" })
                } else if let record = sample.records.first(where: { $0.line == given }) {
                    found = HeaderFinder.Found(line: given, columns: HeaderFinder.trimmedColumns(record.fields))
                } else {
                    throw IngestError(code: .badOption, path: path,
                                      message: "--header-line \(given): no record starts on that line in the first \(options.sniffBytes / 1024) KiB")
                }
            }
            return FileFormat(encoding: guess.encoding, encodingEvidence: guess.evidence, dialect: dialect,
                              delimiterEvidence: evidence, hasSepDirective: hasSep,
                              headerLine: found.line, columns: found.columns)
        }
        return (format, bomLength)
    }

    private static func restHasKZ1048Marker(_ source: ByteSource, from start: Int) throws -> Bool {
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var offset = start
        while offset < source.size {
            let got = try source.read(into: buffer, count: size, at: offset)
            if got == 0 { break }
            if EncodingSniffer.hasKZ1048Marker(UnsafeRawBufferPointer(start: buffer, count: got)) { return true }
            offset += got
        }
        return false
    }
}
