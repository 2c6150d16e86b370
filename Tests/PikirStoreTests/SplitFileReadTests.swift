import Testing
@testable import PikirEngine

/// How large the parts of a file read in parts are: rows in parts of
/// 512 KiB (a channel's worth); grouped responses in about 32 parts, of
/// 512 KiB to 4 MiB.
struct SplitFileReadTests {
    @Test func partSizes() {
        let kib = 1024, mib = 1024 * 1024
        for size in [8 * mib, 40 * mib, 211 * mib, 2_000 * mib] {
            #expect(SplitFileRead.partBytes(forFileOf: size, layout: .rows(.all)) == 512 * kib)
        }
        #expect(SplitFileRead.partBytes(forFileOf: 8 * mib, layout: .groups([.region])) == 512 * kib)
        #expect(SplitFileRead.partBytes(forFileOf: 21 * mib, layout: .groups([.region])) == 672 * kib)
        #expect(SplitFileRead.partBytes(forFileOf: 64 * mib, layout: .groups([.region])) == 2 * mib)
        #expect(SplitFileRead.partBytes(forFileOf: 211 * mib, layout: .groups([.region])) == 4 * mib)
        #expect(SplitFileRead.partBytes(forFileOf: 2_000 * mib, layout: .groups([.region])) == 4 * mib)
    }
}
