/// What a workbook holds, independent of the library that writes it: the
/// report, `agg` and `export` describe their sheets in these terms, and
/// `WorkbookWriter` (libxlsxwriter) turns them into an .xlsx file, one row at
/// a time so a million responses never sit in memory at once.
public enum WorkbookContent {
    /// How a numeric cell is shown; the value stays the full number.
    public enum NumberFormat: Sendable, Equatable, Hashable {
        /// As Excel shows any number.
        case general
        /// A count: no decimals, thousands grouped.
        case integer
        /// A fixed number of decimals (means: 2).
        case decimals(Int)
        /// A share stored as 0…1 and shown as a percent with these decimals.
        case percent(Int)
        /// An Excel date (the cell holds the day number).
        case date
    }

    /// One cell. Text is always written as text, never parsed: a comment
    /// starting with `=` stays a string, so no workbook ever holds a formula.
    public enum Cell: Sendable, Equatable {
        case empty
        case text(String)
        case number(Double, NumberFormat)
        /// A calendar day (ISO year, month, day), written as an Excel date.
        case day(year: Int, month: Int, day: Int)
        /// A value withheld to protect small groups: an empty cell with a grey
        /// fill and a cell note saying why.
        case suppressed(note: String)
    }

    /// A column: its header (in the report's language) and width in
    /// characters (nil: fitted to the header and the first rows written).
    public struct Column: Sendable, Equatable {
        public var header: String
        public var width: Double?

        public init(_ header: String, width: Double? = nil) {
            self.header = header
            self.width = width
        }
    }

    /// A sheet's layout before its rows: a header row (frozen, with an
    /// autofilter) unless `columns` is empty, as on a title or notes sheet.
    public struct Sheet: Sendable, Equatable {
        public var name: String
        public var columns: [Column]

        public init(name: String, columns: [Column]) {
            self.name = name
            self.columns = columns
        }
    }
}
