import Testing
@testable import PikirModel

struct HashIndexTests {
    /// Random keys (some colliding in their slot, some repeated, 0 and
    /// negative ones among them) through several growths: the index answers
    /// as a Swift dictionary does.
    @Test func answersAsADictionaryThroughGrowth() {
        var index = HashIndex(capacity: 16)
        var reference: [Int64: Int64] = [:]
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        for n in 0..<50_000 {
            // Small keys repeat; shifted keys share their low bits (same slot before mixing).
            let key: Int64 = switch n % 4 {
            case 0: Int64(next() % 1000) - 500
            case 1: Int64(bitPattern: next() << 20)
            default: Int64(bitPattern: next() &* 0x9E37_79B9_7F4A_7C15)
            }
            let row = Int64(n)
            index[key] = row
            reference[key] = row
        }
        #expect(index.count == reference.count)
        for (key, row) in reference { #expect(index[key] == row) }
        for missing: Int64 in [501, -501, Int64.min, Int64.max] where reference[missing] == nil {
            #expect(index[missing] == nil)
        }
    }
}
