/// Answer cells of scale questions → numbers on the question's scale.
///
/// A cell may hold a number (`4`, `4,5`, `4.5`), a number with its option
/// label (`5 - Отлично`, `5 (Excellent)`, `Отлично (5)`, `4 балла`), or an
/// answer word in Kazakh, Russian or English (`Өте жақсы`, `Хорошо`,
/// `Strongly agree`). Answer words always mean points on a 1–5 scale.
///
/// Rules decided here (see `parse`):
/// - Blank cells, and cells holding only a dash (`-`, `–`, `—`), are
///   `.missing`, never 0.
/// - Kazakh words are also recognised when typed without a Kazakh keyboard
///   (`Оте жаксы`) and when a CP1251 export turned the Kazakh letters into
///   `?` (`?те жа?сы`).
/// - A number next to a word must agree with it on a 1–5 scale
///   (`5 - Хорошо` is rejected); on other scales the text is only a label.
/// - Values declared on another `sourceScale` are rescaled linearly and come
///   back as `.rescaled`, so the caller can report them.
public enum Scores {
    /// An inclusive range of whole-number scale points, such as 1–5 or 0–10.
    public struct Scale: Sendable, Hashable, CustomStringConvertible {
        /// The lowest allowed point.
        public var min: Int
        /// The highest allowed point.
        public var max: Int

        /// Creates a scale from its lowest and highest points.
        ///
        /// A scale whose `min` is not below `max` is empty; `parse` rejects
        /// every value against it with a reason.
        ///
        /// - Complexity: O(1).
        public init(min: Int, max: Int) {
            self.min = min
            self.max = max
        }

        /// The 1–5 scale of the rating and agreement questions.
        public static let oneToFive = Scale(min: 1, max: 5)
        /// The 0–10 scale of the recommendation (NPS) question.
        public static let zeroToTen = Scale(min: 0, max: 10)
        /// A 1–10 source scale some forms use.
        public static let oneToTen = Scale(min: 1, max: 10)
        /// A 0–100 (percent) source scale some forms use.
        public static let zeroToHundred = Scale(min: 0, max: 100)

        /// The scale as people write it, such as `1–5`.
        public var description: String { "\(min)–\(max)" }

        var isEmpty: Bool { min >= max }

        func contains(_ value: Double) -> Bool {
            value >= Double(min) && value <= Double(max)
        }
    }

    /// The canonical scale questions of a feedback form.
    public enum Question: String, Sendable, CaseIterable {
        case overall, delivery, content, organisation, applicability, nps

        /// The scale this question is stored on: 0–10 for `nps`, 1–5 otherwise.
        public var scale: Scale { self == .nps ? .zeroToTen : .oneToFive }
    }

    /// What one answer cell turned out to be.
    public enum ScoreOutcome: Sendable, Equatable {
        /// A value on the question's scale, as written.
        case value(Double)
        /// A value written on the declared source scale, converted linearly to
        /// the question's scale; `original` is the number as written.
        case rescaled(Double, original: Double)
        /// The cell was blank (or only a dash): no answer, never 0.
        case missing
        /// A number outside the allowed range; the sentence says the value, the
        /// range and what to do.
        case outOfRange(String)
        /// Text that is not a score; the sentence says the value, what is
        /// accepted and what to do.
        case unrecognised(String)

        /// The score on the question's scale, for `.value` and `.rescaled`.
        public var score: Double? {
            switch self {
            case .value(let v), .rescaled(let v, _): v
            case .missing, .outOfRange, .unrecognised: nil
            }
        }

        /// The reason sentence of a reject, nil otherwise.
        public var rejectReason: String? {
            switch self {
            case .outOfRange(let r), .unrecognised(let r): r
            case .value, .rescaled, .missing: nil
            }
        }
    }

