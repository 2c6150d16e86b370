import Foundation
import Testing
@testable import PikirIngest

/// A file read in parts on several threads gives what the one-thread read
/// gives: the same records (fields, line, raw text), ignored lines, rejects
/// and counts, in file order, wherever the cuts fall: also inside quoted
/// fields, inside a stray quote's run, and next to CRs.
struct SplitReadTests {
    /// What a reader hands its sink, in order, as values.
    enum Event: Equatable, CustomStringConvertible {
        case header([String], Int?)
        case record(line: Int, fields: [String], raw: String, lines: Int)
        case ignored(IgnoredLine)
        case rejected(Reject)

        var description: String {
            switch self {
            case .header(let c, let l): return "header \(l.map(String.init) ?? "-") \(c)"
            case .record(let line, let fields, let raw, let lines): return "record \(line)+\(lines) \(fields) raw=\(raw.debugDescription)"
            case .ignored(let i): return "ignored \(i.line)+\(i.lines) \(i.reason.rawValue)"
            case .rejected(let r): return "rejected \(r.line) \(r.reason.rawValue) raw=\(r.raw.debugDescription) \(r.message)"
            }
        }
    }

    final class EventSink: RecordSink, @unchecked Sendable {
        var events: [Event] = []
        func header(columns: [String], line: Int?) { events.append(.header(columns, line)) }
        func record(_ record: RecordView) {
            events.append(.record(line: record.line, fields: record.strings, raw: record.rawText, lines: record.lineCount))
        }
        func ignored(_ ignored: IgnoredLine) { events.append(.ignored(ignored)) }
        func rejected(_ reject: Reject) { events.append(.rejected(reject)) }
    }

    struct Outcome {
        var events: [Event]
        var summary: ReadSummary
        /// The parts whose output was used, in order.
        var chain: [Int] = []
        var parts = 1
    }

    final class Ends: @unchecked Sendable {
        let lock = NSLock()
        var sinks: [Int: EventSink] = [:]
        var ends: [Int: SplitRead.PartEnd] = [:]
        var voided: Set<Int> = []
    }

    func readWhole(_ path: String, _ options: ReadOptions) throws -> Outcome {
        let reader = try ExportReader(path: path, options: options)
        let sink = EventSink()
        let summary = try reader.read(into: sink)
        return Outcome(events: sink.events, summary: summary)
    }

    func readSplit(_ path: String, _ options: ReadOptions, cutsNear targets: [Int], threads: Int) throws -> Outcome {
        let reader = try ExportReader(path: path, options: options)
        let split = try SplitRead(reader: reader, cutsNear: targets)
        let ends = Ends()
        split.start(threads: threads, sink: { _ in EventSink() },
                    voided: { i in ends.lock.withLock { _ = ends.voided.insert(i) } },
                    ended: { i, sink, end in ends.lock.withLock { ends.sinks[i] = sink as? EventSink; ends.ends[i] = end } })
        var outcome = Outcome(events: [], summary: ReadSummary(), parts: split.parts.count)
        var i = 0
        // Consumed while the threads read, as a caller does: they read only a few parts ahead.
        while i < split.parts.count {
            outcome.chain.append(i)
            let next = split.next(after: i)
            switch ends.lock.withLock({ ends.ends[i]! }) {
            case .read(let part):
                outcome.events += ends.lock.withLock { ends.sinks[i]! }.events
                outcome.summary.records += part.records
                outcome.summary.ignored += part.ignored
                outcome.summary.rejected += part.rejected
                outcome.summary.shortRecordLines += part.shortRecordLines
                outcome.summary.physicalLines = part.physicalLines
                outcome.summary.bytes = part.bytes
            case .void: Issue.record("part \(i) on the chain is void")
            case .failed(let error): throw error
            }
            i = next
        }
        split.wait()
        // A part the chain jumped over was announced void.
        #expect(Set(0..<split.parts.count).subtracting(outcome.chain).isSubset(of: ends.voided))
        return outcome
    }

