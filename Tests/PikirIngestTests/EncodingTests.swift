import Foundation
import Testing
@testable import PikirIngest

/// Byte sequences below were produced with Python's codecs (cp1251, kz1048,
/// utf-16-le/be), not with pikir's tables.
struct EncodingTests {
    let header = Array("city,score\n".utf8)

    @Test func kz1048IsDetectedFromKazakhLettersAndDecoded() throws {
        // "Қарағанды" in KZ-1048
        let city: [UInt8] = [0x8D, 0xE0, 0xF0, 0xE0, 0xBA, 0xE0, 0xED, 0xE4, 0xFB]
        let result = try read(bytes: header + city + Array(",5\n".utf8))
        #expect(result.format.encoding == .kz1048)
        #expect(result.records.first?.fields == ["Қарағанды", "5"])
    }

    @Test func everyKazakhLetterOfKZ1048() throws {
        // "Әсем Өмірзақ Ұлан Үміт Һ ң ғ і"
        let name: [UInt8] = [0xA3, 0xF1, 0xE5, 0xEC, 0x20, 0xA5, 0xEC, 0xB3, 0xF0, 0xE7, 0xE0, 0x9D, 0x20, 0xA1, 0xEB, 0xE0,
                             0xED, 0x20, 0xAF, 0xEC, 0xB3, 0xF2, 0x20, 0x8E, 0x20, 0xBE, 0x20, 0xBA, 0x20, 0xB3]
        let result = try read(bytes: header + name + Array(",4\n".utf8))
        #expect(result.records.first?.fields.first == "Әсем Өмірзақ Ұлан Үміт Һ ң ғ і")
    }

    @Test func russianCP1251() throws {
        // "Город;Оценка\nАлматы;5\nИтого;5\n"
        let bytes: [UInt8] = [0xC3, 0xEE, 0xF0, 0xEE, 0xE4, 0x3B, 0xCE, 0xF6, 0xE5, 0xED, 0xEA, 0xE0, 0x0A,
                              0xC0, 0xEB, 0xEC, 0xE0, 0xF2, 0xFB, 0x3B, 0x35, 0x0A,
                              0xC8, 0xF2, 0xEE, 0xE3, 0xEE, 0x3B, 0x35, 0x0A]
        let result = try read(bytes: bytes)
        #expect(result.format.encoding == .cp1251)
        #expect(result.format.columns == ["Город", "Оценка"])
        #expect(result.records.map(\.fields) == [["Алматы", "5"]])
        #expect(result.ignoredPairs == ["3:totals_row"])
    }

    @Test func kz1048LetterFarBeyondTheSnifferSampleStillDecidesTheEncoding() throws {
        // 300 KiB of Russian (same bytes in both code pages), then one Kazakh "қ" (0x9D).
        var bytes: [UInt8] = [0xC3, 0xEE, 0xF0, 0xEE, 0xE4, 0x2C, 0x6E, 0x0A]  // "Город,n\n"
        let row: [UInt8] = [0xC0, 0xEB, 0xEC, 0xE0, 0xF2, 0xFB, 0x2C, 0x31, 0x0A]  // "Алматы,1\n"
        for _ in 0..<(300 * 1024 / row.count) { bytes += row }
        bytes += [0x9D, 0x2C, 0x32, 0x0A]
        let result = try read(bytes: bytes)
        #expect(result.format.encoding == .kz1048)
        #expect(result.records.last?.fields == ["қ", "2"])
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try read("Қала,Баға\nАлматы,5\n")
        #expect(plain.format.encoding == .utf8)
        let bom = try read(bytes: [0xEF, 0xBB, 0xBF] + Array("Қала,Баға\nАлматы,5\n".utf8))
        #expect(bom.format.encoding == .utf8BOM)
        #expect(bom.format.columns == ["Қала", "Баға"])  // no U+FEFF glued to the first column
    }

