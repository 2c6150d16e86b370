/// Sixteen bytes tested at once, and what the test found. (The standard
/// library's `any(_:)` on such a mask became a chain of shuffles and a
/// call, slower than testing eight bytes as a word; a mask read as two
/// words is two moves.)
enum ByteLanes {
    typealias Vector = SIMD16<UInt8>
    typealias Mask = SIMDMask<SIMD16<Int8>>

    /// Whether any lane is set.
    @inline(__always)
    static func any(_ mask: Mask) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// How many lanes are set (a set lane is eight set bits).
    @inline(__always)
    static func count(_ mask: Mask) -> Int {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return (words[0].nonzeroBitCount + words[1].nonzeroBitCount) >> 3
    }
}
