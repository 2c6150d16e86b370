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
            let quick = text.utf8.withContiguousStorageIfAvailable { quickFold(UnsafeRawBufferPointer($0)) }
            if let folded = quick ?? nil { return folded }
            return generalFold(text)
        }

        /// `fold` on the bytes of text made only of ASCII, NBSP, Russian
        /// letters (U+0400–045F) and the Kazakh letters ә ғ қ ң ө ұ ү һ in
        /// either case, whose lower case and folds are fixed here; `nil` for
        /// any other text. Output is never longer than input.
        static func quickFold(_ p: UnsafeRawBufferPointer) -> String? {
            let n = p.count
            var failed = false
            let folded = String(unsafeUninitializedCapacity: n) { out in
                var count = 0
                var pendingSpace = false
                var i = 0
                @inline(__always)
                func append(_ b: UInt8) {
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    out[count] = b
                    count += 1
                }
                while i < n {
                    let b = p[i]
                    if b < 0x80 {
                        if b == 0x20 || b &- 0x09 < 5 {
                            pendingSpace = count > 0
                        } else if b &- 0x41 < 26 {
                            append(b == 0x51 ? 0x6B : b | 0x20)  // Q → q → k
                        } else {
                            append(b == 0x71 ? 0x6B : b)  // q → k
                        }
                        i += 1
                        continue
                    }
                    guard b < 0xE0, i + 1 < n else {
                        failed = true
                        return 0
                    }
                    let v = UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                    i += 2
                    if v == 0xA0 || v == 0x85 {  // NBSP, NEL: white space
                        pendingSpace = count > 0
                        continue
                    }
                    guard let v = CyrillicFold.folded(v) else {
                        failed = true
                        return 0
                    }
                    append(UInt8(0xC0 | v >> 6))
                    out[count] = UInt8(0x80 | v & 0x3F)
                    count += 1
                }
                return count
            }
            return failed ? nil : folded
        }

        /// `fold` for any text.
        static func generalFold(_ text: String) -> String {
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
