import Foundation

/// Applies ``QuestionVocabulary`` to the words of a header: which field a
/// question sentence or a grid row asks for, and the words that decided it.
///
/// Built once per process from the vocabulary; each header is decided once
/// per run (see `HeaderMatches`), so the linear scans here cost nothing per row.
struct HeaderClues: Sendable {

    static let shared = HeaderClues(vocabulary: QuestionVocabulary.self)

    /// What decided a field: the words of the header each part of a clue found.
    struct Decision: Sendable, Hashable {
        var field: CanonicalField
        var words: [String]
    }

    /// headerKey of each heading → field.
    let headings: [String: CanonicalField]
    /// Headings listed under two fields, or colliding with another field's canonical name (a vocabulary bug).
    let headingConflicts: [String]
    /// Unknown set names and empty patterns in the vocabulary (a vocabulary bug).
    let problems: [String]

    private let rules: [FieldRule]
    /// How many set groups there are (their ids are 0..<groupCount).
    private let groupCount: Int
    private let offTopic: ClueGroup
    private let asksForRating: ClueGroup
    private let genericRow: ClueGroup
    private let remark: ClueGroup

    private struct FieldRule: Sendable {
        let field: CanonicalField
        let clues: [Clue]
        let weak: [Clue]
        let unless: ClueGroup
    }