    /// Parses one answer cell of a scale question.
    ///
    /// Accepts integers and decimals with a comma or a point (`4,5`), with
    /// surrounding spaces; answer words in Kazakh, Russian and English
    /// (case-insensitive, `ё` = `е`, trailing punctuation and gendered endings
    /// such as `согласен(на)` ignored); and a number with its option label
    /// (`5 - Отлично`, `5 (Excellent)`, `Отлично (5)`, `4 балла`).
    ///
    /// With `sourceScale` set to a scale other than `scale`, numbers are read on
    /// the source scale and converted linearly,
    /// `scale.min + (x − source.min) · (scale.max − scale.min) / (source.max − source.min)`
    /// (1–10 → 1–5 is `1 + (x − 1) · 4/9`), and returned as `.rescaled`.
    /// Answer words are points on a 1–5 scale: they are accepted when the
    /// values are read on 1–5 (the question's own scale, or a declared 1–5
    /// source scale, then rescaled) and rejected otherwise, because a word
    /// has no agreed meaning on 0–10.
    ///
    /// - Parameters:
    ///   - text: The cell as read from the export.
    ///   - scale: The question's scale, such as `Question.nps.scale`.
    ///   - sourceScale: The scale the form used, when the mapping declares one.
    /// - Returns: `.value` or `.rescaled` with the score, `.missing` for a blank
    ///   cell, or a reject with a reason sentence.
    /// - Complexity: O(n) in the length of the cell; plain numbers are read
    ///   from the UTF-8 bytes without allocating.
    public static func parse(_ text: Substring, scale: Scale, sourceScale: Scale? = nil) -> ScoreOutcome {
        if text.utf8.count > maxCellLength, let tooLong = Engine.tooLong(text) { return tooLong }
        return parseAnyLength(text, scale: scale, sourceScale: sourceScale)
    }

    /// The longest answer cell read, in characters after trimming white space:
    /// four times the longest answer word with its number (`1 – категорически
    /// не согласна`, 29), room for a form's own option labels. A longer cell
    /// is `.unrecognised` before any rule reads it.
    public static let maxCellLength = 128

    /// `parse` without the length limit (every rule is linear in the length
    /// of the cell; the tests check that on long cells).
    static func parseAnyLength(_ text: Substring, scale: Scale, sourceScale: Scale?) -> ScoreOutcome {
        if let quick = text.utf8.withContiguousStorageIfAvailable({
            Engine.quick(UnsafeRawBufferPointer($0))
        }) {
            switch quick {
            case .blank: return .missing
            case .number(let x): return Engine.numeric(x, shown: text, scale: scale, source: sourceScale)
            case .word(let point):
                // What `slowParse` does with a whole answer word, when words apply.
                if (sourceScale ?? scale) == .oneToFive {
                    return Engine.numeric(Double(point), shown: text, scale: scale, source: sourceScale)
                }
            case .other: break
            }
        }
        return Engine.slowParse(text, scale: scale, source: sourceScale)
    }

    /// Parses one answer cell of a scale question.
    ///
    /// Same rules as `parse(_:scale:sourceScale:)` for a `Substring`: numbers
    /// with a decimal comma or point, answer words, labelled options and
    /// declared source scales.
    ///
    /// - Complexity: O(n) in the length of the cell.
    public static func parse(_ text: String, scale: Scale, sourceScale: Scale? = nil) -> ScoreOutcome {
        parse(text[...], scale: scale, sourceScale: sourceScale)
    }

    /// Parses one answer cell of a canonical question on its own scale.
    ///
    /// Shorthand for `parse(text, scale: question.scale, sourceScale:)`.
    ///
    /// - Complexity: O(n) in the length of the cell.
    public static func parse(_ text: Substring, question: Question, sourceScale: Scale? = nil) -> ScoreOutcome {
        parse(text, scale: question.scale, sourceScale: sourceScale)
    }

    /// The 1–5 point of an answer word, or nil when the text is not one.
    ///
    /// Uses the same folding as `parse`: case, `ё`, trailing punctuation,
    /// gendered endings, Kazakh letters typed as Russian ones, `?` from a
    /// lossy CP1251 export.
    ///
    /// - Complexity: O(n) in the length of the text; one dictionary look-up.
    public static func answerWordPoint(_ text: some StringProtocol) -> Int? {
        var text = String(text)
        switch text.withUTF8({ Engine.AnswerWords.quickPoint(UnsafeRawBufferPointer($0)) }) {
        case .point(let point): return point
        case .none: return nil
        case .unknown: return Engine.AnswerWords.point(of: Engine.AnswerWords.key(text))
        }
    }
}

