import Foundation
import Testing
@testable import PikirIngest

/// The quote-free fast path must read every line it takes exactly as libcsv does.
struct QuoteFreeLineTests {
    /// Fields of each completed record in a collector, as bytes.
    private func records(_ collector: FieldCollector) -> [[[UInt8]]] {
        var out: [[[UInt8]]] = []
        var first = 0
        for end in collector.recordEnds {
            let view = collector.view(fields: first..<end, line: 1)
            out.append((0..<view.count).map { Array(view[$0]) })
            first = end
        }
        return out
    }

    /// What libcsv makes of the line (strict mode, as `RecordAssembler` runs it).
    private func libcsv(_ line: [UInt8], delimiter: UInt8) throws -> [[[UInt8]]] {
        let collector = FieldCollector()
        let parser = try CSVParser(delimiter: delimiter, collector: collector)
        _ = try line.withUnsafeBytes { try parser.parse($0.baseAddress!, count: $0.count) }
        return records(collector)
    }

    /// Records when the fast path reads the whole line, nil when libcsv must read some of it.
    private func fastPath(_ line: [UInt8], delimiter: UInt8, terminator: UInt8) -> [[[UInt8]]]? {
        let collector = FieldCollector()
        let split = line.withUnsafeBytes {
            QuoteFreeLine.split($0.baseAddress!, count: $0.count, delimiter: delimiter, terminator: terminator, into: collector)
        }
        return split == .whole ? records(collector) : nil
    }

    /// What `RecordAssembler` reads at the start of a record: fast path, then libcsv.
    private func combined(_ line: [UInt8], delimiter: UInt8, terminator: UInt8) throws -> (String, [[[UInt8]]]) {
        let collector = FieldCollector()
        let parser = try CSVParser(delimiter: delimiter, collector: collector)
        let outcome = try line.withUnsafeBytes {
            try QuoteFreeLine.read($0.baseAddress!, count: $0.count, terminator: terminator, parser: parser)
        }
        return (Self.kind(outcome), records(collector))
    }

    private func libcsvOutcome(_ line: [UInt8], delimiter: UInt8) throws -> (String, [[[UInt8]]]) {
        let collector = FieldCollector()
        let parser = try CSVParser(delimiter: delimiter, collector: collector)
        let outcome = try line.withUnsafeBytes { try parser.parse($0.baseAddress!, count: $0.count) }
        return (Self.kind(outcome), records(collector))
    }

    private static func kind(_ outcome: CSVParser.Outcome) -> String {
        if case .malformedQuote = outcome { return "malformed quote" }
        return "consumed"
    }

    private func strings(_ records: [[[UInt8]]]?) -> [[String]]? {
        records?.map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test func fieldsAreTrimmedAsLibcsvTrimsThem() throws {
        let line = Array("  Алматы ,Қарағанды,\t5 , ,Nur-Sultan\t\r\n".utf8)
        #expect(strings(fastPath(line, delimiter: 0x2C, terminator: 0x0A))
                == [["Алматы", "Қарағанды", "5", "", "Nur-Sultan"]])
        #expect(try strings(libcsv(line, delimiter: 0x2C)) == [["Алматы", "Қарағанды", "5", "", "Nur-Sultan"]])
    }

    @Test func aTabDelimiterIsAFieldBoundaryNotABlank() throws {
        let line = Array("Астана\t \tжақсы \t\n".utf8)
        #expect(strings(fastPath(line, delimiter: 0x09, terminator: 0x0A)) == [["Астана", "", "жақсы", ""]])
        #expect(try strings(libcsv(line, delimiter: 0x09)) == [["Астана", "", "жақсы", ""]])
    }

    @Test func aBlankLineIsNoRecordButALoneDelimiterIsTwoEmptyFields() throws {
        #expect(fastPath(Array(" \t \r\n".utf8), delimiter: 0x2C, terminator: 0x0A)?.isEmpty == true)
        #expect(fastPath(Array("\n".utf8), delimiter: 0x2C, terminator: 0x0A)?.isEmpty == true)
        #expect(strings(fastPath(Array(" , \n".utf8), delimiter: 0x2C, terminator: 0x0A)) == [["", ""]])
    }

