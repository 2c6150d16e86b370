/// Lower case and keyboard folding for one Cyrillic letter, for the byte-level
/// fast paths (dates, answer words) that compare what people type with a word list.
enum CyrillicFold {
    /// The lower-case Russian letter a Cyrillic scalar of the Russian or
    /// Kazakh alphabet is typed as without a Kazakh keyboard (ә→а ғ→г қ→к
    /// ң→н ө→о ұ,ү→у һ→х і→и, ё→е); nil for any other scalar, which sends the
    /// caller to its general path.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func folded(_ scalar: UInt32) -> UInt32? {
        var v = scalar
        switch v {
        case 0x0400...0x040F: v += 0x50
        case 0x0410...0x042F: v += 0x20
        case 0x0430...0x045F: break
        case 0x04D8, 0x0492, 0x049A, 0x04A2, 0x04E8, 0x04B0, 0x04AE, 0x04BA: v += 1
        case 0x04D9, 0x0493, 0x049B, 0x04A3, 0x04E9, 0x04B1, 0x04AF, 0x04BB: break
        default: return nil
        }
        switch v {
        case 0x0451: return 0x0435  // ё → е
        case 0x04D9: return 0x0430  // ә → а
        case 0x0493: return 0x0433  // ғ → г
        case 0x049B: return 0x043A  // қ → к
        case 0x04A3: return 0x043D  // ң → н
        case 0x04E9: return 0x043E  // ө → о
        case 0x04B1, 0x04AF: return 0x0443  // ұ, ү → у
        case 0x04BB: return 0x0445  // һ → х
        case 0x0456: return 0x0438  // і → и
        default: return v
        }
    }
}