extension Scores {
    /// Parsing internals; nested so no name leaves this file.
    fileprivate enum Engine {
        // MARK: - Numbers

        enum QuickResult {
            case blank
            case number(Double)
            /// A whole answer word and its 1–5 point.
            case word(Int)
            case other
        }

        @inline(__always)
        static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

        /// Skips ASCII white space, NBSP (C2 A0) and NARROW NBSP (E2 80 AF) at `i`.
        @inline(__always)
        static func spaceLength(_ p: UnsafeRawBufferPointer, _ i: Int) -> Int {
            let b = p[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return 1 }
            if b == 0xC2, i + 1 < p.count, p[i + 1] == 0xA0 { return 2 }
            if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0xAF { return 3 }
            return 0
        }

        @inline(__always)
        static func spaceLengthBefore(_ p: UnsafeRawBufferPointer, _ end: Int) -> Int {
            let b = p[end - 1]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return 1 }
            if b == 0xA0, end >= 2, p[end - 2] == 0xC2 { return 2 }
            if b == 0xAF, end >= 3, p[end - 3] == 0xE2, p[end - 2] == 0x80 { return 3 }
            return 0
        }

        /// `quickNumber`, then, for other text, a whole answer word.
        static func quick(_ p: UnsafeRawBufferPointer) -> QuickResult {
            let number = quickNumber(p)
            if case .other = number, case .point(let point) = AnswerWords.quickPoint(p) { return .word(point) }
            return number
        }

        /// Reads a whole cell that is blank, a dash, or a plain number
        /// (`[sign] digits [(,|.) digits] [.|,|!]`); anything else is `.other`.
        static func quickNumber(_ p: UnsafeRawBufferPointer) -> QuickResult {
            // The usual cells first: one or two digits.
            if p.count == 1, isDigit(p[0]) { return .number(Double(p[0] &- 0x30)) }
            if p.count == 2, isDigit(p[0]), isDigit(p[1]) {
                return .number(Double(Int(p[0] &- 0x30) * 10 + Int(p[1] &- 0x30)))
            }
            var start = 0
            var end = p.count
            while start < end {
                let n = spaceLength(p, start)
                if n == 0 { break }
                start += n
            }
            while end > start {
                let n = spaceLengthBefore(p, end)
                if n == 0 { break }
                end -= n
            }
            if start == end { return .blank }
            // A lone dash (hyphen, en dash, em dash) is the usual "no answer" mark.
            if end - start == 1, p[start] == 0x2D { return .blank }
            if end - start == 3, p[start] == 0xE2, p[start + 1] == 0x80, p[start + 2] == 0x93 || p[start + 2] == 0x94 {
                return .blank
            }
            var i = start
            var negative = false
            if p[i] == 0x2D || p[i] == 0x2B {
                negative = p[i] == 0x2D
                i += 1
            } else if p[i] == 0xE2, i + 2 < end, p[i + 1] == 0x88, p[i + 2] == 0x92 {  // U+2212 minus
                negative = true
                i += 3
            }
            // A trailing full stop, comma or exclamation mark is punctuation.
            if end - i >= 2, p[end - 1] == 0x2E || p[end - 1] == 0x2C || p[end - 1] == 0x21, isDigit(p[end - 2]) {
                end -= 1
            }
            guard i < end, isDigit(p[i]) else { return .other }
            var whole: Double = 0
            var digits = 0
            while i < end, isDigit(p[i]) {
                whole = whole * 10 + Double(p[i] &- 0x30)
                digits += 1
                i += 1
            }
            if digits > 15 { return .other }
            if i < end {
                guard p[i] == 0x2C || p[i] == 0x2E, i + 1 < end else { return .other }
                i += 1
                var fraction: Double = 0
                var scale: Double = 1
                var fractionDigits = 0
                while i < end, isDigit(p[i]) {
                    fraction = fraction * 10 + Double(p[i] &- 0x30)
                    scale *= 10
                    fractionDigits += 1
                    i += 1
                }
                guard i == end, fractionDigits > 0, fractionDigits <= 15 else { return .other }
                whole += fraction / scale
            }
            return .number(negative ? -whole : whole)
        }

