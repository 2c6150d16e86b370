import Foundation

/// Maps the header row of an export onto ``CanonicalField``s.
///
/// Order of rules for each header, all on ``TextFolding/headerKey(_:)`` (so
/// case, whitespace, punctuation and `ё` never matter):
/// 1. the user's mapping (overrides everything);
/// 2. a canonical field name (`trainer`, `session_date`) → `.canonical`;
/// 3. a built-in kk/ru/en heading (`Қала`, `Город`, `City`, `ФИО тренера`,
///    Google Forms question sentences) → `.synonym`; a bilingual header
///    `Қала / Город` maps when its parts agree;
/// 4. keyword clues for question sentences (`рекоменд…` with `0–10` → nps;
///    `тренер` with `подавал` → delivery …) → `.keyword`;
/// 5. nothing: the column is an extra.
///
/// A Google Forms grid row, `Question [Row]`, maps by its row label through
/// steps 2–4, and only onto a score field: the label must name what is rated,
/// the question may add who or that it is a rating (`Оцените преподавателя
/// [Компетентность]` → delivery); a generic label (`[Тренинг]`) lets the
/// question decide. A bracket holding a scale or a remark (`[0-10]`,
/// `[необязательно]`) is part of an ordinary header. The headings and clues
/// are data, in ``QuestionVocabulary``; each assignment carries the words that
/// decided it (``MatchEvidence``).
///
/// When two columns claim one field, the first keeps it and the later one
/// becomes an extra with a note, except that a field named by the user's
/// mapping beats a built-in claim on the same field wherever it stands.
public struct ColumnMapper: Sendable {

    /// The range of a source rating scale, such as `1-10` or `0–10`.
    public struct SourceScale: Sendable, Hashable, CustomStringConvertible {
        /// Lowest possible answer.
        public var lower: Int
        /// Highest possible answer.
        public var upper: Int

        /// Creates a scale from its bounds; nil unless `lower < upper`.
        ///
        /// Both bounds are inclusive.
        ///
        /// - Complexity: O(1).
        public init?(lower: Int, upper: Int) {
            guard lower < upper else { return nil }
            self.lower = lower
            self.upper = upper
        }

        /// Parses `1-10`, `1–5`, `0..10`, `0 - 10`, `1 to 7`, `1:5`.
        ///
        /// Whitespace around the parts is ignored; bounds are non-negative
        /// integers with `lower < upper`. Anything else gives nil.
        ///
        /// - Complexity: O(n) in the length of `text`.
        public init?(parsing text: String) {
            let separators = ["..", "–", "—", "-", "to", ":", "/"]
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            for sep in separators {
                let parts = trimmed.components(separatedBy: sep)
                guard parts.count == 2,
                      let lo = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                      let hi = Int(parts[1].trimmingCharacters(in: .whitespaces)),
                      lo >= 0 else { continue }
                self.init(lower: lo, upper: hi)
                return
            }
            return nil
        }

        /// `lower-upper`, e.g. `1-10`.
        ///
        /// The form ``init(parsing:)`` reads back.
        ///
        /// - Complexity: O(1).
        public var description: String { "\(lower)-\(upper)" }
    }

    /// A user's column mapping: header → field, and header → source scale.
    public struct UserMapping: Sendable {
        /// Header key → field (nil: ignore the column, keep it as an extra).
        public private(set) var fields: [String: CanonicalField?] = [:]
        /// Header key → declared source scale.
        public private(set) var scales: [String: SourceScale] = [:]

        /// An empty mapping: built-in rules only.
        ///
        /// Equivalent to `try! UserMapping(fields: [:])`.
        ///
        /// - Complexity: O(1).
        public init() {}

