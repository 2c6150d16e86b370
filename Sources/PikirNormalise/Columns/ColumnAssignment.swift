/// What one source column became.
public struct ColumnAssignment: Sendable, Hashable {
    /// How a column was matched to its field.
    public enum Match: String, Sendable, Hashable, CaseIterable {
        /// The header is a canonical field name (`session_date`, `Session date`).
        case canonical
        /// The header is a built-in synonym (`Город`, `Қала / Город`).
        case synonym
        /// A long question matched a built-in keyword rule (`… порекомендуете … (0–10)`).
        case keyword
        /// The user's mapping named the field (or told pikir to ignore the column).
        case user
    }

    /// 0-based position of the column in the header row.
    public var index: Int
    /// The header cell as given.
    public var header: String
    /// The field this column fills; nil for an extra column.
    public var field: CanonicalField?
    /// How the field was found; nil when no rule matched. For a column the user
    /// told pikir to ignore, `field` is nil and `match` is `.user`.
    public var match: Match?
    /// The words that decided the match; nil when no rule matched. Kept for a
    /// column that lost its field to an earlier one (it says why it claimed it).
    public var evidence: MatchEvidence?
    /// The source scale the user declared for this header (e.g. `1-10`), if any.
    public var sourceScale: ColumnMapper.SourceScale?
    /// For a column that lost its field to an earlier one: the index of that column.
    public var duplicateOf: Int?
    /// Why the column is an extra when that is not obvious (a duplicate claim).
    public var note: String?

    /// True when the column fills no canonical field (it goes to `extras`).
    ///
    /// Equivalent to `field == nil`.
    ///
    /// - Complexity: O(1).
    public var isExtra: Bool { field == nil }

    /// Creates an assignment; ``ColumnMapper/map(headers:)`` is the usual source.
    ///
    /// No validation: the values are stored as given.
    ///
    /// - Complexity: O(1).
    public init(index: Int, header: String, field: CanonicalField?, match: Match?, evidence: MatchEvidence? = nil,
                sourceScale: ColumnMapper.SourceScale? = nil, duplicateOf: Int? = nil, note: String? = nil) {
        self.index = index
        self.header = header
        self.field = field
        self.match = match
        self.evidence = evidence
        self.sourceScale = sourceScale
        self.duplicateOf = duplicateOf
        self.note = note
    }
}

/// The words that decided how a column maps: which part of the header was
/// read and what in it matched, for `pikir inspect` to show.
public struct MatchEvidence: Sendable, Hashable {
    /// Which part of the header decided.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        /// The whole header.
        case header
        /// The row label of a grid question (`Оцените [Содержание]` → `Содержание`).
        case gridRow = "grid_row"
        /// The question of a grid row whose label is generic (`Оцените тренинг [В целом]`).
        case gridQuestion = "grid_question"
        /// The user's mapping file.
        case mapping
    }

    /// Which part of the header decided.
    public var part: Part
    /// That part's text as written (the header, the row label or the question).
    public var text: String
    /// What matched, folded: the synonym (`общая оценка`), the two halves of a
    /// bilingual heading, or the words each part of a keyword clue found
    /// (`тренер`, `подавал`); empty for the user's mapping.
    public var words: [String]

    /// Creates evidence; ``ColumnMapper/map(headers:)`` is the usual source.
    ///
    /// - Complexity: O(1).
    public init(part: Part, text: String, words: [String]) {
        self.part = part
        self.text = text
        self.words = words
    }
}
