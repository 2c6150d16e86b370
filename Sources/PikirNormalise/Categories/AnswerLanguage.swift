/// The language a participant answered in, with its canonical raw value.
///
/// Decided from the letters of the answer cells (see `detect`):
/// - `kk` when the Cyrillic text has a Kazakh-specific letter
///   (ә ғ қ ң ө ұ ү һ і) or a Kazakh word typed without them (`жаксы`,
///   `рахмет`, `жок`, `және`…), or when Latin text has the 2021 Kazakh Latin
///   letters ä ğ ñ ū ı or Kazakh words (`jaqsy`, `rahmet`);
/// - `ru` for other Cyrillic text;
/// - `en` for Latin text.
public enum AnswerLanguage: String, Sendable, CaseIterable {
    case kk
    case ru
    case en

    /// Kazakh words that need no Kazakh-specific letter, folded
    /// (ә→а ғ→г қ→к ң→н ө→о ұ,ү→у һ→х і→и), as typed on a Russian layout.
    private static let kazakhWords: [String] = [
        "жаксы", "оте", "орташа", "нашар", "рахмет", "ракмет", "жок", "жане", "мен", "пен", "ушин",
        "болды", "керек", "керемет", "жастар", "жастармен", "жумыс", "окушы", "баска", "иа", "коп",
        "тренердин", "келисемин", "келиспеймин", "барлыгы", "уакыт", "жаттыгу", "жаттыгулар",
    ]

    /// Kazakh words in the Latin alphabet (2021 and informal spellings).
    private static let kazakhLatinWords: [String] = [
        "jaqsy", "jaksy", "zhaksy", "zhaqsy", "öte", "rahmet", "rakhmet", "raqmet", "ortaşa", "ortasha",
        "nashar", "naşar", "jumys", "zhumys", "keremet",
    ]

    /// The words above as FNV-1a hashes of their lowercased scalars, in
    /// open-addressing tables, and which (first letter, length) pairs they have.
    private static let vocabulary = Vocabulary()

    private static func wordHash(_ word: String) -> UInt64 {
        var h = WordHash()
        for s in word.unicodeScalars { h.add(lowered(s.value)) }
        return h.value
    }

    /// What a cell's words are compared with. A word is hashed only when its
    /// first letter and length are those of some vocabulary word, so most
    /// words cost no hashing at all.
    struct Vocabulary: Sendable {
        let cyrillic: WordTable
        let latin: WordTable
        /// Bit `length` of `candidates[first & 127]` is set when a word of
        /// that length starts with the lowercased letter `first` (either script).
        let candidates: Immortal<UInt16>

        init() {
            cyrillic = WordTable(AnswerLanguage.kazakhWords)
            latin = WordTable(AnswerLanguage.kazakhLatinWords)
            var candidates = [UInt16](repeating: 0, count: 128)
            for word in AnswerLanguage.kazakhWords + AnswerLanguage.kazakhLatinWords {
                let scalars = word.unicodeScalars.map { AnswerLanguage.lowered($0.value) }
                precondition(scalars.count <= 12, "words longer than 12 letters are never looked up")
                candidates[Int(scalars[0] & 127)] |= 1 << scalars.count
            }
            self.candidates = Immortal(candidates)
        }
    }

    /// A read-only table allocated once and never freed (it lives in a
    /// `static let`), so the scan loops index it without closures or
    /// reference counting.
    struct Immortal<Element>: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<Element>

