import Testing
@testable import PikirIngest

/// Line ends counted in a part's bytes, against a plain count, on generated
/// text of Kazakh and Russian answers with LF, CR LF and lone CR line ends
/// falling on every lane of the sixteen-byte vectors and across blocks.
struct SplitPointsTests {
    /// LFs, and CRs not followed by LF, in `bytes[range]` (the byte after the range counts).
    private func reference(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        range.filter { k in bytes[k] == 0x0A || (bytes[k] == 0x0D && (k + 1 == bytes.count || bytes[k + 1] != 0x0A)) }.count
    }

    @Test func lineEndsAreCountedAsAPlainCountCountsThem() throws {
        let words = ["Алматы", "жақсы", "қатты ұнады", "спасибо", "ok", ";", "\"", " "].map { Array($0.utf8) }
        let ends: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
        var state: UInt64 = 11
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        var lineEndsSeen = [0, 0, 0]
        for _ in 0..<40 {
            var bytes: [UInt8] = []
            var cuts = [0]  // offsets just after a line end: where a part may start or end
            var afterCR = false
            while bytes.count < 3_000 {
                // After a lone CR a line is not empty: a LF there would make the two one CR LF.
                for _ in 0..<(next(12) + (afterCR ? 1 : 0)) { bytes += words[next(words.count)] }
                let kind = next(3)
                lineEndsSeen[kind] += 1
                bytes += ends[kind]
                afterCR = kind == 2
                cuts.append(bytes.count)
            }
            let source = try ByteSource(path: temporaryFile(bytes))
            for _ in 0..<20 {
                let a = cuts[next(cuts.count)], b = cuts[next(cuts.count)]
                let range = min(a, b)..<max(a, b)
                for blockSize in [7, 16, 17, 256 * 1024] {
                    let counted = try SplitPoints.lineEnds(source, from: range.lowerBound, to: range.upperBound, blockSize: blockSize)
                    #expect(counted == reference(bytes, range), "\(range), blocks of \(blockSize)")
                }
            }
        }
        #expect(lineEndsSeen.allSatisfy { $0 > 500 }, "\(lineEndsSeen)")
    }
}