    /// Splits `path` near every byte offset, one cut at a time, and checks each read against the whole read.
    func checkEveryCut(_ path: String, _ options: ReadOptions = ReadOptions()) throws {
        let whole = try readWhole(path, options)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        for target in 0...size {
            let split = try readSplit(path, options, cutsNear: [target], threads: 2)
            #expect(split.events == whole.events, "cut near \(target)")
            #expect(split.summary == whole.summary, "cut near \(target)")
            if split.events != whole.events {
                for (a, b) in zip(split.events, whole.events) where a != b { print("split: \(a)\nwhole: \(b)"); break }
                return
            }
        }
        // A cut at every line end at once, read on three threads.
        let all = try readSplit(path, options, cutsNear: Array(0..<size), threads: 3)
        #expect(all.parts > 5)
        #expect(all.events == whole.events)
        #expect(all.summary == whole.summary)
    }

    /// Quoted line breaks of every kind, doubled quotes, Kazakh and Russian
    /// text, blank, empty, repeated-header and totals lines, too many
    /// fields, an invalid byte, quote errors on one line and over several.
    static let messy = [
        "Отчёт по тренингу",
        "region;year;overall;comment",
        "Алматы;2024;5;\"Жақсы, рақмет\"",
        "Астана;2024;4;\"две строки\nвторая \"\"в кавычках\"\"\"",
        "",
        "Шымкент;2023;3;\"CRLF\r\nвнутри\"",
        "Қарағанды;2023;2;\"CR\rвнутри\"",
        ";;;",
        "region;year;overall;comment",
        "Aktau;2022;5;5\" screen",
        "Atyrau;2022;1;\"closed\"text after",
        "Oral;2022;4;\"opened here",
        "and closed\" badly;x",
        "Taraz;2021;3;ok;extra",
        "Kostanay;2021;\u{FFFD}bad;ok",
        "Итого;;12;",
        "Pavlodar;2020;5;\"last, never closed",
        "Semey;2020;4;after",
    ]

    func messyFile(_ ending: String, bom: Bool = false, invalidByte: Bool = true) -> String {
        var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        for line in Self.messy {
            var text = Array(line.utf8)
            // A byte invalid in UTF-8 where the text shows U+FFFD.
            if invalidByte, let at = line.utf8.firstIndex(of: 0xEF), line.contains("\u{FFFD}") {
                let offset = line.utf8.distance(from: line.utf8.startIndex, to: at)
                text.replaceSubrange(offset..<(offset + 3), with: [0xC3])
            }
            bytes += text + Array(ending.utf8)
        }
        return temporaryFile(bytes)
    }

    @Test func everyCutOfAMessyLFFileReadsAsTheWholeFile() throws {
        let path = messyFile("\n")
        let whole = try readWhole(path, ReadOptions())
        // The file holds what the test is about.
        let reasons = Set(whole.events.compactMap { if case .rejected(let r) = $0 { return r.reason } else { return nil } })
        #expect(reasons == [.malformedQuote, .unterminatedQuote, .tooManyFields, .invalidEncoding])
        let ignored = Set(whole.events.compactMap { if case .ignored(let i) = $0 { return i.reason } else { return nil } })
        #expect(ignored == [.titleLine, .blankLine, .emptyRecord, .repeatedHeader, .totalsRow])
        try checkEveryCut(path)
    }

    @Test func everyCutOfACRLFFileWithABOMReadsAsTheWholeFile() throws {
        try checkEveryCut(messyFile("\r\n", bom: true))
    }

    @Test func everyCutOfAnOldMacCRFileReadsAsTheWholeFile() throws {
        try checkEveryCut(messyFile("\r"))
    }

    @Test func smallBlocksAndAShortRecordLimitChangeNothing() throws {
        var options = ReadOptions()
        options.blockSize = 7
        options.maxRecordBytes = 40
        try checkEveryCut(messyFile("\n"), options)
    }