        init(_ elements: [Element]) {
            let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
            _ = storage.initialize(from: elements)
            buffer = UnsafeBufferPointer(storage)
        }
    }

    /// An open-addressing set of word hashes (cheaper than `Set<UInt64>`,
    /// which runs SipHash per look-up).
    struct WordTable: Sendable {
        private let slots: Immortal<UInt64>
        private let mask: Int

        init(_ words: [String]) {
            var size = 16
            while size < words.count * 4 { size *= 2 }
            var slots = [UInt64](repeating: 0, count: size)
            for word in words {
                let h = AnswerLanguage.wordHash(word)
                precondition(h != 0, "a word hash of 0 is the empty-slot marker")
                var i = Int(truncatingIfNeeded: h ^ (h >> 32)) & (size - 1)
                while slots[i] != 0 && slots[i] != h { i = (i + 1) & (size - 1) }
                slots[i] = h
            }
            self.slots = Immortal(slots)
            self.mask = size - 1
        }

        @inline(__always)
        func contains(_ h: UInt64) -> Bool {
            if h == 0 { return false }
            let slots = self.slots.buffer
            var i = Int(truncatingIfNeeded: h ^ (h >> 32)) & mask
            while true {
                let e = slots[i]
                if e == h { return true }
                if e == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    /// FNV-1a over scalar values.
    struct WordHash {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) mutating func add(_ v: UInt32) {
            value = (value ^ UInt64(v)) &* 0x0000_0100_0000_01B3
        }
    }

    /// Lower case for the Cyrillic and Latin letters words are made of, by
    /// arithmetic (Unicode property look-ups cost more than the rest of the
    /// scan); ё folds to е as people type it.
    @inline(__always)
    static func lowered(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x0401, 0x0451: return 0x0435
        case 0x0400...0x040F: return v + 0x50
        case 0x0410...0x042F: return v + 0x20
        case 0x0041...0x005A, 0x00C0...0x00DE: return v == 0xD7 ? v : v + 0x20
        case 0x0100...0x017F, 0x0460...0x04FF: return v & 1 == 0 && !(0x04C1...0x04CE).contains(v) ? v + 1 : v
        default: return v
        }
    }

    /// Detects the language of a set of answer cells taken together.
    ///
    /// Counts Cyrillic and Latin letters over all cells; the script with more
    /// letters wins (a tie goes to Cyrillic). Cyrillic is Kazakh when any
    /// Kazakh evidence appears (a Kazakh-specific letter or a Kazakh word)
    /// and Russian otherwise: the Kazakh alphabet contains every Russian
    /// letter, so Russian can only be told by the absence of Kazakh. Latin
    /// is English unless it carries Kazakh Latin letters or words. Digits,
    /// punctuation and other scripts are ignored. Pass the free-text and
    /// answer cells, not the city or trainer name.
    ///
    /// - Parameter cells: The text cells of one response.
    /// - Returns: The language, or nil when the cells hold no letters.
    /// - Complexity: O(n) in the total length of the cells; no allocation.
    @inlinable
    public static func detect<Cells: Sequence>(_ cells: Cells) -> AnswerLanguage? where Cells.Element: StringProtocol {
        // Inlinable so that callers get it specialised: the cells are read as
        // UTF-8 buffers, with no generic String access per character.
        var scan = Scan()
        for cell in cells {
            let done: Void? = cell.utf8.withContiguousStorageIfAvailable { scan.add(UnsafeRawBufferPointer($0)) }
            if done == nil {
                var copy = String(cell)
                copy.withUTF8 { scan.add(UnsafeRawBufferPointer($0)) }
            }
        }
        return scan.result
    }

    /// Detects the language of a single answer cell.
    ///
    /// Same rules as `detect(_:)` for a set of cells.
    ///
    /// - Complexity: O(n) in the length of the cell.
    @inlinable
    public static func detect(_ cell: some StringProtocol) -> AnswerLanguage? {
        detect(CollectionOfOne(cell))
    }

    /// The letter counts and Kazakh evidence of the cells scanned so far.
    @usableFromInline
    struct Scan {
        var cyrillic = 0
        var latin = 0
        var kazakhCyrillic = false
        var kazakhLatin = false
        let vocabulary = AnswerLanguage.vocabulary

        @usableFromInline
        init() {}

        @usableFromInline
        var result: AnswerLanguage? {
            if cyrillic == 0 && latin == 0 { return nil }
            if cyrillic >= latin { return kazakhCyrillic ? .kk : .ru }
            return kazakhLatin ? .kk : .en
        }

        /// Scans one cell's UTF-8 (valid, as every `String`'s is).
        @usableFromInline
        mutating func add(_ p: UnsafeRawBufferPointer) {
            if !addCommon(p) { addExact(p) }
        }

        // MARK: Eight bytes at a time

        /// One bit (the high bit) per byte of `x` that is zero.
        @inline(__always)
        private static func zeroBytes(_ y: UInt64) -> UInt64 {
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            return ~(((y & low7) &+ low7) | y | low7)
        }

        /// The number of high bits set in a mask of byte high bits (a multiply:
        /// the baseline x86-64 target has no POPCNT instruction).
        @inline(__always)
        private static func countBytes(_ mask: UInt64) -> Int {
            Int(truncatingIfNeeded: ((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
        }

        /// One bit (the high bit) per byte `b` of `x` with `m < b < n`, for
        /// bytes below 0x80 (others never count); 0 ≤ m < n ≤ 0x80.
        @inline(__always)
        private static func bytesBetween(_ x: UInt64, _ m: UInt64, _ n: UInt64) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let low = x & (ones &* 0x7F)
            return ((ones &* (127 + n)) &- low) & ~x & (low &+ ones &* (127 - m)) & (ones &* 0x80)
        }

        /// `add` for a cell made of ASCII, Cyrillic (U+0400–04FF) and
        /// characters that are no letter to `detect` (everything with a lead
        /// byte other than C3–C9): reads eight bytes at a time, and visits
        /// only the spans between non-letters, checking the words among them.
        /// Returns false, having changed nothing, when the cell has a lead
        /// byte C3–C9 (U+00C0–027F, where the Latin letters need the exact
        /// reading of `addExact`).
        private mutating func addCommon(_ p: UnsafeRawBufferPointer) -> Bool {
            let n = p.count
            guard n > 0, let base = p.baseAddress else { return true }
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = ones &* 0x80
            var cyrillic = 0
            var latin = 0
            var kazakhCyrillic = self.kazakhCyrillic
            var kazakhLatin = self.kazakhLatin
            var previousLead: UInt64 = 0  // bit 7 set when the previous block ended with D0 or D1
            var spanStart = 0  // the current span of letters starts here

            let candidates = vocabulary.candidates.buffer
            var i = 0
            while i < n {
                let x: UInt64
                let valid: UInt64  // high bits of the bytes inside the cell
                if i + 8 <= n {
                    x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    valid = high
                } else {
                    var tail: UInt64 = 0
                    for k in i..<n { tail |= UInt64(p[k]) << (8 * UInt64(k - i)) }
                    x = tail
                    valid = high >> (8 * UInt64(8 - (n - i)))
                }
                let flipped = x ^ high  // bytes ≥ 0x80 now below it
                // Lead bytes C3–C9: Latin letters and signs, read exactly elsewhere.
                if Self.bytesBetween(flipped, 0x42, 0x4A) != 0 { return false }
                let cyrillicLeads = Self.zeroBytes((x ^ (ones &* 0xD0)) & (ones &* 0xFC))  // D0–D3
                let asciiLetters = Self.bytesBetween(x | (ones &* 0x20), 0x60, 0x7B)
                cyrillic += Self.countBytes(cyrillicLeads)
                latin += Self.countBytes(asciiLetters)
                if !kazakhCyrillic {
                    // і / І: D1 96 / D0 86, the lead possibly at the end of the previous block.
                    // Found as a lead D0/D1 followed by 86/96, then checked
                    // byte by byte (ц D1 86 and Ж D0 96 also match the masks).
                    let d0d1 = Self.zeroBytes((x ^ (ones &* 0xD0)) & (ones &* 0xFE))
                    let second = Self.zeroBytes((x ^ (ones &* 0x86)) & (ones &* 0xEF))
                    var pairs = ((d0d1 << 8) | previousLead) & second
                    while pairs != 0 {
                        let j = i + pairs.trailingZeroBitCount / 8  // the second byte
                        pairs &= pairs - 1
                        if (p[j - 1] == 0xD0 && p[j] == 0x86) || (p[j - 1] == 0xD1 && p[j] == 0x96) {
                            kazakhCyrillic = true
                            break
                        }
                    }
                    previousLead = d0d1 >> 56
                    // The other Kazakh letters have lead D2 or D3.
                    var leads = Self.bytesBetween(flipped, 0x51, 0x54)
                    while leads != 0 {
                        let j = i + leads.trailingZeroBitCount / 8
                        leads &= leads - 1
                        if j + 1 < n, AnswerLanguage.isKazakhCyrillic(
                            UInt32(p[j] & 0x1F) << 6 | UInt32(p[j + 1] & 0x3F)) {
                            kazakhCyrillic = true
                            break
                        }
                    }
                }
                if !kazakhCyrillic || !kazakhLatin {
                    // Non-letters: not an ASCII letter, not a Cyrillic lead, not a continuation byte.
                    let continuation = Self.zeroBytes((x ^ high) & (ones &* 0xC0))
                    var breaks = ~(cyrillicLeads | asciiLetters | continuation) & valid
                    while breaks != 0 {
                        let j = i + breaks.trailingZeroBitCount / 8
                        breaks &= breaks - 1
                        if j > spanStart {
                            checkWord(p, spanStart, j, candidates, &kazakhCyrillic, &kazakhLatin)
                        }
                        spanStart = j + 1
                    }
                }
                i += 8
            }
            if (!kazakhCyrillic || !kazakhLatin) && spanStart < n {
                checkWord(p, spanStart, n, candidates, &kazakhCyrillic, &kazakhLatin)
            }
            self.cyrillic += cyrillic
            self.latin += latin
            self.kazakhCyrillic = kazakhCyrillic
            self.kazakhLatin = kazakhLatin
            return true
        }

        /// Checks the word in bytes `start..<end` (letters, possibly after
        /// continuation bytes of the non-letter before them) against the
        /// vocabulary of its script, unless that script has Kazakh evidence already.
        @inline(__always)
        private func checkWord(_ p: UnsafeRawBufferPointer, _ start: Int, _ end: Int,
                               _ candidates: UnsafeBufferPointer<UInt16>,
                               _ kazakhCyrillic: inout Bool, _ kazakhLatin: inout Bool) {
            var s = start
            while s < end, p[s] & 0xC0 == 0x80 { s += 1 }
            guard s < end else { return }
            let b = p[s]
            if b < 0x80 {
                // A Latin word (if no Cyrillic letter is in it): length = bytes.
                let length = end - s
                guard !kazakhLatin, length <= 12,
                      candidates[Int(b | 0x20) & 127] & (1 << length) != 0 else { return }
                var h = WordHash()
                for k in s..<end {
                    let c = p[k]
                    guard c < 0x80 else { return }  // mixed scripts: never looked up
                    h.add(UInt32(c | 0x20))
                }
                if vocabulary.latin.contains(h.value) { kazakhLatin = true }
            } else {
                // A Cyrillic word (if no Latin letter is in it): length = bytes / 2.
                let bytes = end - s
                guard !kazakhCyrillic, bytes <= 24, bytes & 1 == 0 else { return }
                let first = AnswerLanguage.lowered(UInt32(b & 0x1F) << 6 | UInt32(p[s + 1] & 0x3F))
                guard candidates[Int(first & 127)] & (1 << (bytes / 2)) != 0 else { return }
                var h = WordHash()
                var k = s
                while k < end {
                    let c = p[k]
                    guard c >= 0x80 else { return }  // mixed scripts: never looked up
                    h.add(AnswerLanguage.lowered(UInt32(c & 0x1F) << 6 | UInt32(p[k + 1] & 0x3F)))
                    k += 2
                }
                if vocabulary.cyrillic.contains(h.value) { kazakhCyrillic = true }
            }
        }

        // MARK: One scalar at a time

        /// `add` for any cell.
        ///
        /// Cyrillic (U+0400–04FF) and the other Latin letters counted
        /// (U+00C0–024F) are all two-byte sequences, decoded by hand; longer
        /// sequences only end a word. A word is a run of these letters; it is
        /// looked up (hashed from its bytes) only when it is in one script,
        /// 1–12 letters long, its script has no Kazakh evidence yet, and some
        /// vocabulary word has its first letter and length.
        private mutating func addExact(_ p: UnsafeRawBufferPointer) {
            let n = p.count
            var cyrillic = self.cyrillic
            var latin = self.latin
            var kazakhCyrillic = self.kazakhCyrillic
            var kazakhLatin = self.kazakhLatin
            // The current word: bytes wordStart..<i, `length` letters.
            var wordStart = 0
            var length = 0
            var first: UInt32 = 0
            var wordIsCyrillic = false
            var wordIsLatin = false
            let candidates = vocabulary.candidates.buffer
            @inline(__always)
            func endWord(_ end: Int) {
                defer {
                    length = 0
                    wordIsCyrillic = false
                    wordIsLatin = false
                }
                guard length <= 12, candidates[Int(first & 127)] & (1 << length) != 0 else { return }
                if wordIsCyrillic && !wordIsLatin && !kazakhCyrillic {
                    if vocabulary.cyrillic.contains(hash(p, wordStart, end)) { kazakhCyrillic = true }
                } else if wordIsLatin && !wordIsCyrillic && !kazakhLatin {
                    if vocabulary.latin.contains(hash(p, wordStart, end)) { kazakhLatin = true }
                }
            }
            var i = 0
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    let l = b | 0x20
                    if l &- 0x61 < 26 {
                        latin += 1
                        wordIsLatin = true
                        if length == 0 {
                            wordStart = i
                            first = UInt32(l)
                        }
                        length += 1
                    } else if length > 0 {
                        endWord(i)  // digits, punctuation: ignored
                    }
                    i += 1
                } else if b < 0xE0 {
                    guard i + 1 < n else { break }
                    let v = UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                    if v >= 0x0400 && v <= 0x04FF {
                        cyrillic += 1
                        wordIsCyrillic = true
                        if !kazakhCyrillic && AnswerLanguage.isKazakhCyrillic(v) { kazakhCyrillic = true }
                    } else if v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7 {
                        latin += 1
                        wordIsLatin = true
                        if !kazakhLatin && AnswerLanguage.isKazakhLatin(v) { kazakhLatin = true }
                    } else {
                        if length > 0 { endWord(i) }  // other scripts, symbols: ignored
                        i += 2
                        continue
                    }
                    if length == 0 {
                        wordStart = i
                        first = AnswerLanguage.lowered(v)
                    }
                    length += 1
                    i += 2
                } else {
                    if length > 0 { endWord(i) }
                    i += b < 0xF0 ? 3 : 4
                }
            }
            if length > 0 { endWord(min(i, n)) }
            self.cyrillic = cyrillic
            self.latin = latin
            self.kazakhCyrillic = kazakhCyrillic
            self.kazakhLatin = kazakhLatin
        }

        /// The word hash of the letters in bytes `start..<end` (ASCII letters
        /// and two-byte letters only).
        private func hash(_ p: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> UInt64 {
            var h = WordHash()
            var i = start
            while i < end {
                let b = p[i]
                if b < 0x80 {
                    h.add(UInt32(b | 0x20))
                    i += 1
                } else {
                    h.add(AnswerLanguage.lowered(UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)))
                    i += 2
                }
            }
            return h.value
        }
    }

    /// ә ғ қ ң ө ұ ү һ і in either case.
    @inline(__always)
    static func isKazakhCyrillic(_ v: UInt32) -> Bool {
        switch v {
        case 0x04D8, 0x04D9, 0x0492, 0x0493, 0x049A, 0x049B, 0x04A2, 0x04A3, 0x04E8, 0x04E9,
            0x04B0, 0x04B1, 0x04AE, 0x04AF, 0x04BA, 0x04BB, 0x0406, 0x0456:
            true
        default:
            false
        }
    }

    /// ä ğ ñ ū ı (2021 Kazakh Latin letters not used in English) in either case.
    @inline(__always)
    static func isKazakhLatin(_ v: UInt32) -> Bool {
        switch v {
        case 0x00C4, 0x00E4, 0x011E, 0x011F, 0x00D1, 0x00F1, 0x016A, 0x016B, 0x0131:
            true
        default:
            false
        }
    }
}