    @Test func fieldsBeforeAQuoteAreSplitAndLibcsvReadsTheRest() throws {
        let line = Array("Алматы , 5,\"Өте жақсы, рахмет\",экран 5\" дюймов\n".utf8)
        let collector = FieldCollector()
        let split = line.withUnsafeBytes {
            QuoteFreeLine.split($0.baseAddress!, count: $0.count, delimiter: 0x2C, terminator: 0x0A, into: collector)
        }
        #expect(split == .fieldsBefore(Array("Алматы , 5,".utf8).count))
        let expected = [["Алматы", "5", "Өте жақсы, рахмет", "экран 5\" дюймов"]]
        #expect(try strings(combined(line, delimiter: 0x2C, terminator: 0x0A).1) == expected)
        #expect(try strings(libcsv(line, delimiter: 0x2C)) == expected)
    }

    @Test func linesWithAQuoteFirstOrStrayTerminatorsAreLeftToLibcsv() {
        func split(_ text: String, _ terminator: UInt8 = 0x0A) -> QuoteFreeLine.Split {
            let collector = FieldCollector()
            return Array(text.utf8).withUnsafeBytes {
                QuoteFreeLine.split($0.baseAddress!, count: $0.count, delimiter: 0x2C, terminator: terminator, into: collector)
            }
        }
        #expect(split("\"Өте жақсы, рахмет\",5\n") == .none)
        #expect(split("экран 5\" дюймов,4\n") == .none)
        #expect(split("Almaty\r5,4\n") == .none)
        #expect(split("Almaty\n5,4\r", 0x0D) == .none)
        // A last line without its terminator is libcsv's too (it may go on in the next block).
        #expect(split("Almaty,5") == .none)
    }

    /// Random lines over the characters that matter to the grammar (blanks,
    /// delimiters, terminators, quotes, NUL) and Kazakh, Russian and Latin
    /// letters: read with the fast path, each gives the same records (or the
    /// same malformed quote) as read by libcsv alone.
    @Test(arguments: [(UInt8(0x2C), UInt8(0x0A)), (0x3B, 0x0A), (0x09, 0x0A), (0x2C, 0x0D)])
    func generatedLinesReadTheSameBothWays(delimiter: UInt8, terminator: UInt8) throws {
        let pieces: [[UInt8]] = [" ", "\t", ",", ";", "\"", "\r", "\n", "\0", "a", "Z", "5", "қ", "Ж", "ё", "Ө", "—", "  "]
            .map { Array($0.utf8) } + [[0xC3, 0xA4]]
        var generator = SplitMix(seed: UInt64(delimiter) << 8 | UInt64(terminator))
        var taken = 0, handedOver = 0
        for _ in 0..<20_000 {
            var line: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) {
                line += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            if terminator == 0x0A && generator.next() % 3 == 0 { line.append(0x0D) }
            line.append(terminator)
            let both = try combined(line, delimiter: delimiter, terminator: terminator)
            let expected = try libcsvOutcome(line, delimiter: delimiter)
            #expect(both.0 == expected.0, "line \(line)")
            if both.0 == "consumed" { #expect(both.1 == expected.1, "line \(line)") }
            if both.0 != expected.0 || (both.0 == "consumed" && both.1 != expected.1) { return }
            let collector = FieldCollector()
            switch line.withUnsafeBytes({
                QuoteFreeLine.split($0.baseAddress!, count: $0.count, delimiter: delimiter, terminator: terminator, into: collector)
            }) {
            case .whole: taken += 1
            case .fieldsBefore: handedOver += 1
            case .none: break
            }
        }
        // The generator makes enough quote-free lines for the comparison to mean something.
        #expect(taken > 3_000)
        #expect(handedOver > 200)
    }
}

/// A small deterministic generator (SplitMix64), so a failure can be replayed.
private struct SplitMix {
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
