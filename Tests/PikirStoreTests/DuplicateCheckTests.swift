import Testing
@testable import PikirEngine

/// `DuplicateCheck` applies `DuplicateIndex`'s rule: a response is a
/// duplicate when its form id was met on a response kept, or else its
/// fingerprint was; a duplicate's keys are not kept. Checked against the
/// rule written plainly with Swift sets, over batches of generated keys
/// that repeat within and across batches, with a form id, a fingerprint,
/// both or neither.
struct DuplicateCheckTests {
    @Test func theRuleWrittenPlainly() {
        var state: UInt64 = 0x0123_4567_89AB_CDEF
        func next(_ below: UInt64) -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state % below
        }
        var ids: Set<Int64> = [], prints: Set<Int64> = []
        var check = DuplicateCheck()
        var fresh: [Bool] = []
        var counts = (kept: 0, duplicates: 0, cascades: 0)
        for _ in 0..<40 {
            // Few distinct values, so that keys repeat; 0 is a key like any other.
            let batch: [(formID: Int64?, fingerprint: Int64?)] = (0..<Int(1 + next(700))).map { _ in
                let id: Int64? = next(4) == 0 ? nil : Int64(next(3_000))
                let print: Int64? = next(3) == 0 ? nil : Int64(next(3_000)) * 7_919
                return (id, print)
            }
            check.check(keys: batch, into: &fresh)
            #expect(fresh.count == batch.count)
            for (key, got) in zip(batch, fresh) {
                var expected = true
                if let id = key.formID, ids.contains(id) { expected = false }
                else if let print = key.fingerprint, prints.contains(print) { expected = false }
                if expected {
                    if let id = key.formID { ids.insert(id) }
                    if let print = key.fingerprint { prints.insert(print) }
                    counts.kept += 1
                } else {
                    counts.duplicates += 1
                    // A new id on a duplicate by fingerprint: the id stays unknown.
                    if let id = key.formID, !ids.contains(id) { counts.cascades += 1 }
                }
                #expect(got == expected, "\(key)")
            }
        }
        #expect(counts.kept > 1_000 && counts.duplicates > 1_000 && counts.cascades > 100, "\(counts)")
    }
}