        /// Builds a mapping from header → field name and header → scale text.
        ///
        /// Headers are compared by ``TextFolding/headerKey(_:)``. A field name is
        /// a canonical name in any form ``CanonicalField/named(_:)`` accepts;
        /// `""`, `-` or `ignore` keep the column out of every field. Scales use
        /// ``SourceScale/init(parsing:)``; a scale may be given for a header the
        /// built-in rules map.
        ///
        /// - Throws: ``MappingError`` for an unknown field name, an unreadable
        ///   scale, or two spellings of one header mapped differently.
        /// - Complexity: O(n) in the total length of the entries.
        public init(fields: [String: String] = [:], scales: [String: String] = [:]) throws(MappingError) {
            for (header, name) in fields.sorted(by: { $0.key < $1.key }) {
                let key = TextFolding.headerKey(header)
                let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
                let field: CanonicalField?
                if trimmed.isEmpty || trimmed == "-" || trimmed == "ignore" {
                    field = nil
                } else if let named = CanonicalField.named(name) {
                    field = named
                } else {
                    throw .unknownField(header: header, field: name)
                }
                if let previous = self.fields[key], previous != field {
                    throw .conflictingHeader(header: header)
                }
                self.fields[key] = .some(field)
            }
            for (header, text) in scales.sorted(by: { $0.key < $1.key }) {
                guard let scale = SourceScale(parsing: text) else {
                    throw .invalidScale(header: header, scale: text)
                }
                let key = TextFolding.headerKey(header)
                if let previous = self.scales[key], previous != scale {
                    throw .conflictingHeader(header: header)
                }
                self.scales[key] = scale
            }
        }
    }

    /// Problems in a user mapping.
    public enum MappingError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The field name is not a canonical field.
        case unknownField(header: String, field: String)
        /// The scale text is not `lower-upper`.
        case invalidScale(header: String, scale: String)
        /// Two spellings of one header were given different targets.
        case conflictingHeader(header: String)

        /// A one-line message naming the header.
        ///
        /// For an unknown field it lists the valid field names.
        ///
        /// - Complexity: O(k) for k canonical fields.
        public var description: String {
            switch self {
            case let .unknownField(header, field):
                let names = CanonicalField.allCases.map(\.rawValue).joined(separator: ", ")
                return "column mapping for \"\(header)\": unknown field \"\(field)\" (fields: \(names); or \"ignore\")"
            case let .invalidScale(header, scale):
                return "column mapping for \"\(header)\": scale \"\(scale)\" is not lower-upper, e.g. 1-10"
            case let .conflictingHeader(header):
                return "column mapping for \"\(header)\": the same header is mapped twice, differently"
            }
        }
    }

    /// The user's mapping this mapper applies on top of the built-ins.
    public let userMapping: UserMapping

    /// Creates a mapper with an optional user mapping.
    ///
    /// The built-in tables are shared and built once per process.
    ///
    /// - Complexity: O(1).
    public init(userMapping: UserMapping = UserMapping()) {
        self.userMapping = userMapping
    }

    /// Maps a header row onto canonical fields.
    ///
    /// Returns one ``ColumnAssignment`` per header, in order. Empty headers (the
    /// trailing `;;;` columns of Excel exports) are extras. Claims on one field
    /// are settled as described on ``ColumnMapper``; the loser gets
    /// `duplicateOf` and a note.
    ///
    /// - Complexity: O(n) in the total length of the headers (rules are a fixed set).
    public func map(headers: [String]) -> [ColumnAssignment] {
        var out: [ColumnAssignment] = []
        out.reserveCapacity(headers.count)
        for (index, header) in headers.enumerated() {
            let (key, builtIn) = HeaderMatches.shared.lookUp(header) { header in
                let key = TextFolding.headerKey(header)
                return (key, Self.builtInMatch(key: key, header: header))
            }
            var assignment = ColumnAssignment(index: index, header: header, field: nil, match: nil)
            if let user = userMapping.fields[key] {
                assignment.field = user
                assignment.match = .user
                assignment.evidence = MatchEvidence(part: .mapping, text: header, words: [])
            } else if let found = builtIn {
                assignment.field = found.field
                assignment.match = found.match
                assignment.evidence = found.evidence
            }
            assignment.sourceScale = userMapping.scales[key]
            out.append(assignment)
        }
        // Settle claims: the user's first, then built-ins, each in column order.
        var owner: [CanonicalField: Int] = [:]
        let order = out.indices.filter { out[$0].match == .user } + out.indices.filter { out[$0].match != .user }
        for i in order {
            guard let field = out[i].field else { continue }
            if let first = owner[field] {
                out[i].field = nil
                out[i].duplicateOf = first
                out[i].note = "\(field.rawValue) already comes from column \(first + 1) \"\(out[first].header)\"; kept as an extra"
            } else {
                owner[field] = i
            }
        }
        return out
    }

    /// The field the built-in rules give a single header, without a user mapping.
    ///
    /// Same rules as ``map(headers:)`` steps 2–4; nil when nothing matches.
    ///
    /// - Complexity: O(n) in the length of `header`.
    public static func builtInField(for header: String) -> (field: CanonicalField, match: ColumnAssignment.Match)? {
        builtInMatch(key: TextFolding.headerKey(header), header: header).map { ($0.field, $0.match) }
    }

    // MARK: - Rules

    /// A built-in match and the words that decided it.
    struct BuiltInMatch: Sendable, Hashable {
        var field: CanonicalField
        var match: ColumnAssignment.Match
        var evidence: MatchEvidence
    }

    static func builtInMatch(key: String, header: String) -> BuiltInMatch? {
        guard !key.isEmpty else { return nil }
        // Not built for a header that is a canonical name (the clues take
        // a few milliseconds to build).
        var clues: HeaderClues { HeaderClues.shared }
        if let grid = GridHeader(header), !clues.isRemark(grid.row) {
            if let (field, match, words) = headingMatch(grid.row), field.isScore {
                return BuiltInMatch(field: field, match: match, evidence: MatchEvidence(part: .gridRow, text: grid.row, words: words))
            }
            guard let (decision, byQuestion) = clues.decide(row: grid.row, question: grid.question) else { return nil }
            let evidence = byQuestion ? MatchEvidence(part: .gridQuestion, text: grid.question, words: decision.words)
                                      : MatchEvidence(part: .gridRow, text: grid.row, words: decision.words)
            return BuiltInMatch(field: decision.field, match: .keyword, evidence: evidence)
        }
        if let (field, match, words) = headingMatch(header) {
            return BuiltInMatch(field: field, match: match, evidence: MatchEvidence(part: .header, text: header, words: words))
        }
        guard let decision = clues.decide(question: header) else { return nil }
        return BuiltInMatch(field: decision.field, match: .keyword,
                            evidence: MatchEvidence(part: .header, text: header, words: decision.words))
    }

    /// A canonical name or a heading, whole or as the agreeing halves of a
    /// bilingual heading (`Қала / Город`, `Ұнағаны / Что понравилось`).
    private static func headingMatch(_ text: String) -> (CanonicalField, ColumnAssignment.Match, [String])? {
        let key = TextFolding.headerKey(text)
        if let field = ColumnTables.canonical[key] { return (field, .canonical, [key]) }
        if let field = ColumnTables.synonyms[key] { return (field, .synonym, [key]) }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "\n" || $0 == "\r" })
            .map { TextFolding.headerKey(String($0)) }
            .filter { !$0.isEmpty }
        guard parts.count > 1 else { return nil }
        var fields = Set<CanonicalField>()
        var matched: [String] = []
        for part in parts {
            if let field = ColumnTables.canonical[part] ?? ColumnTables.synonyms[part] {
                fields.insert(field)
                matched.append(part)
            }
        }
        // One half alone must not override what rules its field out (`Место работы / организация`).
        guard fields.count == 1, let field = fields.first,
              matched.count == parts.count || !HeaderClues.shared.rulesOut(field, in: text) else { return nil }
        return (field, .synonym, matched)
    }
}

