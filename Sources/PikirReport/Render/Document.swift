/// A report laid out once, independent of its format: the HTML and the
/// text renderers draw the same headings, tables, charts and notes, so the
/// two formats always say the same thing.
public struct Document: Sendable {
    public var language: String
    public var title: String
    public var subtitle: String?
    /// The line under the title that a printed page repeats: scope, period
    /// and, when given, the generation date (`--generated-at` or the pipeline).
    public var cover: [String] = []
    public var sections: [Section]
    /// The methods note and provenance, at the end of every report.
    public var footer: [Block]

    public struct Section: Sendable {
        public var id: String
        public var heading: String
        public var blocks: [Block]
    }

    public enum Block: Sendable {
        case paragraph(String)
        /// Secondary text (what was suppressed and why, a method's formula).
        case note(String)
        case table(Table)
        case chart(Chart)
        /// Comments and other free text.
        case list([String])
        /// A small definition list: label → value.
        case facts([(label: String, value: String)])
        /// The answer in plain words, first on the page; each sentence links
        /// to the table it comes from.
        case summary([Sentence])
        /// What the terms of the chart or table above mean, in one line each.
        case glossary([Term])
    }

    public struct Sentence: Sendable, Equatable {
        public var text: String
        /// The `id` of the section holding the numbers behind the sentence.
        public var target: String?

        public init(_ text: String, target: String? = nil) {
            self.text = text
            self.target = target
        }
    }

    public struct Term: Sendable, Equatable {
        public var term: String
        public var meaning: String

        public init(_ term: String, _ meaning: String) {
            self.term = term
            self.meaning = meaning
        }
    }

    public struct Table: Sendable {
        public var caption: String?
        public var headers: [String]
        /// Right-aligned (numeric) columns.
        public var numeric: [Bool]
        public var rows: [[Cell]]
        /// The `pikir agg` command that reproduces the numbers.
        public var reproduce: String?
        /// Per column, the headers of the workbook columns it becomes: two for an
        /// interval (low, high), two for a code beside its name; nil, its header alone.
        public var sheetHeaders: [[String]]? = nil
    }

    public struct Cell: Sendable {
        public var text: String
        /// CSS class names for HTML (`suppressed`, `up`, `down`, `muted`).
        public var style: String?
        /// The same value for a workbook, as many cells as its column's sheet
        /// headers: the number itself with its format, an interval's two ends, a
        /// code and its name; nil, the text as it is.
        public var values: [WorkbookContent.Cell]?

        public init(_ text: String, style: String? = nil, values: [WorkbookContent.Cell]? = nil) {
            self.text = text
            self.style = style
            self.values = values
        }
    }

    public struct Chart: Sendable {
        /// Inline SVG (its data strings already escaped).
        public var svg: String
        /// The same chart for a terminal, one line per row.
        public var text: [String]
        public var caption: String
    }
}
