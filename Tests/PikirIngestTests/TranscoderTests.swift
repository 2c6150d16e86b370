import Foundation
import Testing
@testable import PikirIngest

/// The single-byte decoders, byte by byte: every byte of Windows-1251
/// against Foundation's own Windows-1251 decoder, and every byte of both
/// code pages against their published tables, in runs that mix ASCII,
/// Cyrillic, NUL and undefined bytes so that each lands after every kind.
struct TranscoderTests {
    private func decode(_ bytes: [UInt8], _ encoding: TextEncoding) -> (text: [UInt8], issues: [DecodeIssue]) {
        let transcoder = Transcoder(encoding: encoding)
        var issues: [DecodeIssue] = []
        let text = bytes.withUnsafeBytes { Array(transcoder.decode($0, fileOffset: 100, issues: &issues)) }
        return (text, issues)
    }

    @Test func everyDefinedWindows1251ByteReadsAsFoundationReadsIt() throws {
        let defined = (1...255).map(UInt8.init).filter { $0 != 0x98 }
        let expected = try #require(String(bytes: defined, encoding: .windowsCP1251))
        let (text, issues) = decode(defined, .cp1251)
        #expect(issues.isEmpty)
        #expect(String(decoding: text, as: UTF8.self) == expected)
        let karaganda: [UInt8] = [0xCA, 0xE0, 0xF0, 0xE0, 0xE3, 0xE0, 0xED, 0xE4, 0xE0, 0x2C, 0x20, 0x35]
        #expect(String(decoding: decode(karaganda, .cp1251).text, as: UTF8.self) == "Караганда, 5")
    }

    @Test(arguments: [TextEncoding.cp1251, .kz1048])
    func everyByteAfterEveryKindOfByte(_ encoding: TextEncoding) {
        let high = encoding == .cp1251 ? SingleByteTables.cp1251 : SingleByteTables.kz1048
        func expected(_ b: UInt8) -> String {
            if b < 0x80 { return String(UnicodeScalar(b)) }
            let scalar = high[Int(b) - 0x80]
            return scalar == 0 ? "\u{FFFD}" : String(UnicodeScalar(scalar)!)
        }
        for before: UInt8 in [0x41, 0x00, 0x98, 0xC0, 0xA0, 0xB8] {
            var bytes: [UInt8] = []
            var text = ""
            var issueAt: [Int] = []  // file offsets of NUL and undefined bytes
            for b in (0...255).map(UInt8.init) {
                for x in [before, b] {
                    if x == 0 || (x >= 0x80 && high[Int(x) - 0x80] == 0) { issueAt.append(100 + bytes.count) }
                    bytes.append(x)
                    text += expected(x)
                }
            }
            let result = decode(bytes, encoding)
            #expect(String(decoding: result.text, as: UTF8.self) == text, "after 0x\(String(before, radix: 16))")
            #expect(result.issues.map(\.fileOffset) == issueAt)
            #expect(result.issues.allSatisfy { $0.detail == "NUL byte" || $0.detail.contains("undefined") })
        }
    }
}
