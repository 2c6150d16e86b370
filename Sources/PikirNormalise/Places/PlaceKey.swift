extension Places {
    /// Turns typed place text into matching keys: the one normalisation used
    /// both for the gazetteer's spellings and for the cells being resolved.
    ///
    /// The words are those of ``TextFolding/matchKey(_:)`` (NFC/NFD, case,
    /// spaces, punctuation, layout slips, Kazakh letters, Kazakh Latin of
    /// 2017/2018/2021, informal Latin); a place's key is its words run
    /// together, so hyphens and spaces inside a name do not count.
    enum PlaceKey {
        /// Characters that separate the parts of a compound cell ("Семей, ВКО").
        private static let partSeparators: Set<Character> = [",", ";", "/", "|", "\\", "(", ")", "[", "]"]

        /// Words that may follow a leading affix before the name: `city of Almaty`.
        private static let linkingWords: Set<String> = ["of"]

        /// The folded words of `text`; anything that is not a letter or digit
        /// separates words, so `г.Алматы` is `["g", "almati"]`.
        ///
        /// - Complexity: O(n).
        static func words(_ text: String) -> [String] {
            TextFolding.matchWords(text).map(\.key)
        }

        /// The key of a whole spelling: its words run together.
        static func key(_ text: String) -> String {
            TextFolding.joinedKey(words(text))
        }

        /// A cell's key with affixes taken off both ends, and which kinds of
        /// affix were there.
        struct Parsed: Hashable {
            var key: String
            var cityAffix: Bool
            var regionAffix: Bool
        }

        /// Strips city and region affixes from both ends of `text`'s words
        /// (and an `of` after a leading one: `city of Almaty`, `region of Karaganda`).
        ///
        /// - Returns: `nil` when nothing but affixes (or nothing) is left.
        static func parse(_ text: String, cityAffixes: Set<String>, regionAffixes: Set<String>) -> Parsed? {
            var words = words(text)[...]
            var parsed = Parsed(key: "", cityAffix: false, regionAffix: false)
            func take(_ word: String) -> Bool {
                if cityAffixes.contains(word) { parsed.cityAffix = true; return true }
                if regionAffixes.contains(word) { parsed.regionAffix = true; return true }
                return false
            }
            var leading = false
            while let first = words.first, take(first) { words.removeFirst(); leading = true }
            if leading, let first = words.first, linkingWords.contains(first) { words.removeFirst() }
            while let last = words.last, take(last) { words.removeLast() }
            guard !words.isEmpty else { return nil }
            parsed.key = TextFolding.joinedKey(words)
            return parsed
        }

        /// The parts of a compound cell, split at `,` `;` `/` `|` `\` and brackets.
        static func splitParts(_ text: String) -> [String] {
            text.split(whereSeparator: { partSeparators.contains($0) })
                .map { String($0) }
                .filter { $0.contains(where: { $0.isLetter }) }
        }
    }
}