    init(vocabulary: QuestionVocabulary.Type) {
        var problems: [String] = []
        var raw: [String: WordSet] = [:]
        for set in vocabulary.sets { raw[set.name] = set }

        func phrases(_ entries: [String], seen: Set<String>) -> [CluePhrase] {
            entries.flatMap { entry -> [CluePhrase] in
                if let name = Self.setName(entry) {
                    guard let set = raw[name], !seen.contains(name) else {
                        problems.append("unknown or circular set {\(name)}")
                        return []
                    }
                    return phrases(set.entries, seen: seen.union([name]))
                }
                guard let phrase = CluePhrase(entry) else {
                    problems.append("empty pattern \"\(entry)\"")
                    return []
                }
                return [phrase]
            }
        }
        func group(_ entries: [String], context: Bool = false, rowOnly: Bool = false) -> ClueGroup {
            ClueGroup(id: nil, phrases: phrases(entries, seen: []), isContext: context, rowOnly: rowOnly)
        }
        // One group per set (and `row:`), so that a header is searched for each set once.
        var setGroups: [String: ClueGroup] = [:]
        func setGroup(_ part: String, rowOnly: Bool) -> ClueGroup {
            let key = (rowOnly ? "row:" : "") + part
            if let known = setGroups[key] { return known }
            let name = Self.setName(part) ?? part
            let made = ClueGroup(id: setGroups.count, phrases: phrases([part], seen: []),
                                 isContext: raw[name]?.isContext ?? false, rowOnly: rowOnly)
            setGroups[key] = made
            return made
        }
        func clue(_ text: String) -> Clue {
            Clue(text: text, groups: text.components(separatedBy: " + ").map { part in
                var part = part.trimmingCharacters(in: .whitespaces)
                let rowOnly = part.hasPrefix("row:")
                if rowOnly { part.removeFirst(4) }
                if Self.setName(part) != nil { return setGroup(part, rowOnly: rowOnly) }
                return group([part], rowOnly: rowOnly)
            })
        }

        let byField = Dictionary(vocabulary.fields.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
        rules = vocabulary.order.compactMap { field in
            guard let words = byField[field] else {
                problems.append("\(field.rawValue) is in the order but has no words")
                return nil
            }
            return FieldRule(field: field,
                             clues: words.languages.flatMap(\.clues).map(clue),
                             weak: words.languages.flatMap(\.weak).map(clue),
                             unless: group(words.unless))
        }
        for field in vocabulary.fields.map(\.field) where !vocabulary.order.contains(field) {
            problems.append("\(field.rawValue) has words but is not in the order")
        }
        offTopic = group(["{off topic}"])
        asksForRating = group(["{asks for a score}", "{rate}"])
        genericRow = group(["{generic row}"])
        remark = group(["{remark}"])

        var headings: [String: CanonicalField] = [:]
        var conflicts: [String] = []
        for field in CanonicalField.allCases { headings[TextFolding.headerKey(field.rawValue)] = field }
        for words in vocabulary.fields {
            for heading in words.languages.flatMap(\.headings) {
                let key = TextFolding.headerKey(heading)
                if let other = headings[key], other != words.field { conflicts.append(heading) }
                headings[key] = headings[key] ?? words.field
            }
        }
        for field in CanonicalField.allCases { headings.removeValue(forKey: TextFolding.headerKey(field.rawValue)) }
        self.headings = headings
        self.headingConflicts = conflicts
        self.groupCount = setGroups.count
        self.problems = problems
    }

    private static func setName(_ entry: String) -> String? {
        guard entry.hasPrefix("{"), entry.hasSuffix("}"), entry.count > 2 else { return nil }
        return String(entry.dropFirst().dropLast())
    }

    // MARK: - Deciding

    /// The field a question sentence asks for, trying its words outside
    /// parentheses first: `(место, время, кофе-брейк)` are examples of the
    /// question, `(0–10)` its scale.
    func decide(question header: String) -> Decision? {
        let parts = HeaderWords.Parts(header)
        let main = HeaderWords([.init(parts.main, isRow: false)])
        if !parts.main.isEmpty, let found = decide(main, scoresOnly: false, rowMustDecide: false, vetoScope: main) {
            return found
        }
        guard !parts.aside.isEmpty else { return nil }
        let all = HeaderWords([.init(parts.main, isRow: false), .init(parts.aside, isRow: false)])
        return decide(all, scoresOnly: false, rowMustDecide: false, vetoScope: all)
    }

    /// The score field a grid row asks for: its label must name what is rated
    /// (the question may add who or that it is a rating); when the label is
    /// generic (`[Тренинг]`, `[Оценка]`), the question decides.
    func decide(row: String, question: String) -> (decision: Decision, byQuestion: Bool)? {
        let rowTokens = HeaderWords.tokens(TextFolding.headerKey(row))
        let questionTokens = HeaderWords.tokens(TextFolding.headerKey(question))
        let both = HeaderWords([.init(rowTokens, isRow: true), .init(questionTokens, isRow: false)])
        let rowOnly = HeaderWords([.init(rowTokens, isRow: true)])
        if let found = decide(both, scoresOnly: true, rowMustDecide: true, vetoScope: rowOnly) {
            return (found, false)
        }
        guard genericRow.covers(rowTokens),
              let found = decide(both, scoresOnly: true, rowMustDecide: false, vetoScope: both) else { return nil }
        return (found, true)
    }

    /// True when the header holds words that rule `field` out (its `unless`,
    /// an amenity for a score, a rating for a name or a place).
    func rulesOut(_ field: CanonicalField, in header: String) -> Bool {
        let words = HeaderWords([.init(HeaderWords.tokens(TextFolding.headerKey(header)), isRow: false)])
        guard let rule = rules.first(where: { $0.field == field }) else { return false }
        return isVetoed(rule, offTopic: offTopic.firstMatch(in: words) != nil,
                        rating: asksForRating.firstMatch(in: words) != nil, scope: words)
    }

    /// True when a bracket at the end of a header is a remark (`[0-10]`,
    /// `[необязательно]`) rather than a grid row label.
    func isRemark(_ bracket: String) -> Bool {
        let key = TextFolding.headerKey(bracket)
        guard key.contains(where: \.isLetter) else { return true }
        return remark.firstMatch(in: HeaderWords([.init(HeaderWords.tokens(key), isRow: false)])) != nil
    }

    private func decide(_ words: HeaderWords, scoresOnly: Bool, rowMustDecide: Bool,
                        vetoScope: HeaderWords) -> Decision? {
        let offTopicHere = offTopic.firstMatch(in: vetoScope) != nil
        let ratingHere = asksForRating.firstMatch(in: vetoScope) != nil
        // Sets such as {trainer} or {rate} occur in many clues: each is looked for once.
        var memo = GroupMemo(count: groupCount)
        for weak in [false, true] {
            for rule in rules {
                let field = rule.field
                if scoresOnly && !field.isScore { continue }
                if isVetoed(rule, offTopic: offTopicHere, rating: ratingHere, scope: vetoScope) { continue }
                for clue in weak ? rule.weak : rule.clues {
                    if let found = clue.match(words, rowMustDecide: rowMustDecide, memo: &memo) {
                        return Decision(field: field, words: found)
                    }
                }
            }
        }
        return nil
    }

    private func isVetoed(_ rule: FieldRule, offTopic: Bool, rating: Bool, scope: HeaderWords) -> Bool {
        (rule.field.isScore && offTopic) || (rule.field.isIdentity && rating) || rule.unless.firstMatch(in: scope) != nil
    }
}

extension CanonicalField {
    /// Who, where, when and which: fields whose cells name something rather than rate it or comment.
    var isIdentity: Bool {
        switch self {
        case .liked, .improve, .comment: return false
        default: return !isScore
        }
    }
}

// MARK: - Words and patterns

/// The words of a header in segments: outside and inside parentheses, or a
/// grid row's label and its question. A phrase never spans two segments.
struct HeaderWords: Sendable {
    struct Segment: Sendable {
        var tokens: [HeaderWords.Word]
        var isRow: Bool

