import Testing
@testable import PikirNormalise

struct ByteCacheTests {
    func withBytes<R>(_ s: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var s = s
        return s.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    @Test func findsWhatWasInsertedByBytesAcrossGrowth() {
        let cache = ByteCache<Int>()
        let keys = (0..<5000).map { "Алматы \($0)" } + ["Қарағанды", "Караганда", "", "Astana"]
        for (i, key) in keys.enumerated() { withBytes(key) { cache.insert($0, i) } }
        for (i, key) in keys.enumerated() { #expect(withBytes(key) { cache[$0] } == i, "\(key)") }
        #expect(withBytes("Алматы 5000") { cache[$0] } == nil)
        #expect(withBytes("Қарағанды ") { cache[$0] } == nil)
        #expect(cache.count == keys.count)
    }

    @Test func stopsCachingAtItsLimitButKeepsWhatItHas() {
        let cache = ByteCache<String>(limit: 3)
        for key in ["aa", "bb", "cc", "dd"] { withBytes(key) { cache.insert($0, key.uppercased()) } }
        #expect(withBytes("cc") { cache[$0] } == "CC")
        #expect(withBytes("dd") { cache[$0] } == nil)
        #expect(cache.count == 3)
    }

    /// One-byte keys (most scores) live in a table of their own, outside the limit.
    @Test func oneByteKeysAreKeptApartAndAlways() {
        let cache = ByteCache<Int>(limit: 1)
        withBytes("xy") { cache.insert($0, 0) }
        for digit in 0...9 { withBytes(String(digit)) { cache.insert($0, digit) } }
        for digit in 0...9 { #expect(withBytes(String(digit)) { cache[$0] } == digit) }
        #expect(withBytes("10") { cache[$0] } == nil)
        #expect(withBytes("xy") { cache[$0] } == 0)
        #expect(withBytes("x") { cache[$0] } == nil)
    }

    /// Keys that share their first eight bytes, or all but their last, stay apart.
    /// Keys of every length up to 24 bytes, and the same keys with one byte
    /// changed at each position in turn: a byte left out of a key's words
    /// (its first eight, or the last few, read as overlapping words) would
    /// make two of them one.
    @Test func aKeyDifferingInAnyOneByteIsAnotherKey() {
        let cache = ByteCache<Int>(capacity: 16)
        let base = Array("Жақсы, отлично! Өте жақсы".utf8)
        var keys: [[UInt8]] = []
        for length in 1...24 {
            let key = Array(base.prefix(length))
            keys.append(key)
            for position in 0..<length {
                var other = key
                other[position] ^= 0x01
                keys.append(other)
            }
        }
        let distinct = Array(Set(keys))
        for (i, key) in distinct.enumerated() { key.withUnsafeBytes { cache.insert($0, i) } }
        for (i, key) in distinct.enumerated() { #expect(key.withUnsafeBytes { cache[$0] } == i, "\(key)") }
        #expect(distinct.count > 300)
    }

    @Test func keysAlikeInTheirFirstBytesStayApart() {
        let cache = ByteCache<String>()
        let keys = ["2019/02/20 5:06:41 PM", "2019/02/20 5:06:42 PM", "2019/02/20", "2019/02/2", "2019/02/20 ",
                    "Нұрлыбай", "Нұрлыбай Наурызбаев", "Нұрлыбай Наурызбаеі", "12345678", "123456789"]
        for key in keys { withBytes(key) { cache.insert($0, key) } }
        for key in keys { #expect(withBytes(key) { cache[$0] } == key) }
        #expect(cache.count == keys.count)
    }
}
