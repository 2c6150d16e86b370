import CLibCSV
import Testing
@testable import PikirIngest

/// `LineReader` must read every text as libcsv in strict mode does, except
/// that a quote inside an unquoted field is a literal character (what
/// pikir's reader has always done). The reference below gets that reading
/// from libcsv's public functions alone, without `LineReader`'s way of doing it.
struct LineReaderTests {
    typealias Records = [[[UInt8]]]

    struct Reading: Equatable, CustomStringConvertible {
        var records: Records
        /// Offset of a malformed quote in the text; records are those completed before it.
        var malformedAt: Int?
        /// A quoted field is still open at the end of the text.
        var insideQuote: Bool

        var description: String {
            "\(records.map { $0.map { String(decoding: $0, as: UTF8.self) } }) malformed at \(malformedAt.map(String.init) ?? "-") inside quote \(insideQuote)"
        }
    }

    // MARK: reference

    private final class Fields {
        var records: Records = []
        var current: [[UInt8]] = []
    }

    /// Runs a fresh libcsv (strict or not) over `bytes`; returns the records it
    /// completed and how many bytes it read (then ends the input, if `finish`).
    private static func libcsv(_ bytes: [UInt8], delimiter: UInt8, strict: Bool, finish: Bool = false) -> (Records, Int) {
        let fields = Fields()
        // Set up by csv_init only: its fields are libcsv's.
        let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
        csv_init(parser, strict ? UInt8(CSV_STRICT) : 0)
        csv_set_delim(parser, delimiter)
        defer { csv_free(parser); parser.deallocate() }
        let context = Unmanaged.passUnretained(fields).toOpaque()
        let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { data, length, context in
            let fields = Unmanaged<Fields>.fromOpaque(context!).takeUnretainedValue()
            fields.current.append(data.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? [])
        }
        let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
            let fields = Unmanaged<Fields>.fromOpaque(context!).takeUnretainedValue()
            fields.records.append(fields.current)
            fields.current = []
        }
        let read = bytes.withUnsafeBytes { csv_parse(parser, $0.baseAddress, $0.count, onField, onRecord, context) }
        if finish && read == bytes.count { csv_fini(parser, onField, onRecord, context) }
        return (fields.records, read)
    }

    /// The reading of `text`: strict libcsv; where it stops at a quote, a
    /// probe with non-strict libcsv tells a quote inside an unquoted field
    /// (then a line feed after two more quotes ends the record) from a quote
    /// after a closing quote and blanks (then the two quotes reopen the
    /// field). A literal quote is replaced by a byte the texts never hold and
    /// libcsv runs again; it is put back in the fields at the end.
    static func reference(_ text: [UInt8], delimiter: UInt8, final: Bool) -> Reading {
        let placeholder: UInt8 = 0x01
        var bytes = text
        while true {
            let (records, read) = libcsv(bytes, delimiter: delimiter, strict: true)
            let restore: (Records) -> Records = { $0.map { $0.map { $0.map { $0 == placeholder ? 0x22 : $0 } } } }
            if read < bytes.count {
                let before = Array(bytes[..<read])
                let probed = libcsv(before + Array("\"\"\n".utf8), delimiter: delimiter, strict: false).0.count
                if bytes[read] == 0x22 && probed == libcsv(before, delimiter: delimiter, strict: false).0.count + 1 {
                    bytes[read] = placeholder
                    continue
                }
                return Reading(records: restore(records), malformedAt: read, insideQuote: false)
            }
            // Inside a quoted field, a line feed, or "x" and a line feed, add
            // to the field; anywhere else one of them ends a record.
            let insideQuote = libcsv(bytes + [0x0A], delimiter: delimiter, strict: false).0.count == records.count
                && libcsv(bytes + Array("x\n".utf8), delimiter: delimiter, strict: false).0.count == records.count
            let completed = final && !insideQuote ? libcsv(bytes, delimiter: delimiter, strict: true, finish: true).0 : records
            return Reading(records: restore(completed), malformedAt: nil, insideQuote: insideQuote)
        }
    }

    // MARK: LineReader

    /// Reads `text` line by line as `RecordAssembler` does (without its recovery).
    static func lineReader(_ text: [UInt8], delimiter: UInt8, final: Bool) throws -> Reading {
        let collector = FieldCollector()
        let reader = try LineReader(delimiter: delimiter, collector: collector)
        var records: Records = []
        func take() {
            guard collector.recordCount > 0 else { return }  // a record going on keeps its fields
            var first = 0
            for k in 0..<collector.recordCount {
                let end = collector.recordEnd(k)
                let view = collector.view(fields: first..<end, line: 0)
                records.append((0..<view.count).map { Array(view[$0]) })
                first = end
            }
            collector.clear()
        }
        return try text.withUnsafeBytes { buffer in
            var ends = LineEnds()
            var start = 0
            while start < buffer.count {
                let end = ends.end(of: buffer, from: start, endIsFinal: final) ?? (final ? buffer.count : nil)
                guard let end else { break }
                let outcome = try reader.read(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
                if case .malformedQuote(let at) = outcome {
                    return Reading(records: records, malformedAt: start + at, insideQuote: false)
                }
                take()
                start = end
            }
            return Reading(records: records, malformedAt: nil, insideQuote: reader.isInsideQuotedField)
        }
    }

    // MARK: tests

    private func strings(_ reading: Reading) -> [[String]] {
        reading.records.map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test func fieldsAreTrimmedAsLibcsvTrimsThem() throws {
        let text = Array("  Алматы ,Қарағанды,\t5 , ,Nur-Sultan\t\r\n".utf8)
        let reading = try Self.lineReader(text, delimiter: 0x2C, final: true)
        #expect(strings(reading) == [["Алматы", "Қарағанды", "5", "", "Nur-Sultan"]])
        #expect(reading == Self.reference(text, delimiter: 0x2C, final: true))
    }

    @Test func aTabDelimiterIsAFieldBoundaryNotABlank() throws {
        let text = Array("Астана\t \tжақсы \t\n".utf8)
        #expect(strings(try Self.lineReader(text, delimiter: 0x09, final: true)) == [["Астана", "", "жақсы", ""]])
    }

    @Test func aBlankLineIsNoRecordButALoneDelimiterIsTwoEmptyFields() throws {
        #expect(try Self.lineReader(Array(" \t \r\n\n".utf8), delimiter: 0x2C, final: true).records.isEmpty)
        #expect(strings(try Self.lineReader(Array(" , \n".utf8), delimiter: 0x2C, final: true)) == [["", ""]])
    }

    @Test func quotedFieldsLiteralQuotesAndMalformedQuotes() throws {
        let text = Array("Алматы , 5,\"Өте жақсы, рахмет\",экран 5\" дюймов,\"a\"\"b\"  ,x\"y\"\n".utf8)
        let reading = try Self.lineReader(text, delimiter: 0x2C, final: true)
        #expect(strings(reading) == [["Алматы", "5", "Өте жақсы, рахмет", "экран 5\" дюймов", "a\"b", "x\"y\""]])
        #expect(reading == Self.reference(text, delimiter: 0x2C, final: true))

        let malformed = Array("1,\"good\" and more,x\n".utf8)
        #expect(try Self.lineReader(malformed, delimiter: 0x2C, final: true).malformedAt == 9)
        #expect(Self.reference(malformed, delimiter: 0x2C, final: true).malformedAt == 9)
        // A quote after a closing quote and blanks is malformed, not a literal.
        let reopened = Array("1,\"good\"  \"x\n".utf8)
        #expect(try Self.lineReader(reopened, delimiter: 0x2C, final: true).malformedAt == 10)
        #expect(Self.reference(reopened, delimiter: 0x2C, final: true).malformedAt == 10)
    }

    @Test func aQuotedFieldGoesOnOverLineBreaks() throws {
        let text = Array("1,\"бір\r\nекі\rүш\nтөрт\",5\n2,ok".utf8)
        let reading = try Self.lineReader(text, delimiter: 0x2C, final: true)
        #expect(strings(reading) == [["1", "бір\r\nекі\rүш\nтөрт", "5"], ["2", "ok"]])
        #expect(reading == Self.reference(text, delimiter: 0x2C, final: true))
        let open = Array("1,\"бір\nекі\n".utf8)
        #expect(try Self.lineReader(open, delimiter: 0x2C, final: true).insideQuote)
        #expect(Self.reference(open, delimiter: 0x2C, final: true).insideQuote)
    }

    /// Random texts over the characters that matter to the grammar (blanks,
    /// delimiters, line breaks, quotes, doubled quotes, NUL) and Kazakh,
    /// Russian and Latin letters, several lines long: read line by line, each
    /// gives the reference's records, malformed quote and open quote.
    @Test(arguments: [UInt8(0x2C), 0x3B, 0x09])
    func generatedTextsReadAsTheReferenceReadsThem(delimiter: UInt8) throws {
        let pieces: [[UInt8]] = [" ", "\t", ",", ";", "\"", "\"\"", "\r", "\n", "\r\n", "\0", "a", "Z", "5", "қ", "Ж", "ё", "Ө", "—", "  ", "ab"]
            .map { Array($0.utf8) } + [[0xC3, 0xA4]]
        var generator = SplitMix(seed: UInt64(delimiter))
        var kinds: [String: Int] = [:]
        for _ in 0..<20_000 {
            var text: [UInt8] = []
            for _ in 0..<Int(generator.next() % 16) {
                text += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            // Without its end, a text is cut at a line end, as blocks are read.
            let final = generator.next() % 4 != 0
            if !final { text.append(0x0A) }
            let expected = Self.reference(text, delimiter: delimiter, final: final)
            let got = try Self.lineReader(text, delimiter: delimiter, final: final)
            #expect(got == expected, "text \(text) final \(final)")
            if got != expected { return }
            let kind = expected.malformedAt != nil ? "malformed" : expected.insideQuote ? "open" : "read"
            kinds[kind, default: 0] += 1
            if text.contains(0x22) && kind == "read" { kinds["read with quotes", default: 0] += 1 }
            if kind == "read", let quoted = Self.quotedFieldOnOneLine(text, delimiter: delimiter) {
                kinds[quoted ? "quoted with doubled quotes" : "quoted", default: 0] += 1
            }
        }
        // The generator makes enough of each kind for the comparison to mean something.
        #expect(kinds["malformed", default: 0] > 1_000)
        #expect(kinds["open", default: 0] > 1_000)
        #expect(kinds["read with quotes", default: 0] > 1_000)
        // And of the quoted fields `LineReader` splits without libcsv.
        #expect(kinds["quoted", default: 0] > 300)
        #expect(kinds["quoted with doubled quotes", default: 0] > 20)
    }

    /// Lines of quoted answers as exports write them (`"Модуль ""Уличная
    /// работа"" — лучший"`), some with blanks or text after the closing
    /// quote or a quote left single: each read as the reference reads it.
    @Test(arguments: [UInt8(0x2C), 0x3B, 0x09])
    func quotedAnswersWithDoubledQuotesReadAsTheReferenceReadsThem(delimiter: UInt8) throws {
        let pieces: [[UInt8]] = ["\"\"", "\"\"", "Модуль", "Жастар", "role play", " ", ",", ";", "\t", "—", "ok", "\""].map { Array($0.utf8) }
        let after: [[UInt8]] = [[], [], [], [], [0x20], [0x78], [0x22]]
        var generator = SplitMix(seed: 41 + UInt64(delimiter))
        var doubled = 0
        for _ in 0..<5_000 {
            var text: [UInt8] = []
            for f in 0..<Int(1 + generator.next() % 4) {
                if f > 0 { text.append(delimiter) }
                if generator.next() % 3 == 0 { text += Array("5".utf8); continue }
                text.append(0x22)
                for _ in 0..<Int(generator.next() % 6) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
                text.append(0x22)
                text += after[Int(generator.next() % UInt64(after.count))]
            }
            text += Array("\r\n".utf8)
            let expected = Self.reference(text, delimiter: delimiter, final: true)
            let got = try Self.lineReader(text, delimiter: delimiter, final: true)
            #expect(got == expected, "text \(String(decoding: text, as: UTF8.self))")
            if got != expected { return }
            if expected.malformedAt == nil && !expected.insideQuote && expected.records.joined().contains(where: { $0.contains(0x22) }) { doubled += 1 }
        }
        #expect(doubled > 500, "records holding a quote read from a doubled one")
    }

    /// Whether `text` has a field that opens with a quote (at its start or
    /// after a delimiter or a line break) and closes on the same line right
    /// before a delimiter, a line break or the end, every quote between
    /// doubled: true when one such field has a doubled quote, false when none
    /// has, nil when there is no such field.
    static func quotedFieldOnOneLine(_ text: [UInt8], delimiter: UInt8) -> Bool? {
        let breaks: Set<UInt8> = [0x0A, 0x0D]
        var found: Bool?
        for (i, byte) in text.enumerated() where byte == 0x22 && (i == 0 || text[i - 1] == delimiter || breaks.contains(text[i - 1])) {
            var k = i + 1
            var doubled = false
            while k < text.count, !breaks.contains(text[k]) {
                if text[k] == 0x22 {
                    if k + 1 < text.count && text[k + 1] == 0x22 { doubled = true; k += 2; continue }
                    if k + 1 == text.count || text[k + 1] == delimiter || breaks.contains(text[k + 1]) { found = (found ?? false) || doubled }
                    break
                }
                k += 1
            }
        }
        return found
    }
}

/// A small deterministic generator (SplitMix64), so a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