        init(_ tokens: [HeaderWords.Word], isRow: Bool) {
            self.tokens = tokens
            self.isRow = isRow
        }
    }

    /// Row segments first, so a clue finds what it can in the row label.
    let segments: [Segment]

    init(_ segments: [Segment]) {
        self.segments = segments.filter(\.isRow) + segments.filter { !$0.isRow }
    }

    /// One word of a header key, as UTF-8 bytes: every header is compared with
    /// every pattern of the vocabulary, and both are folded by
    /// ``TextFolding/headerKey(_:)`` (precomposed), so bytes decide.
    typealias Word = [UInt8]

    static func tokens(_ key: String) -> [Word] {
        key.utf8.split(separator: 0x20).map(Array.init)
    }

    /// The words of a header outside and inside parentheses or brackets.
    struct Parts {
        var main: [Word]
        var aside: [Word]

        init(_ header: String) {
            var outside = "", inside = ""
            var depth = 0
            for c in header {
                switch c {
                case "(", "[":
                    depth += 1
                    inside.append(" ")
                case ")", "]":
                    depth = max(0, depth - 1)
                    inside.append(" ")
                default:
                    if depth > 0 { inside.append(c) } else { outside.append(c) }
                }
            }
            main = HeaderWords.tokens(TextFolding.headerKey(outside))
            aside = HeaderWords.tokens(TextFolding.headerKey(inside))
        }
    }
}

/// One word of a pattern: exact (`тіл`), a word start (`подач*`) or any number (`#`).
enum ClueWord: Sendable, Hashable {
    case exact(HeaderWords.Word)
    case stem(HeaderWords.Word)
    case number

    func matches(_ token: HeaderWords.Word) -> Bool {
        switch self {
        case .exact(let word): return token == word
        case .stem(let stem): return token.count >= stem.count && token[..<stem.count].elementsEqual(stem)
        case .number: return !token.isEmpty && token.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
    }
}

/// Words that must occur one after the other (`подач* материал*`).
struct CluePhrase: Sendable, Hashable {
    let words: [ClueWord]