    @Test func everyCutOfACP1251FileReadsAsTheWholeFile() throws {
        var encode: [Unicode.Scalar: UInt8] = [:]
        for (i, code) in SingleByteTables.cp1251.enumerated() where code != 0 { encode[Unicode.Scalar(code)!] = UInt8(0x80 + i) }
        var bytes: [UInt8] = []
        for line in Self.messy where !line.contains("\u{FFFD}") {
            for s in line.unicodeScalars { bytes.append(s.value < 0x80 ? UInt8(s.value) : encode[s] ?? 0x3F) }
            bytes.append(0x0A)
        }
        try checkEveryCut(temporaryFile(bytes), ReadOptions(encoding: .cp1251))
    }

    @Test func aHeaderFurtherDownIsNeverCutAbove() throws {
        let text = "title\nsubtitle\n\"a\nb\"\nregion,n\nАлматы,1\n\"Астана\nқала\",2\nAktau,3\n"
        try checkEveryCut(temporaryFile(text), ReadOptions(headerLine: 5))
    }

    @Test func aCleanFileIsReadOnEveryPartAndAQuotedBreakOverACutVoidsThePartAfterIt() throws {
        let lines = (1...40).map { "Алматы,\($0),\"ответ \($0)\"" }
        let clean = temporaryFile("region,n,comment\n" + lines.joined(separator: "\n") + "\n")
        let targets = Array(stride(from: 100, to: 1200, by: 100))
        let parts = try readSplit(clean, ReadOptions(), cutsNear: targets, threads: 2)
        #expect(parts.parts == targets.count + 1)
        #expect(parts.chain == Array(0..<parts.parts))
        #expect(parts.events == (try readWhole(clean, ReadOptions())).events)

        // Line 3's answer holds a line break: a cut after "two" is inside it.
        let quoted = temporaryFile("region,n,comment\nАлматы,1,one\nАстана,2,\"two\nlines\"\nAktau,3,three\n")
        let cut = Array("region,n,comment\nАлматы,1,one\nАстана,2,\"two".utf8).count
        let split = try readSplit(quoted, ReadOptions(), cutsNear: [cut, cut + 7], threads: 2)
        #expect(split.parts == 3)
        #expect(split.chain == [0, 2])
        #expect(split.events == (try readWhole(quoted, ReadOptions())).events)
    }

    @Test func theThreadsReadOnlyAFewPartsAheadOfTheConsumer() throws {
        let lines = (1...400).map { "Алматы,\($0),\"ответ \($0)\"" }
        let path = temporaryFile("region,n,comment\n" + lines.joined(separator: "\n") + "\n")
        let split = try SplitRead(reader: try ExportReader(path: path), cutsNear: Array(stride(from: 50, to: 12000, by: 50)))
        #expect(split.parts.count > 100)
        let ends = Ends()
        split.start(threads: 2, sink: { _ in EventSink() }, voided: { _ in },
                    ended: { i, sink, end in ends.lock.withLock { ends.sinks[i] = sink as? EventSink; ends.ends[i] = end } })
        Thread.sleep(forTimeInterval: 0.3)
        // Part 0 and two more (the threads and one), not the hundred a reader unchecked would have read by now.
        #expect(ends.lock.withLock { ends.ends.count } <= 3)
        var i = 0
        var records = 0
        while i < split.parts.count {
            let next = split.next(after: i)
            records += ends.lock.withLock { ends.sinks[i]!.events.count }
            i = next
        }
        split.wait()
        #expect(records == 401, "the header and 400 records")
    }

    @Test func aUTF16FileIsNotCut() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "region;n\r\nАлматы;1\r\nАстана;2\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = temporaryFile(bytes)
        let reader = try ExportReader(path: path)
        #expect(reader.format.encoding == .utf16LE)
        #expect(try SplitRead(reader: reader, cutsNear: [6, 12, 20]).parts.count == 1)
    }
}