        /// Reads a number at the start of `s` (after a normalised key was built):
        /// `[sign] digits [(,|.) digits]`. Returns the value and the rest.
        static func leadingNumber(_ s: Substring) -> (Double, Substring)? {
            let u = s.unicodeScalars
            var i = u.startIndex
            var sign: Double = 1
            if i < u.endIndex, u[i] == "-" || u[i] == "+" || u[i] == "\u{2212}" {
                sign = u[i] == "+" ? 1 : -1
                i = u.index(after: i)
            }
            let digitsStart = i
            while i < u.endIndex, isDigitScalar(u[i]) { i = u.index(after: i) }
            guard i > digitsStart else { return nil }
            var numberEnd = i
            if i < u.endIndex, u[i] == "," || u[i] == "." {
                var j = u.index(after: i)
                let fractionStart = j
                while j < u.endIndex, isDigitScalar(u[j]) { j = u.index(after: j) }
                if j > fractionStart { numberEnd = j }
            }
            var literal = String.UnicodeScalarView()
            for c in s[digitsStart..<numberEnd].unicodeScalars { literal.append(c == "," ? "." : c) }
            guard literal.count <= 32, let value = Double(String(literal)) else { return nil }
            return (sign * value, s[numberEnd...])
        }

        // MARK: - Outcomes and reasons

        static func shownValue(_ text: Substring) -> String {
            let trimmed = trimmed(text)
            let limit = 40
            if trimmed.count <= limit { return "“\(trimmed)”" }
            return "“\(trimmed.prefix(limit))…”"
        }

        static func formatted(_ x: Double) -> String {
            if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
            return String(x)
        }

        static func numeric(_ x: Double, shown text: Substring, scale: Scores.Scale, source: Scores.Scale?)
            -> Scores.ScoreOutcome
        {
            if scale.isEmpty {
                return .unrecognised(
                    "\(shownValue(text)) cannot be checked: the question's scale \(scale) is empty; fix the scale in the mapping.")
            }
            if let source, source != scale {
                if source.isEmpty {
                    return .unrecognised(
                        "\(shownValue(text)) cannot be rescaled: the declared source scale \(source) is empty; fix the source scale in the mapping.")
                }
                guard source.contains(x) else {
                    return .outOfRange(
                        "\(shownValue(text)) is outside the declared source scale \(source); correct the cell to a number from \(source.min) to \(source.max), or fix the source scale in the mapping.")
                }
                let t = Double(scale.min) + (x - Double(source.min)) * Double(scale.max - scale.min) / Double(source.max - source.min)
                return .rescaled(t, original: x)
            }
            guard scale.contains(x) else {
                return .outOfRange(outOfRangeReason(x, text: text, scale: scale))
            }
            return .value(x)
        }

        static func outOfRangeReason(_ x: Double, text: Substring, scale: Scores.Scale) -> String {
            let head = "\(shownValue(text)) is outside the \(scale) scale of this question"
            if x < 0 {
                return head + "; scores are never negative: correct the cell to a number from \(scale.min) to \(scale.max)."
            }
            var hint = ""
            if x > Double(scale.max) {
                if scale.max < 10, x <= 10 {
                    hint = ", or, if the form asked on 1–10, declare source scale 1–10 in the mapping so values are rescaled"
                } else if scale.max < 100, x <= 100 {
                    hint = ", or, if the form asked in percent, declare source scale 0–100 in the mapping so values are rescaled"
                }
            }
            return head + "; correct the cell to a number from \(scale.min) to \(scale.max)\(hint)."
        }

        static func unrecognisedReason(_ text: Substring, scale: Scores.Scale) -> String {
            "\(shownValue(text)) is not a score: expected a number from \(scale.min) to \(scale.max) (decimal comma or point allowed)"
                + (scale == .oneToFive ? " or an answer word such as Өте жақсы / Отлично / Excellent" : "")
                + "; correct the cell, or leave it blank if there was no answer."
        }

        /// The reject of a cell longer than `maxCellLength` after trimming,
        /// naming its length (its text would be the whole reason).
        static func tooLong(_ text: Substring) -> Scores.ScoreOutcome? {
            let length = trimmed(text).unicodeScalars.count
            guard length > Scores.maxCellLength else { return nil }
            return .unrecognised(
                "a cell of \(length) characters is too long to be a score (at most \(Scores.maxCellLength)); correct the cell to a number or an answer word, or leave it blank if there was no answer.")
        }

        static func trimmed(_ text: Substring) -> Substring {
            var s = text
            while let f = s.unicodeScalars.first, f.properties.isWhitespace { s = s.dropFirst() }
            while let l = s.unicodeScalars.last, l.properties.isWhitespace { s = s.droppingLast() }
            return s
        }