    /// Parses a vocabulary pattern; each word is folded like a header, so
    /// `Аты-жөні` is the two words `аты жөні`. Nil when nothing is left.
    init?(_ text: String) {
        var words: [ClueWord] = []
        for raw in text.split(separator: " ") {
            if raw == "#" { words.append(.number); continue }
            let isStem = raw.hasSuffix("*")
            let folded = HeaderWords.tokens(TextFolding.headerKey(String(isStem ? raw.dropLast() : raw)))
            for (n, word) in folded.enumerated() {
                words.append(isStem && n == folded.count - 1 ? .stem(word) : .exact(word))
            }
        }
        guard !words.isEmpty else { return nil }
        self.words = words
    }

    /// The header words this phrase matched, joined by spaces.
    func firstMatch(in tokens: [HeaderWords.Word]) -> String? {
        guard tokens.count >= words.count else { return nil }
        for start in 0...(tokens.count - words.count)
        where words.indices.allSatisfy({ words[$0].matches(tokens[start + $0]) }) {
            return tokens[start..<(start + words.count)].map { String(decoding: $0, as: UTF8.self) }
                .joined(separator: " ")
        }
        return nil
    }

    /// True when the phrase matches at `start`.
    func matches(_ tokens: [HeaderWords.Word], at start: Int) -> Bool {
        start + words.count <= tokens.count && words.indices.allSatisfy { words[$0].matches(tokens[start + $0]) }
    }
}

/// One part of a clue: any of its phrases will do.
struct ClueGroup: Sendable {
    /// For a word set, its index among the sets' groups, for ``GroupMemo``; nil for a literal part.
    let id: Int?
    let phrases: [CluePhrase]
    /// Context only (a rating verb, a scale, "the training"): in a grid row it
    /// may come from the question but never decides the row.
    let isContext: Bool
    /// Found only in a grid row's label (`row:` in the vocabulary).
    var rowOnly = false

    /// The first match, looking through row segments first.
    func firstMatch(in words: HeaderWords) -> (text: String, inRow: Bool)? {
        for segment in words.segments where segment.isRow || !rowOnly {
            for phrase in phrases {
                if let text = phrase.firstMatch(in: segment.tokens) { return (text, segment.isRow) }
            }
        }
        return nil
    }

    /// True when the phrases cover every word of `tokens` (a generic grid row).
    func covers(_ tokens: [HeaderWords.Word]) -> Bool {
        var i = 0
        outer: while i < tokens.count {
            for phrase in phrases where phrase.matches(tokens, at: i) {
                i += phrase.words.count
                continue outer
            }
            return false
        }
        return !tokens.isEmpty
    }
}

/// Parts that must all occur (`{trainer} + подав*`).
struct Clue: Sendable {
    let text: String
    let groups: [ClueGroup]

    /// The words each part found, or nil. With `rowMustDecide`, some part
    /// that is not context must be found in the row label.
    func match(_ words: HeaderWords, rowMustDecide: Bool, memo: inout GroupMemo) -> [String]? {
        var found: [String] = []
        var decidedByRow = false
        for group in groups {
            guard let hit = memo.firstMatch(group, in: words) else { return nil }
            if hit.inRow && !group.isContext { decidedByRow = true }
            if !found.contains(hit.text) { found.append(hit.text) }
        }
        if rowMustDecide && !decidedByRow { return nil }
        return found
    }
}

/// The match of each clue group in one header's words, found once.
struct GroupMemo {
    private var known: [Bool]
    private var hits: [(text: String, inRow: Bool)?]

    init(count: Int) {
        known = Array(repeating: false, count: count)
        hits = Array(repeating: nil, count: count)
    }

    mutating func firstMatch(_ group: ClueGroup, in words: HeaderWords) -> (text: String, inRow: Bool)? {
        guard let id = group.id else { return group.firstMatch(in: words) }
        if known[id] { return hits[id] }
        let hit = group.firstMatch(in: words)
        known[id] = true
        hits[id] = hit
        return hit
    }
}
