extension Dates {
    /// A day in the proleptic Gregorian calendar, without time or zone.
    ///
    /// Only valid dates can be made: `CalendarDate(year: 2023, month: 2, day: 29)`
    /// is `nil`. Ordering is chronological.
    public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Year, 1…9999.
        public let year: Int
        /// Month, 1…12.
        public let month: Int
        /// Day of the month, 1…28/29/30/31.
        public let day: Int

        /// Makes a date, or `nil` when no such day exists (31 February,
        /// 29 February outside leap years, month 13) or the year is outside 1…9999.
        public init?(year: Int, month: Int, day: Int) {
            guard (1...9999).contains(year), (1...12).contains(month),
                  day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
            self.year = year
            self.month = month
            self.day = day
        }

        /// ISO 8601 calendar date, `yyyy-mm-dd`.
        public var iso: String {
            func pad(_ n: Int, _ width: Int) -> String {
                let digits = String(n)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }

        /// Same as `iso`.
        public var description: String { iso }

        /// ISO weekday: 1 = Monday … 7 = Sunday.
        public var weekday: Int {
            // 1970-01-01 was a Thursday (ISO 4).
            let d = Self.daysSinceEpoch(year: year, month: month, day: day)
            return ((d % 7 + 7) % 7 + 3) % 7 + 1
        }

        /// Whether `year` has 29 February (Gregorian rule).
        public static func isLeap(_ year: Int) -> Bool {
            (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        }

        /// Number of days in `month` of `year`; 0 for a month outside 1…12.
        public static func daysIn(month: Int, year: Int) -> Int {
            switch month {
            case 1, 3, 5, 7, 8, 10, 12: return 31
            case 4, 6, 9, 11: return 30
            case 2: return isLeap(year) ? 29 : 28
            default: return 0
            }
        }

        /// The day before; nil for 1 January of year 1.
        public var previous: CalendarDate? {
            Self.fromDaysSinceEpoch(Self.daysSinceEpoch(year: year, month: month, day: day) - 1)
        }

        /// Chronological order.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }

        /// Days from 1970-01-01 (negative before), for any proleptic Gregorian date.
        static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
            // H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil.
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yoe = y - era * 400
            let mp = (month + 9) % 12
            let doy = (153 * mp + 2) / 5 + day - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            return era * 146097 + doe - 719468
        }

        /// The date `days` after 1970-01-01 (civil_from_days); `nil` outside years 1…9999.
        static func fromDaysSinceEpoch(_ days: Int) -> CalendarDate? {
            let z = days + 719468
            let era = (z >= 0 ? z : z - 146096) / 146097
            let doe = z - era * 146097
            let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            let day = doy - (153 * mp + 2) / 5 + 1
            let month = mp < 10 ? mp + 3 : mp - 9
            let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
            return CalendarDate(year: year, month: month, day: day)
        }
    }
}