// MARK: - Tables

/// Canonical names and headings (private to the Columns folder); the
/// headings themselves are listed in ``QuestionVocabulary``.
enum ColumnTables {
    /// headerKey of each canonical name → field.
    static let canonical: [String: CanonicalField] = {
        var table: [String: CanonicalField] = [:]
        for field in CanonicalField.allCases { table[TextFolding.headerKey(field.rawValue)] = field }
        return table
    }()

    /// headerKey of each heading → field. A key listed under two fields is a
    /// vocabulary bug; ``synonymConflicts`` reports it (tested).
    static var synonyms: [String: CanonicalField] { HeaderClues.shared.headings }

    /// Headings that appear under more than one field, or collide with a canonical name of another field.
    static var synonymConflicts: [String] { HeaderClues.shared.headingConflicts }
}

/// A Google Forms grid column, `Question [Row]`: the question and the label of
/// the row (the last bracket, which must end the header).
struct GridHeader: Sendable {
    let question: String
    let row: String

    init?(_ header: String) {
        let trimmed = header.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasSuffix("]"), let open = trimmed.lastIndex(of: "[") else { return nil }
        let row = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        let question = trimmed[..<open]
        guard !TextFolding.headerKey(String(question)).isEmpty, !TextFolding.headerKey(String(row)).isEmpty else { return nil }
        self.question = question.trimmingCharacters(in: .whitespaces)
        self.row = row.trimmingCharacters(in: .whitespaces)
    }
}
