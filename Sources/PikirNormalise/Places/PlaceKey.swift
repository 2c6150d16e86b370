import Foundation

extension Places {
    /// Turns typed place text into matching keys: the one normalisation used
    /// both for the gazetteer's spellings and for the cells being resolved.
    enum PlaceKey {
        /// Letters replaced scalar by scalar after lower-casing. Kazakh letters
        /// become the Russian letters typed without a Kazakh keyboard; Latin
        /// letters lose their diacritics; apostrophes and invisible marks vanish.
        private static let scalarFolds: [Unicode.Scalar: String] = [
            // Cyrillic
            "ё": "е", "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о",
            "ұ": "у", "ү": "у", "һ": "х", "і": "и",
            // Latin (Kazakh 2021 and 2017/2018 alphabets, Turkish-style typing)
            "ä": "a", "á": "a", "à": "a", "â": "a",
            "ğ": "g", "ǵ": "g",
            "ñ": "n", "ń": "n",
            "ö": "o", "ó": "o", "ò": "o", "ô": "o",
            "ū": "u", "ü": "u", "ú": "u", "ù": "u", "û": "u",
            "ı": "i", "í": "i", "ì": "i", "î": "i",
            "é": "e", "è": "e", "ê": "e", "ë": "e",
            "ý": "y",
            "ş": "sh", "š": "sh", "ç": "ch", "č": "ch", "ž": "zh",
            // "İ".lowercased() is i + U+0307; apostrophes (Gur'yev, Qarag'andy)
            "\u{0307}": "", "'": "", "\u{2019}": "", "\u{2018}": "", "\u{02BC}": "", "`": "",
            "\u{00B4}": "",
            // invisible
            "\u{200B}": "", "\u{200C}": "", "\u{200D}": "", "\u{FEFF}": "", "\u{00AD}": "",
            // dashes become hyphens
            "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-",
            "\u{2212}": "-",
        ]

        /// `text` in NFC when it holds combining marks (ё typed as е + U+0308,
        /// й as и + U+0306, ğ as g + U+0306), so they fold like precomposed letters.
        static func composed(_ text: String) -> String {
            text.unicodeScalars.contains { (0x0300...0x036F).contains($0.value) }
                ? text.precomposedStringWithCanonicalMapping : text
        }

        /// Characters that separate the parts of a compound cell ("Семей, ВКО").
        private static let partSeparators: Set<Character> = [",", ";", "/", "|", "\\", "(", ")", "[", "]"]

        /// Lower-cases and folds letters; spaces, hyphens and punctuation stay.
        ///
        /// - Complexity: O(n).
        static func fold(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in composed(text).lowercased().unicodeScalars {
                if let replacement = scalarFolds[scalar] {
                    out.append(contentsOf: replacement.unicodeScalars)
                } else if scalar.properties.isWhitespace {
                    out.append(" ")
                } else {
                    out.append(scalar)
                }
            }
            return String(out)
        }

        /// The words of `text`, folded, hyphens removed, informal Latin unified.
        ///
        /// Anything that is not a letter, digit or hyphen separates words, so
        /// `г.Алматы` is `["г", "алматы"]`.
        ///
        /// - Complexity: O(n).
        static func words(_ text: String) -> [String] {
            var words: [String] = []
            var current = String.UnicodeScalarView()
            func flush() {
                if !current.isEmpty { words.append(unifyLatin(current)) }
                current = String.UnicodeScalarView()
            }
            for scalar in fold(text).unicodeScalars {
                if scalar == "-" { continue }  // inside a name: Алма-Ата = Алмаата
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    current.append(scalar)
                } else {
                    flush()
                }
            }
            flush()
            return words
        }

        /// The key of a whole spelling: its words run together.
        static func key(_ text: String) -> String {
            words(text).joined()
        }

        /// Informal Latin → one form: q→k, zh→j, gh→g, and y between a vowel
        /// and a consonant (or the end) → i (Kostanay = Kostanai, Semey = Semei).
        private static let latinVowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]

        private static func unifyLatin(_ word: String.UnicodeScalarView) -> String {
            let vowels = latinVowels
            let input = Array(word)
            var out = String.UnicodeScalarView()
            var i = 0
            while i < input.count {
                let s = input[i]
                let next: Unicode.Scalar? = i + 1 < input.count ? input[i + 1] : nil
                switch s {
                case "q":
                    out.append("k")
                case "z" where next == "h":
                    out.append("j"); i += 1
                case "g" where next == "h":
                    out.append("g"); i += 1
                case "y":
                    let afterVowel = i > 0 && vowels.contains(input[i - 1])
                    let beforeVowel = next.map { vowels.contains($0) } ?? false
                    out.append(afterVowel && !beforeVowel ? "i" : "y")
                default:
                    out.append(s)
                }
                i += 1
            }
            return String(out)
        }

        /// A cell's key with affixes taken off both ends, and which kinds of
        /// affix were there.
        struct Parsed: Hashable {
            var key: String
            var cityAffix: Bool
            var regionAffix: Bool
        }

        /// Strips city and region affixes from both ends of `text`'s words.
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
            while let first = words.first, take(first) { words.removeFirst() }
            while let last = words.last, take(last) { words.removeLast() }
            guard !words.isEmpty else { return nil }
            parsed.key = words.joined()
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
