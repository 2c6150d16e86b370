extension Dates {
    /// The forms a day given by a person may take.
    public enum DayForms: Sendable {
        /// `yyyy-mm-dd` only (or a TOML date): pipeline files, which others read and keep.
        case iso
        /// Also every form ``Dates/parse(_:order:)`` reads without doubt
        /// (`05.11.2024`, `5 ноября 2024`, `2024 ж. 5 қараша`): flags typed at a prompt.
        case typed
    }

    /// A day someone gave that is no day: the one message every flag and pipeline key shows.
    public struct DayRefusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// What was given, as given.
        public let text: String

        public init(_ text: String) { self.text = text }

        /// `'2024-02-31' is not a date; write yyyy-mm-dd, e.g. 2024-01-31`; callers put the flag or key before it.
        public var message: String { "'\(text)' is not a date; write yyyy-mm-dd, e.g. 2024-01-31" }
        public var description: String { message }
    }

    /// The ISO `yyyy-mm-dd` of a day given in a flag (`--from`, `--to`) or a
    /// pipeline file (`from`, `to`), or why it is refused.
    ///
    /// Every command and pipeline reads days through this one function, so
    /// an impossible day (2024-02-31, 2023-02-29) is refused everywhere, in
    /// the same words. An ISO day may have any year 1…9999: a limit is not a
    /// survey date, so the survey years (``years``) do not bound it.
    public static func day(_ text: String, forms: DayForms) -> Result<String, DayRefusal> {
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            guard let day = CalendarDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!) else {
                return .failure(DayRefusal(text))
            }
            return .success(day.iso)
        }
        guard forms == .typed, case .success(let day) = parse(String(trimmed)) else { return .failure(DayRefusal(text)) }
        return .success(day.iso)
    }
}
