import Testing
@testable import PikirEngine

/// `agg --csv` finds duplicates with `SeenHashes`: a key seen once is found
/// ever after, through every growth of its table, and no other key is.
struct SeenHashesTests {
    @Test("every key inserted is found after its table grew many times; keys never inserted are not; 0 is a key too")
    func findsWhatWasInserted() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int64 {  // xorshift: distinct, well spread 64-bit keys
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int64(bitPattern: state)
        }
        let keys = (0..<200_000).map { _ in next() }
        let absent = (0..<200_000).map { _ in next() }
        // Keys crowded into one table (same top six bits) and next to each other.
        let crowded = (1...5_000).map { Int64($0) }
        var seen = SeenHashes()
        #expect(!seen.contains(0))
        seen.insert(0)
        for key in keys + crowded { seen.insert(key) }
        for key in keys + crowded { seen.insert(key) }  // again: no change
        #expect(seen.contains(0))
        #expect(keys.allSatisfy(seen.contains))
        #expect(crowded.allSatisfy(seen.contains))
        #expect(!absent.contains(where: seen.contains))
        #expect(!seen.contains(-1) && !seen.contains(5_001))
    }

    @Test("insert says whether the key is new: true once per key, 0 included, then false")
    func insertSaysWhetherTheKeyIsNew() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let keys = (0..<100_000).map { _ -> Int64 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int64(bitPattern: state)
        } + [0, 1, 2, 3]
        var seen = SeenHashes()
        #expect(keys.allSatisfy { seen.insert($0) })
        #expect(!keys.contains { seen.insert($0) })
        #expect(keys.allSatisfy(seen.contains))
    }

    @Test("room reserved before, between and after inserts keeps every key and finds nothing else; count is the keys kept")
    func reservingKeepsTheKeys() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next() -> Int64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int64(bitPattern: state)
        }
        let first = (0..<30_000).map { _ in next() }, second = (0..<30_000).map { _ in next() }
        let absent = (0..<30_000).map { _ in next() }
        var seen = SeenHashes()
        seen.reserve(40_000)
        for key in first { seen.insert(key) }
        seen.reserve(100_000)  // more room with keys in the tables: each is placed again
        seen.reserve(10)  // less than held: nothing changes
        #expect(second.allSatisfy { seen.insert($0) })
        seen.insert(0)
        #expect(seen.count == 60_001)
        #expect((first + second + [0]).allSatisfy(seen.contains))
        #expect(!absent.contains(where: seen.contains))
    }
}
