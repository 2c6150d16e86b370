import Testing
@testable import PikirIngest

/// A physical line ends at LF, at CR LF, or at a CR not followed by LF, in
/// every file, whatever its own line ending: a lone CR ends a record for
/// libcsv, Excel and Python's csv, so it ends a line too, and the lines add up.
struct LineEndTests {
    /// Every line is the header, a line of a data record, ignored or a line of a reject.
    private func accountedLines(_ result: ReadResult) -> Int {
        let breaks: (String) -> Int = { field in
            var n = 0
            var previous: Unicode.Scalar = " "
            for s in field.unicodeScalars {
                if s == "\r" || (s == "\n" && previous != "\r") { n += 1 }
                previous = s
            }
            return n
        }
        let recordLines = result.records.reduce(0) { $0 + 1 + $1.fields.map(breaks).reduce(0, +) }
        return (result.format.headerLine == nil ? 0 : 1) + recordLines + result.sink.ignored.count + result.sink.rejects.count
    }

    @Test func aLoneCRInAnLFFileEndsItsLine() throws {
        let result = try read("city,n\nАлматы,1\nАстана,2\rҚарағанды,3\nAktau,4\n")
        #expect(result.format.dialect.lineEnding == .lf)
        #expect(result.records.map(\.line) == [2, 3, 4, 5])
        #expect(result.records.map(\.fields) == [["Алматы", "1"], ["Астана", "2"], ["Қарағанды", "3"], ["Aktau", "4"]])
        #expect(result.summary.physicalLines == 5)
        #expect(accountedLines(result) == 5)
    }

    @Test func aLoneCRInACRLFFileAndALoneLFInACRFileEndTheirLines() throws {
        let crlf = try read("city;n\r\nАлматы;1\r\nАстана;2\rҚарағанды;3\r\nAktau;4\r\n")
        #expect(crlf.format.dialect.lineEnding == .crlf)
        #expect(crlf.records.map(\.line) == [2, 3, 4, 5])
        #expect(crlf.summary.physicalLines == 5)
        let cr = try read("city;n\rАлматы;1\rАстана;2\nҚарағанды;3\rAktau;4\r")
        #expect(cr.format.dialect.lineEnding == .cr)
        #expect(cr.records.map(\.line) == [2, 3, 4, 5])
        #expect(cr.summary.physicalLines == 5)
    }

    @Test func aLineOfALoneCRIsABlankLine() throws {
        let result = try read("a,b\n1,2\r\r\n3,4\n")
        #expect(result.records.map(\.line) == [2, 4])
        #expect(result.ignoredPairs == ["3:blank_line"])
        #expect(result.summary.physicalLines == 4)
        #expect(accountedLines(result) == 4)
    }

    @Test func aLoneCRInsideAQuotedFieldCountsAsALineBreak() throws {
        let result = try read("id,comment\n1,\"бірінші\rекінші\"\n2,ok\n")
        #expect(result.records.map(\.fields) == [["1", "бірінші\rекінші"], ["2", "ok"]])
        #expect(result.records.map(\.line) == [2, 4])
        #expect(result.summary.physicalLines == 4)
        #expect(accountedLines(result) == 4)
    }

    @Test func anUnterminatedQuoteBeforeALoneCRCostsOnlyItsLine() throws {
        let result = try read("id,comment\n1,\"open\r2,ok\n3,fine\n")
        #expect(result.rejectPairs == ["2:unterminated_quote"])
        #expect(result.records.map(\.line) == [3, 4])
        #expect(result.summary.physicalLines == 4)
    }

    /// CR LF split between two blocks is one line end; a CR at the end of a
    /// block followed by anything else is a line end of its own.
    @Test func blockSizesDoNotChangeLineEnds() throws {
        let text = "city,n\r\nАлматы,1\rАстана,\"2\r\n3\"\r\n\rҚарағанды,3\n\"x\ry\"\r"
        let whole = try read(text)
        #expect(whole.records.map(\.line) == [2, 3, 6, 7])
        #expect(whole.ignoredPairs == ["5:blank_line"])
        #expect(whole.summary.physicalLines == 8)
        for size in 1...24 {
            var options = ReadOptions()
            options.blockSize = size
            let small = try read(text, options)
            #expect(small.records.map(\.fields) == whole.records.map(\.fields), "block size \(size)")
            #expect(small.records.map(\.line) == whole.records.map(\.line), "block size \(size)")
            #expect(small.ignoredPairs == whole.ignoredPairs, "block size \(size)")
            #expect(small.summary == whole.summary, "block size \(size)")
        }
    }

    /// `LineEnds` against a byte-by-byte reading of the rule, on random text
    /// of letters, CR and LF, with the end of the text final or not.
    @Test func lineEndsFollowTheRuleByteByByte() {
        var generator = SplitMix(seed: 10)
        let alphabet: [UInt8] = [0x61, 0x0D, 0x0A, 0xD2, 0x9B]
        for _ in 0..<5_000 {
            let text = (0..<Int(generator.next() % 24)).map { _ in alphabet[Int(generator.next() % 5)] }
            let final = generator.next() % 2 == 0
            var expected: [Int] = []
            var i = 0
            while i < text.count {
                if text[i] == 0x0A { expected.append(i + 1) }
                if text[i] == 0x0D {
                    if i + 1 < text.count { expected.append(text[i + 1] == 0x0A ? i + 2 : i + 1) }
                    else if final { expected.append(i + 1) }
                    if i + 1 < text.count && text[i + 1] == 0x0A { i += 1 }
                }
                i += 1
            }
            var got: [Int] = []
            text.withUnsafeBytes { buffer in
                var ends = LineEnds()
                var start = 0
                while let end = ends.end(of: buffer, from: start, endIsFinal: final) {
                    got.append(end)
                    start = end
                }
            }
            #expect(got == expected, "\(text) final \(final)")
            if got != expected { return }
        }
    }
}
