extension ParticipantGroups {
    /// Word splitting and stem matching shared by the category parsers
    /// (`ParticipantGroups`, `Modules`, `AnswerLanguage`); nested here so the
    /// module gains no extra top-level name.
    ///
    /// Text is lower-cased, `ё` becomes `е` and the Kazakh letters become the
    /// Russian-keyboard letters people type without a Kazakh layout
    /// (ә→а ғ→г қ→к ң→н ө→о ұ,ү→у һ→х і→и), so `Оқушы` and `Окушы` match alike.
    enum Words {
        /// The folded words of `text`: maximal runs of letters.
        ///
        /// A combining diaeresis (U+0308, the decomposed `ё`) is dropped so
        /// `е` + U+0308 reads as `е`.
        ///
        /// - Complexity: O(n) in the length of the text.
        static func words(_ text: some StringProtocol) -> [String] {
            var words: [String] = []
            var current = String.UnicodeScalarView()
            for s in text.unicodeScalars {
                if s.value == 0x0308 { continue }
                if s.properties.isAlphabetic {
                    current.append(fold(lower(s)))
                } else if !current.isEmpty {
                    words.append(String(current))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { words.append(String(current)) }
            return words
        }

        /// Whether any word starts with any of the stems (stems are folded already).
        ///
        /// Compares UTF-8 bytes: both sides are folded and lower-cased.
        ///
        /// - Complexity: O(words × stems).
        static func anyWord(_ words: [String], startsWith stems: [String]) -> Bool {
            for w in words {
                for stem in stems where w.utf8.starts(with: stem.utf8) { return true }
            }
            return false
        }

        /// Lower case of one scalar; ASCII and Cyrillic without allocating.
        @inline(__always)
        static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
            let v = s.value
            switch v {
            case 0x41...0x5A: return Unicode.Scalar(v + 0x20)!
            case 0x00...0x7F: return s
            case 0x0410...0x042F: return Unicode.Scalar(v + 0x20)!
            case 0x0400...0x040F: return Unicode.Scalar(v + 0x50)!
            case 0x0430...0x045F: return s
            case 0x0460...0x0481, 0x048A...0x04BF, 0x04D0...0x04FF: return Unicode.Scalar(v | 1)!
            default:
                let m = s.properties.lowercaseMapping.unicodeScalars
                return m.count == 1 ? m.first! : s
            }
        }

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