        static func isDigitScalar(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

        // MARK: - Words and labelled numbers

        static func slowParse(_ text: Substring, scale: Scores.Scale, source: Scores.Scale?) -> Scores.ScoreOutcome {
            let key = AnswerWords.key(String(text))
            if key.isEmpty || key == "-" || key == "–" || key == "—" { return .missing }

            // Plain number that did not take the byte path (non-contiguous storage, odd spaces).
            if let (x, rest) = leadingNumber(key[...]), rest.isEmpty {
                return numeric(x, shown: text, scale: scale, source: source)
            }

            // The scale the cell's numbers are written on; answer words live on 1–5.
            let readScale = source ?? scale
            let wordsApply = readScale == .oneToFive

            func word(_ point: Int) -> Scores.ScoreOutcome {
                guard wordsApply else {
                    return .unrecognised(
                        "\(shownValue(text)) is an answer word of a 1–5 scale, but this question is on \(readScale); correct the cell to a number from \(readScale.min) to \(readScale.max), or declare source scale 1–5 in the mapping if the form used these words.")
                }
                return numeric(Double(point), shown: text, scale: scale, source: source)
            }

            func labelled(_ x: Double, label: Substring) -> Scores.ScoreOutcome {
                let labelKey = AnswerWords.trimLabel(label)
                if labelKey.isEmpty { return numeric(x, shown: text, scale: scale, source: source) }
                if let f = labelKey.unicodeScalars.first, isDigitScalar(f) {
                    return .unrecognised(
                        "\(shownValue(text)) holds more than one number; correct the cell to a single number from \(readScale.min) to \(readScale.max).")
                }
                let outcome = numeric(x, shown: text, scale: scale, source: source)
                if outcome.score == nil { return outcome }
                if wordsApply, let point = AnswerWords.point(of: labelKey), Double(point) != x {
                    return .unrecognised(
                        "\(shownValue(text)) contradicts itself: the number says \(formatted(x)) but the word means \(point) on 1–5; correct the cell to one of them.")
                }
                return outcome
            }

            // 1. A whole answer word.
            if let point = AnswerWords.point(of: key) { return word(point) }

            // 2. A number with its label after it: `5 - отлично`, `5 (excellent)`, `4 балла`.
            if let (x, rest) = leadingNumber(key[...]) {
                let afterSpaces = rest.drop(while: { $0 == " " })
                if let f = afterSpaces.unicodeScalars.first, AnswerWords.labelSeparators.contains(f) {
                    return labelled(x, label: afterSpaces)
                }
                if AnswerWords.isUnit(afterSpaces) { return numeric(x, shown: text, scale: scale, source: source) }
                if rest.first == " ", AnswerWords.point(of: String(afterSpaces)) != nil {
                    return labelled(x, label: afterSpaces)
                }
                return .unrecognised(unrecognisedReason(text, scale: readScale))
            }

            // 3. A label with its number in brackets after it: `отлично (5)`.
            if key.hasSuffix(")"), let open = key.lastIndex(of: "(") {
                let inner = trimmed(key[key.index(after: open)..<key.index(before: key.endIndex)])
                if let (x, rest) = leadingNumber(inner), rest.isEmpty {
                    return labelled(x, label: key[..<open])
                }
            }
            return .unrecognised(unrecognisedReason(text, scale: readScale))
        }

        /// The answer-word vocabulary and the folding that makes cells comparable to it.
        enum AnswerWords {
            /// Words → 1–5 points. Keys are written naturally; `table` folds them.
            static let vocabulary: [(String, Int)] = [
                // Rating scale.
                ("өте жақсы", 5), ("керемет", 5), ("отлично", 5), ("очень хорошо", 5), ("excellent", 5), ("very good", 5),
                ("жақсы", 4), ("хорошо", 4), ("good", 4),
                ("орташа", 3), ("қанағаттанарлық", 3), ("удовлетворительно", 3), ("средне", 3), ("нормально", 3),
                ("average", 3), ("fair", 3), ("satisfactory", 3),
                ("нашар", 2), ("қанағаттанарлықсыз", 2), ("плохо", 2), ("неудовлетворительно", 2), ("poor", 2), ("bad", 2),
                ("unsatisfactory", 2),
                ("өте нашар", 1), ("очень плохо", 1), ("very poor", 1), ("very bad", 1),
                // Agreement scale.
                ("толығымен келісемін", 5), ("толық келісемін", 5), ("полностью согласен", 5), ("полностью согласна", 5),
                ("strongly agree", 5), ("completely agree", 5),
                ("келісемін", 4), ("скорее согласен", 4), ("скорее согласна", 4), ("согласен", 4), ("согласна", 4),
                ("agree", 4), ("somewhat agree", 4),
                ("жауап беруге қиналамын", 3), ("бейтарап", 3), ("затрудняюсь ответить", 3), ("нейтрально", 3),
                ("ни да, ни нет", 3), ("neutral", 3), ("neither agree nor disagree", 3), ("not sure", 3),
                ("келіспеймін", 2), ("не согласен", 2), ("не согласна", 2), ("скорее не согласен", 2),
                ("скорее не согласна", 2), ("disagree", 2), ("somewhat disagree", 2),
                ("мүлдем келіспеймін", 1), ("совершенно не согласен", 1),
                ("совершенно не согласна", 1), ("полностью не согласен", 1), ("полностью не согласна", 1),
                ("категорически не согласен", 1), ("категорически не согласна", 1), ("strongly disagree", 1),
                ("completely disagree", 1),
            ]

            /// Folded keys → points, including the Russian-keyboard and lossy-CP1251
            /// spellings of the Kazakh words.
            static let table: [String: Int] = {
                var t: [String: Int] = [:]
                for (word, point) in vocabulary {
                    let k = key(word)
                    t[k] = point
                    t[key(lossy(word))] = point
                }
                return t
            }()

            /// Units that may follow a number: `4 балла`, `8 points`, `5 ұпай`.
            static let units: Set<String> = [
                "балл", "балла", "баллов", "б", "ұпай", "упай", "point", "points", "pts", "pt",
            ]

            static let labelSeparators: Set<Unicode.Scalar> = ["-", "–", "—", ":", "(", ".", "=", "/"]

            static func isUnit(_ s: Substring) -> Bool { units.contains(String(s)) }

            // MARK: Byte-level look-up

            enum QuickPoint {
                /// The text's key is this answer word.
                case point(Int)
                /// The text's key is no answer word.
                case none
                /// The text has characters the byte-level key does not handle.
                case unknown
            }

            /// The longest key (in UTF-8 bytes) the byte-level look-up handles;
            /// longer text takes the general path.
            static let quickKeyLimit = 128

            /// `table` with UTF-8 keys, in an open-addressing table (no String
            /// is made, hashed or normalised per look-up).
            static let byteTable = ByteTable(table)

            struct ByteTable: @unchecked Sendable {
                /// Key bytes, one after another.
                private let pool: UnsafeBufferPointer<UInt8>
                /// (offset in pool, length, point); length 0 is an empty slot.
                private let slots: UnsafeBufferPointer<(offset: Int, length: Int, point: Int)>
                private let mask: Int

                /// False when some key is not plain ASCII and Russian letters
                /// (then byte equality might not be String equality, and
                /// `quickPoint` leaves every text to the general path).
                let usable: Bool

                init(_ table: [String: Int]) {
                    usable = table.keys.allSatisfy { key in
                        key.unicodeScalars.allSatisfy { $0.isASCII || (0x0430...0x045F).contains($0.value) }
                    }
                    var size = 16
                    while size < table.count * 4 { size *= 2 }
                    var bytes: [UInt8] = []
                    var slots = [(offset: Int, length: Int, point: Int)](repeating: (0, 0, 0), count: size)
                    for (key, point) in table where !key.isEmpty {
                        let utf8 = Array(key.utf8)
                        var i = Self.hash(utf8.withUnsafeBytes { $0 }) & (size - 1)
                        while slots[i].length != 0 { i = (i + 1) & (size - 1) }
                        slots[i] = (bytes.count, utf8.count, point)
                        bytes += utf8
                    }
                    let pool = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
                    _ = pool.initialize(from: bytes)
                    let storage = UnsafeMutableBufferPointer<(offset: Int, length: Int, point: Int)>.allocate(capacity: size)
                    _ = storage.initialize(from: slots)
                    self.pool = UnsafeBufferPointer(pool)
                    self.slots = UnsafeBufferPointer(storage)
                    self.mask = size - 1
                }

                @inline(__always)
                static func hash(_ key: UnsafeRawBufferPointer) -> Int {
                    var h: UInt64 = 0xcbf2_9ce4_8422_2325
                    for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
                    return Int(truncatingIfNeeded: h ^ (h >> 29))
                }

                func point(_ key: UnsafeRawBufferPointer) -> Int? {
                    guard !key.isEmpty else { return nil }
                    var i = Self.hash(key) & mask
                    while true {
                        let slot = slots[i]
                        if slot.length == 0 { return nil }
                        if slot.length == key.count,
                           memcmp(pool.baseAddress! + slot.offset, key.baseAddress!, key.count) == 0 {
                            return slot.point
                        }
                        i = (i + 1) & mask
                    }
                }

                @inline(__always)
                private func memcmp(_ a: UnsafePointer<UInt8>, _ b: UnsafeRawPointer, _ n: Int) -> Int {
                    let b = b.assumingMemoryBound(to: UInt8.self)
                    for k in 0..<n where a[k] != b[k] { return 1 }
                    return 0
                }
            }

            /// `point(of: key(text))` on the UTF-8 bytes of text made of ASCII,
            /// NBSP, Russian letters (U+0400–045F) and the Kazakh letters
            /// ә ғ қ ң ө ұ ү һ in either case, whose lower case and folds are fixed;
            /// `.unknown` for any other text. Such text has no combining marks,
            /// so its key is in NFC and byte equality is String equality.
            static func quickPoint(_ p: UnsafeRawBufferPointer) -> QuickPoint {
                let n = p.count
                let table = byteTable
                guard n <= quickKeyLimit, table.usable else { return .unknown }
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: quickKeyLimit) { out -> QuickPoint in
                    // 1. Lower case, folds, white space collapsed (as `key` before its last line).
                    var count = 0
                    var pendingSpace = false
                    var hasBracket = false
                    var i = 0
                    while i < n {
                        let b = p[i]
                        if b < 0x80 {
                            i += 1
                            if b == 0x20 || b &- 0x09 < 5 {
                                pendingSpace = count > 0
                                continue
                            }
                            if pendingSpace {
                                out[count] = 0x20
                                count += 1
                                pendingSpace = false
                            }
                            if b == 0x28 { hasBracket = true }
                            out[count] = b &- 0x41 < 26 ? b | 0x20 : b
                            count += 1
                            continue
                        }
                        guard b < 0xE0, i + 1 < n else { return .unknown }
                        let v = UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                        i += 2
                        if v == 0xA0 || v == 0x85 {  // NBSP, NEL: white space
                            pendingSpace = count > 0
                            continue
                        }
                        guard let v = CyrillicFold.folded(v) else { return .unknown }
                        if pendingSpace {
                            out[count] = 0x20
                            count += 1
                            pendingSpace = false
                        }
                        out[count] = UInt8(0xC0 | v >> 6)
                        out[count + 1] = UInt8(0x80 | v & 0x3F)
                        count += 2
                    }
                    // 2. Gendered endings: "(на)" and "(а)", with a space before them.
                    if hasBracket {
                        var kept = 0
                        var j = 0
                        while j < count {
                            if out[j] == 0x28 {
                                var skip = 0
                                if j + 5 < count, out[j + 1] == 0xD0, out[j + 2] == 0xBD, out[j + 3] == 0xD0,
                                   out[j + 4] == 0xB0, out[j + 5] == 0x29 {
                                    skip = 6  // (на)
                                } else if j + 3 < count, out[j + 1] == 0xD0, out[j + 2] == 0xB0, out[j + 3] == 0x29 {
                                    skip = 4  // (а)
                                }
                                if skip > 0 {
                                    if kept > 0, out[kept - 1] == 0x20 { kept -= 1 }
                                    j += skip
                                    continue
                                }
                            }
                            out[kept] = out[j]
                            kept += 1
                            j += 1
                        }
                        count = kept
                    }
                    // 3. Quotes and spaces in front; quotes, punctuation and spaces behind.
                    var start = 0
                    while start < count, out[start] == 0x22 || out[start] == 0x27 || out[start] == 0x20 { start += 1 }
                    var end = count
                    while end > start {
                        let c = out[end - 1]
                        guard c == 0x22 || c == 0x27 || c == 0x2E || c == 0x21 || c == 0x2C || c == 0x3B || c == 0x3A
                            || c == 0x20 else { break }
                        end -= 1
                    }
                    let key = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(out)[start..<end])
                    // 4. The look-up; a trailing `?` is punctuation unless it stands for a lost letter.
                    if let point = table.point(key) { return .point(point) }
                    var trimmed = key.count
                    while trimmed > 0, key[trimmed - 1] == 0x3F { trimmed -= 1 }
                    if trimmed < key.count, let point = table.point(UnsafeRawBufferPointer(rebasing: key[0..<trimmed])) {
                        return .point(point)
                    }
                    return .none
                }
            }

