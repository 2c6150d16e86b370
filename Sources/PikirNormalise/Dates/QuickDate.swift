extension Dates {
    /// The byte-level fast path of `Dates.parse` for the common digit forms:
    /// `dd.mm.yyyy`, `d.m.yy`, `yyyy-mm-dd`, `yyyy/mm/dd`, `yyyy.mm.dd`,
    /// `dd/mm/yyyy`, `mm-dd-yy`…, optionally with a trailing `.` and a time
    /// without zone or AM/PM (`14.11.2019 17:01:25`, `2024-11-05T10:15:32.5`),
    /// surrounded by ASCII white space.
    ///
    /// It only ever answers what `NumericDate.parse` would: a valid date, or
    /// a blank cell. Every other case, including every failure (so that the
    /// message is made in one place), is `.other` and goes the general way.
    enum QuickDate {
        enum Outcome {
            case date(CalendarDate)
            /// Only ASCII white space (or nothing).
            case blank
            /// Not handled here.
            case other
        }

        @inline(__always)
        private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b &- 0x09 < 5 }

        @inline(__always)
        private static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

        /// Reads a digit run at `i`: value (of the first 9 digits) and count.
        @inline(__always)
        private static func number(_ p: UnsafeRawBufferPointer, _ i: inout Int, _ end: Int) -> (value: Int, digits: Int) {
            var value = 0
            var digits = 0
            while i < end, isDigit(p[i]) {
                if digits < 9 { value = value * 10 + Int(p[i] &- 0x30) }
                digits += 1
                i += 1
            }
            return (value, digits)
        }

        static func parse(_ p: UnsafeRawBufferPointer, order hint: DayMonthOrder?) -> Outcome {
            var start = 0
            var end = p.count
            while start < end, isSpace(p[start]) { start += 1 }
            while end > start, isSpace(p[end - 1]) { end -= 1 }
            if start == end { return .blank }

            var i = start
            let a = number(p, &i, end)
            guard a.digits > 0, i < end else { return .other }
            let separator = p[i]
            guard separator == 0x2E || separator == 0x2F || separator == 0x2D else { return .other }  // . / -
            i += 1
            let b = number(p, &i, end)
            guard b.digits > 0, i < end, p[i] == separator else { return .other }
            i += 1
            let c = number(p, &i, end)
            guard c.digits > 0 else { return .other }

            let year: Int, month: Int, day: Int
            if a.digits == 4 {
                guard b.digits <= 2, c.digits <= 2 else { return .other }
                (year, month, day) = (a.value, b.value, c.value)
            } else if a.digits <= 2, b.digits <= 2, c.digits == 4 || c.digits == 2 {
                year = c.digits == 2 ? 2000 + c.value : c.value
                if separator == 0x2E || a.value == b.value {
                    (day, month) = (a.value, b.value)
                } else {
                    let bIsMonth = (1...12).contains(b.value)
                    let aIsMonth = (1...12).contains(a.value)
                    let order: DayMonthOrder
                    switch (bIsMonth, aIsMonth) {
                    case (true, false): order = .dayFirst
                    case (false, true): order = .monthFirst
                    case (true, true):
                        guard let hint else { return .other }  // ambiguous
                        order = hint
                    case (false, false): return .other  // impossible
                    }
                    (day, month) = order == .dayFirst ? (a.value, b.value) : (b.value, a.value)
                }
            } else {
                return .other
            }
            guard let date = CalendarDate(year: year, month: month, day: day), years.contains(date.year),
                  timeIsValid(p, i, end) else { return .other }
            return .date(date)
        }

        /// Exactly ten bytes `yyyy-mm-dd` (pikir's own exports, most tools'
        /// date columns): the date, when `parse` gives one for them (valid,
        /// in `Dates.years`); nil for anything else, which `parse` reads.
        /// Ten fixed positions instead of digit runs and separators: a fifth
        /// of the time, on every row of a file whose dates are ISO.
        @inline(__always)
        static func iso(_ p: UnsafeRawBufferPointer) -> CalendarDate? {
            guard p.count == 10, p[4] == 0x2D, p[7] == 0x2D else { return nil }
            @inline(__always) func digit(_ k: Int) -> Int { Int(p[k] &- 0x30) }
            guard isDigit(p[0]), isDigit(p[1]), isDigit(p[2]), isDigit(p[3]), isDigit(p[5]), isDigit(p[6]),
                  isDigit(p[8]), isDigit(p[9]) else { return nil }
            let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
            guard years.contains(year) else { return nil }
            return CalendarDate(year: year, month: digit(5) * 10 + digit(6), day: digit(8) * 10 + digit(9))
        }

        /// Whether the bytes after the date are nothing, or an optional `.`
        /// then a valid `h:mm[:ss[(.|,)f…]]` time with no AM/PM and no zone,
        /// after white space or right after `T` — a time that leaves the
        /// date as written.
        private static func timeIsValid(_ p: UnsafeRawBufferPointer, _ from: Int, _ end: Int) -> Bool {
            var i = from
            if i < end, p[i] == 0x2E { i += 1 }  // "05.11.2024."
            if i == end { return true }
            if (p[i] | 0x20) == 0x74, i + 1 < end, isDigit(p[i + 1]) {  // T or t
                i += 1
            } else {
                guard isSpace(p[i]) else { return false }
                while i < end, isSpace(p[i]) { i += 1 }
            }
            let hour = number(p, &i, end)
            guard hour.digits >= 1, hour.digits <= 2, i < end, p[i] == 0x3A else { return false }
            i += 1
            let minute = number(p, &i, end)
            guard minute.digits == 2 else { return false }
            var second = 0
            if i < end, p[i] == 0x3A {
                i += 1
                let s = number(p, &i, end)
                guard s.digits == 2 else { return false }
                second = s.value
                if i < end, p[i] == 0x2E || p[i] == 0x2C {
                    i += 1
                    guard number(p, &i, end).digits > 0 else { return false }
                }
            }
            return i == end && hour.value <= 23 && minute.value <= 59 && second <= 59
        }
    }
}
