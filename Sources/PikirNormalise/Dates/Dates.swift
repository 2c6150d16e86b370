/// Date cells as centres type them → calendar dates, with impossible and
/// ambiguous dates rejected rather than guessed.
///
/// Everything lives in this namespace so that other areas of `PikirNormalise`
/// can never collide with it.
public enum Dates {
    /// Which part of a `05/06/2024`-style date is the day.
    public enum DayMonthOrder: String, Sendable, Hashable, CaseIterable {
        /// `dd/mm/yyyy` (Kazakhstan, Russia, most of Europe).
        case dayFirst
        /// `mm/dd/yyyy` (United States locale, e.g. a Google Sheet set to English (US)).
        case monthFirst
    }

    /// Why a non-empty cell did not give a date. The string says why, for
    /// people; match on the case, not the text.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// Read unambiguously, but no such day or time exists (`31.02.2024`,
        /// `29.02.2023`, `25:10`), or the year is outside `Dates.years`.
        case impossible(String)
        /// More than one date fits (`05/06/2024` with no order known, a
        /// written date without a year).
        case ambiguous(String)
        /// Not a date form this parser knows.
        case unrecognised(String)

        /// The human-readable reason.
        public var message: String {
            switch self {
            case .impossible(let m), .ambiguous(let m), .unrecognised(let m): return m
            }
        }

        /// `impossible: …`, `ambiguous: …` or `unrecognised: …`.
        public var description: String {
            switch self {
            case .impossible(let m): return "impossible: \(m)"
            case .ambiguous(let m): return "ambiguous: \(m)"
            case .unrecognised(let m): return "unrecognised: \(m)"
            }
        }
    }

    /// Years a survey date may have; anything else is `.impossible`.
    public static let years: ClosedRange<Int> = 2000...2100

    /// Parses one date or timestamp cell.
    ///
    /// Forms accepted (case-insensitive, surrounding spaces ignored):
    ///
    /// - Day first with dots, always: `05.11.2024`, `5.11.24`, `05.11.2024 г.`,
    ///   `05.11.24 ж.`, `14.11.2019 17:01:25`.
    /// - Year first, always year-month-day: `2024-11-05` (ISO, also with `T`,
    ///   seconds fractions and a zone: `2024-11-05T10:15:32Z`), `2022-11-05 10:15:32`,
    ///   `2019/11/14 5:01:25 PM GMT+6` (Google Forms' CSV download; the
    ///   12-hour marker may also be `ДП`/`ПП` or `ТД`/`ТК`, or absent on a
    ///   24-hour clock: `2025/02/17 21:41:07 GMT+6`), `2024.11.05`.
    /// - Year last with `/` or `-`: `13/05/2024`, `05/13/2024`, `05/06/24`.
    ///   When only one reading is a real month (13/05 → day first, 05/13 →
    ///   month first) that reading is taken, whatever `order` says. When both
    ///   parts are ≤ 12 and differ, `order` decides; without it the value is
    ///   `.ambiguous`. pikir never assumes day-first for slashes, because
    ///   slash dates in these exports come from English-locale spreadsheets as
    ///   often as from Kazakh/Russian ones: a column's values are read with
    ///   `parse(_:column:)`, which takes the order from the whole column.
    /// - Written dates in Kazakh (`2024 ж. 5 қараша`, `5 қараша 2024`,
    ///   `2024 жылғы 5 қарашада`, also typed without Kazakh letters: `караша`),
    ///   Russian (`5 ноября 2024 г.`, `5 ноябрь 2024`, `5-го ноября 2024 года`,
    ///   `5 нояб. 2024`) and English (`5 November 2024`, `November 5, 2024`,
    ///   `5th Nov 2024`). A weekday may be written too and must then be right.
    ///   A two-digit year in a written date needs a year word (`24 ж.`) or the
    ///   `5 ноября 24` order; a written date without a year is `.ambiguous`.
    ///
    /// Two-digit years are 20yy. Years outside `years` (2000…2100) are
    /// `.impossible`.
    ///
    /// Timestamps give the date in Kazakhstan local time. A timestamp with no
    /// zone is local already; so is one marked with the offset Kazakhstan used
    /// at that moment: `GMT+5` (the west until 1 March 2024, the whole country
    /// since) or `GMT+6` before 2024-03-01 00:00 (Asia/Almaty's). Any other
    /// zone (`Z`, `UTC`, `GMT+3`, `-05:00`, and `GMT+6` from March 2024) is
    /// converted to Asia/Almaty time (UTC+6, with the summer time used until
    /// October 2004, and UTC+5 from 2024-03-01 00:00 local), which can move
    /// the date: `2025/02/18 12:30:00 AM GMT+6` is 23:30 on 17 February.
    ///
    /// - Parameters:
    ///   - text: the cell as typed.
    ///   - order: how to read a slash date whose two first parts could both be
    ///     the month; ignored by every other form.
    /// - Returns: `nil` for an empty or blank cell (a missing value), otherwise
    ///   the date or the reason there is none.
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, order: DayMonthOrder? = nil) -> Result<CalendarDate, Problem>? {
        // Plain ASCII digit dates (the bulk of every column) are read from the
        // bytes; anything else, and every failure, takes the general path below.
        let quick = text.utf8.withContiguousStorageIfAvailable {
            QuickDate.parse(UnsafeRawBufferPointer($0), order: order)
        }
        switch quick {
        case .date(let date)?: return .success(date)
        case .blank?: return nil
        case .other?, nil: break
        }
        let prepared = DateText.fold(text)
        if prepared.isEmpty { return nil }
        let quoted = "‘\(text.datesTrimmedForMessage)’"
        switch NumericDate.parse(prepared, order: order, quoted: quoted) {
        case .result(let result): return result
        case .notNumeric: return WrittenDate.parse(prepared, quoted: quoted)
        }
    }

    /// Checks the year range shared by every form.
    static func checked(_ date: CalendarDate, quoted: String) -> Result<CalendarDate, Problem> {
        guard years.contains(date.year) else {
            return .failure(.impossible("\(quoted): year \(date.year) is outside \(years.lowerBound)…\(years.upperBound)"))
        }
        return .success(date)
    }
}

extension String {
    /// The string without leading and trailing whitespace (for messages).
    var datesTrimmedForMessage: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return self[first...last]
    }
}