            static func point(of key: String) -> Int? {
                if let p = table[key] { return p }
                // A trailing `?` is punctuation unless it stands for a lost Kazakh letter.
                if key.hasSuffix("?") {
                    var k = key
                    while k.hasSuffix("?") { k.removeLast() }
                    return table[k]
                }
                return nil
            }

            /// Lower case, `ё`→`е` (also decomposed), Kazakh letters folded to their Russian-keyboard
            /// look-alikes, white space collapsed, surrounding quotes, trailing
            /// punctuation and gendered endings `(на)` / `(а)` removed.
            static func key(_ text: String) -> String {
                var out = String.UnicodeScalarView()
                var pendingSpace = false
                for s in text.lowercased().unicodeScalars {
                    if s.value == 0x0308 { continue }  // decomposed ё → е
                    if s.properties.isWhitespace {
                        pendingSpace = !out.isEmpty
                        continue
                    }
                    if pendingSpace {
                        out.append(" ")
                        pendingSpace = false
                    }
                    out.append(fold(s))
                }
                return trimEdges(removingGenderedEndings(String(out))[...])
            }

            /// `согласен(на)`, `согласен (а)` → `согласен`.
            static func removingGenderedEndings(_ key: String) -> String {
                guard key.unicodeScalars.contains("(") else { return key }
                let u = Array(key.unicodeScalars)
                var out = String.UnicodeScalarView()
                var i = 0
                while i < u.count {
                    if u[i] == "(" {
                        let rest = u[(i + 1)...]
                        let skip = rest.starts(with: ["н", "а", ")"]) ? 4 : rest.starts(with: ["а", ")"]) ? 3 : 0
                        if skip > 0 {
                            if out.last == " " { out.removeLast() }
                            i += skip
                            continue
                        }
                    }
                    out.append(u[i])
                    i += 1
                }
                return String(out)
            }

