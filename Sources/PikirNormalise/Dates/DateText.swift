import Foundation

extension Dates {
    /// Text preparation shared by the date forms.
    enum DateText {
        /// Lower-case, Kazakh letters as typed without a Kazakh keyboard
        /// (қараша = караша), ё = е, Latin Kazakh letters without diacritics
        /// and q = k, one kind of space and hyphen, trimmed.
        private static let scalarFolds: [Unicode.Scalar: String] = [
            "ё": "е", "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о",
            "ұ": "у", "ү": "у", "һ": "х", "і": "и",
            "ä": "a", "ğ": "g", "ñ": "n", "ö": "o", "ū": "u", "ü": "u", "ı": "i", "ş": "sh", "q": "k",
            "\u{0307}": "",
            "\u{200B}": "", "\u{200C}": "", "\u{200D}": "", "\u{FEFF}": "", "\u{00AD}": "",
            "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-",
        ]

        /// `text` in NFC when it holds combining marks (й typed as и + U+0306).
        private static func composed(_ text: String) -> String {
            text.unicodeScalars.contains { (0x0300...0x036F).contains($0.value) }
                ? text.precomposedStringWithCanonicalMapping : text
        }

        /// The prepared text; empty when `text` is blank.
        ///
        /// - Complexity: O(n).
        static func fold(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var pendingSpace = false
            for scalar in composed(text).lowercased().unicodeScalars {
                if scalar.properties.isWhitespace {
                    pendingSpace = !out.isEmpty
                    continue
                }
                let replacement = scalarFolds[scalar]
                if replacement == "" { continue }
                if pendingSpace { out.append(" "); pendingSpace = false }
                if let replacement {
                    out.append(contentsOf: replacement.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
            return String(out)
        }
    }
}
