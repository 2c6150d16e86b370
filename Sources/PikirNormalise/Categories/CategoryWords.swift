extension ParticipantGroups {
    /// Word splitting and stem matching shared by the category parsers
    /// (`ParticipantGroups`, `Modules`); nested here so the module gains no
    /// extra top-level name.
    ///
    /// Words and stems are folded by ``TextFolding/matchKey(_:)``, the folding
    /// every matcher uses, so `Оқушы`, `Окушы`, `Oqushy` and `Oқушы` (a Latin
    /// O) all match the stem `оқушы`, in NFC or NFD.
    enum Words {
        /// The folded words of `text`.
        ///
        /// - Complexity: O(n) in the length of the text.
        static func words(_ text: some StringProtocol) -> [String] {
            TextFolding.matchWords(String(text)).map(\.key)
        }

        /// Rules with their stems as typed (Cyrillic or Latin), the stems folded
        /// like the words they are compared with.
        static func folding<Value>(_ rules: [(Value, [String])]) -> [(Value, [String])] {
            rules.map { ($0.0, $0.1.map(TextFolding.matchKey)) }
        }

        /// Whether any word starts with any of the stems (stems are folded already).
        ///
        /// Compares UTF-8 bytes: both sides are folded.
        ///
        /// - Complexity: O(words × stems).
        static func anyWord(_ words: [String], startsWith stems: [String]) -> Bool {
            for w in words {
                for stem in stems where w.utf8.starts(with: stem.utf8) { return true }
            }
            return false
        }

        /// The keyboard fold of one lower-case Cyrillic letter (ё→е ә→а ғ→г қ→к ң→н ө→о ұ,ү→у һ→х і→и),
        /// for the byte-level answer-word path in `Scores`.
        @inline(__always)
        static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
            switch s {
            case "ё": "е"
            case "ә": "а"
            case "ғ": "г"
            case "қ": "к"
            case "ң": "н"
            case "ө": "о"
            case "ұ", "ү": "у"
            case "һ": "х"
            case "і": "и"
            default: s
            }
        }
    }
}