    @Test func utf16LittleAndBigEndianWithSurrogatePairs() throws {
        // "Қала😀" in UTF-16LE / BE, then TAB, "5", CRLF
        let le: [UInt8] = [0xFF, 0xFE, 0x9A, 0x04, 0x30, 0x04, 0x3B, 0x04, 0x30, 0x04, 0x3D, 0xD8, 0x00, 0xDE]
        let be: [UInt8] = [0xFE, 0xFF, 0x04, 0x9A, 0x04, 0x30, 0x04, 0x3B, 0x04, 0x30, 0xD8, 0x3D, 0xDE, 0x00]
        func line(_ text: String, bigEndian: Bool) -> [UInt8] {
            text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        for (bom, bigEndian) in [(le, false), (be, true)] {
            let bytes = bom + line("\tscore\r\nАлматы\t5\r\n", bigEndian: bigEndian)
            for blockSize in [3, 5, 1 << 20] {  // odd sizes split characters and surrogate pairs
                var options = ReadOptions()
                options.blockSize = blockSize
                let result = try read(bytes: bytes, options)
                #expect(result.format.encoding == (bigEndian ? .utf16BE : .utf16LE))
                #expect(result.format.dialect.delimiter == 0x09)
                #expect(result.format.dialect.lineEnding == .crlf)
                #expect(result.format.columns == ["Қала😀", "score"])
                #expect(result.records.map(\.fields) == [["Алматы", "5"]])
            }
        }
    }

    @Test func invalidUTF8InTheMiddleRejectsThatRecordWithItsByteOffset() throws {
        var bytes = Array("city,score\nАлматы,5\n".utf8)
        let offset = bytes.count + 3
        bytes += Array("Ast".utf8) + [0xC0, 0xAF] + Array(",4\nҚарағанды,3\n".utf8)
        // The sample is the whole file, so detection sees the bad bytes: force UTF-8 as a user would.
        let result = try read(bytes: bytes, ReadOptions(encoding: .utf8))
        #expect(result.records.map(\.fields) == [["Алматы", "5"], ["Қарағанды", "3"]])
        let reject = try #require(result.sink.rejects.first)
        #expect(reject.line == 3)
        #expect(reject.reason == .invalidEncoding)
        #expect(reject.message.contains("byte offset \(offset)"))
        #expect(reject.message.contains("--encoding"))
    }

    @Test func undefinedByteInCP1251IsAnIssueNotAGuess() throws {
        let bytes = Array("a;b\n1;".utf8) + [0x98] + Array("\n2;x\n".utf8)
        let result = try read(bytes: bytes, ReadOptions(encoding: .cp1251))
        #expect(result.rejectPairs == ["2:invalid_encoding"])
        #expect(result.sink.rejects.first?.message.contains("0x98") == true)
        #expect(result.records.map(\.fields) == [["2", "x"]])
    }

    @Test func mojibakeIsNeverProduced() throws {
        // UTF-8 Cyrillic read as UTF-8, not as CP1251 ("РђР»РјР°С‚С‹").
        let result = try read("Қала,n\nАлматы,1\n")
        #expect(result.records.first?.fields.first == "Алматы")
        #expect(!result.records.first!.fields.first!.contains("Р"))
    }

    /// One stray byte must not turn a UTF-8 export into KZ-1048 (a garbled
    /// header and every record lost): the file is UTF-8, its bad line is an
    /// `invalid_encoding` reject, and the rest is read.
    @Test func oneBadByteAtTheEndOfAUTF8ExportCostsOnlyItsLine() throws {
        let path = repositoryRoot.appendingPathComponent("sample-data/2019-11-14_nur-sultan_google-forms_ru.csv").path
        let clean = try readFile(path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) + [0xD0]
        let result = try read(bytes: bytes)
        #expect(result.format.encoding == .utf8)
        #expect(result.format.columns == clean.format.columns)
        #expect(result.records.map(\.fields) == clean.records.map(\.fields))
        #expect(result.rejectPairs == ["\(clean.summary.physicalLines + 1):invalid_encoding"])
        #expect(result.sink.rejects.first?.message.contains("byte offset \(bytes.count - 1)") == true)
        #expect(result.format.encodingEvidence.contains("1 invalid byte sequence"))
        #expect(result.format.encodingEvidence.contains("line \(clean.summary.physicalLines + 1)"))
    }

    @Test func oneBadByteInsideADataLineCostsOnlyThatLine() throws {
        let path = repositoryRoot.appendingPathComponent("sample-data/2022-11-05_astana_google-forms_en.csv").path
        let clean = try readFile(path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // The start of the 20th record's line (the file's lines end with LF).
        let target = clean.records[19]
        var line = 1, offset = 0
        while line < target.line { if bytes[offset] == 0x0A { line += 1 }; offset += 1 }
        bytes.insert(0xD0, at: offset)
        let result = try read(bytes: bytes)
        #expect(result.format.encoding == .utf8)
        #expect(result.rejectPairs == ["\(target.line):invalid_encoding"])
        var expected = clean.records
        expected.remove(at: 19)
        #expect(result.records.map(\.fields) == expected.map(\.fields))
        #expect(result.records.map(\.line) == expected.map(\.line))
    }

    /// The rule: UTF-8 when at least 20 valid multi-byte sequences stand for
    /// each invalid one. Text in CP1251 or KZ-1048 has far more invalid
    /// sequences than valid ones, so it never comes near.
    @Test func aFewBadBytesAmongEnoughUTF8LettersAreStillUTF8() throws {
        let twenty = Array("city,name\n1,Айгерім Жұмабекова Әсе\n2,".utf8)  // 20 two-byte letters
        #expect(try read(bytes: twenty + [0xD0] + Array("\n".utf8)).format.encoding == .utf8)
        let nineteen = Array("city,name\n1,Айгерім Жұмабекова Әс\n2,".utf8)
        #expect(try read(bytes: nineteen + [0xD0] + Array("\n".utf8)).format.encoding != .utf8)
        let cp1251 = try read(bytes: [0xC3, 0xEE, 0xF0, 0xEE, 0xE4, 0x3B, 0x6E, 0x0A, 0xC0, 0xEB, 0xEC, 0xE0, 0xF2, 0xFB, 0x3B, 0x35, 0x0A])
        #expect(cp1251.format.encoding == .cp1251)
        #expect(cp1251.format.encodingEvidence.contains("not UTF-8"))
    }
}
