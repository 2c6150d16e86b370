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
        for key in ["a", "b", "c", "d"] { withBytes(key) { cache.insert($0, key.uppercased()) } }
        #expect(withBytes("c") { cache[$0] } == "C")
        #expect(withBytes("d") { cache[$0] } == nil)
        #expect(cache.count == 3)
    }
}
