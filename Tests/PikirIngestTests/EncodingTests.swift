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
}
