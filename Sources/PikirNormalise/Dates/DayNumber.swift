extension Dates {
    /// Excel's date serials: a date cell saved as its number (`45601` is
    /// 2024-11-05) when the sheet's date format was lost on the way to CSV.
    ///
    /// Only the 1900 date system is read (every Excel since 2011, Mac ones
    /// too, and LibreOffice and Google Sheets); the 1904 system would make
    /// `45601` 2028-11-06. Excel counts a 29 February 1900 that never was, so
    /// from serial 61 (1900-03-01) on, serial n is n days after 1899-12-30;
    /// every serial in `Dates.years` is far past it.
    enum DayNumber {
        /// Serial of 1899-12-30 counted from 1970-01-01.
        private static let epoch = CalendarDate.daysSinceEpoch(year: 1899, month: 12, day: 30)

        /// The serials of the years a survey date may have (2000-01-01 is
        /// 36526, 2100-12-31 is 73415).
        static let serials: ClosedRange<Int> =
            CalendarDate.daysSinceEpoch(year: years.lowerBound, month: 1, day: 1) - epoch
            ... CalendarDate.daysSinceEpoch(year: years.upperBound, month: 12, day: 31) - epoch

        /// Whether `prepared` (see `DateText.fold`) is a plain number: digits,
        /// optionally a `.` or `,` and more digits (a fraction of a day is its
        /// time, `45601.5` is noon).
        static func isNumber(_ prepared: String) -> Bool {
            var digits = 0, separators = 0, afterSeparator = 0
            for b in prepared.utf8 {
                if b &- 0x30 < 10 {
                    if separators == 0 { digits += 1 } else { afterSeparator += 1 }
                } else if (b == 0x2E || b == 0x2C) && separators == 0 {
                    separators += 1
                } else {
                    return false
                }
            }
            return digits > 0 && (separators == 0 || afterSeparator > 0)
        }

        /// The date of a plain number (see `isNumber`): its whole days; the
        /// time in the fraction never moves it (a serial has no zone).
        static func date(_ prepared: String, quoted: String) -> Result<CalendarDate, Problem> {
            let whole = prepared.utf8.prefix { $0 &- 0x30 < 10 }
            guard whole.count <= 6, let serial = Int(String(decoding: whole, as: UTF8.self)), serials.contains(serial),
                  let date = CalendarDate.fromDaysSinceEpoch(epoch + serial) else {
                return .failure(.impossible(
                    "\(quoted): as an Excel day number it is no day of \(years.lowerBound)…\(years.upperBound) (day numbers \(serials.lowerBound)…\(serials.upperBound))"))
            }
            return .success(date)
        }
    }
}