            /// Removes separators and brackets around an option label.
            static func trimLabel(_ label: Substring) -> String {
                var s = label
                while let f = s.unicodeScalars.first, labelSeparators.contains(f) || f == " " { s = s.dropFirst() }
                if s.hasSuffix(")") { s = s.droppingLast() }
                while let l = s.unicodeScalars.last, labelSeparators.contains(l) || l == " " { s = s.droppingLast() }
                return trimEdges(s)
            }

            private static let quotes: Set<Unicode.Scalar> = ["\"", "'", "«", "»", "“", "”", "„"]
            private static let trailing: Set<Unicode.Scalar> = [".", "!", ",", ";", ":", "…"]

            private static func trimEdges(_ s: Substring) -> String {
                var s = s
                while let f = s.unicodeScalars.first, quotes.contains(f) || f == " " { s = s.dropFirst() }
                while let l = s.unicodeScalars.last, quotes.contains(l) || trailing.contains(l) || l == " " {
                    s = s.droppingLast()
                }
                return String(s)
            }

            /// The spelling a CP1251 export leaves: Kazakh letters other than і → `?`.
            private static func lossy(_ word: String) -> String {
                var out = String.UnicodeScalarView()
                for s in word.lowercased().unicodeScalars {
                    switch s {
                    case "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ": out.append("?")
                    case "ё": out.append("е")
                    default: out.append(s)
                    }
                }
                return String(out)
            }

            /// The keyboard fold shared with the category words, plus U+2212 MINUS as `-`.
            @inline(__always)
            private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
                s == "\u{2212}" ? "-" : ParticipantGroups.Words.fold(s)
            }
        }
    }
}

extension Substring {
    /// Without the last character, in O(1). `dropLast()` with no argument is
    /// `Collection`'s, which counts every character first: trimming 40,000
    /// `;` off a score cell one at a time took 4 s.
    fileprivate func droppingLast() -> Substring { self[..<index(before: endIndex)] }
}
