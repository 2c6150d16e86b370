extension Dates {
    /// Dates written with digits: `05.11.2024`, `2024-11-05`, `13/05/2024`,
    /// and the timestamps built on them.
    enum NumericDate {
        enum Outcome {
            /// The text does not start like a digit date; try the written forms.
            case notNumeric
            case result(Result<CalendarDate, Problem>)
        }

        /// Words that may follow a date with no time: `05.11.2024 г.`, `05.11.24 ж.`.
        private static let trailingYearWords: Set<String> = ["г", "гг", "год", "года", "ж", "жыл", "жылы"]

        private struct Number {
            var value: Int
            var digits: Int
        }

        /// The three numbers of a digit date and where the rest starts.
        private struct Shape {
            var a: Number
            var b: Number
            var c: Number
            var separator: Unicode.Scalar
            var rest: ArraySlice<Unicode.Scalar>
        }

        /// Reads a digit run (at most 9 digits are kept as a value).
        private static func number(_ s: inout ArraySlice<Unicode.Scalar>) -> Number? {
            var value = 0
            var digits = 0
            while let first = s.first, let d = digit(first) {
                if digits < 9 { value = value * 10 + d }
                digits += 1
                s.removeFirst()
            }
            return digits > 0 ? Number(value: value, digits: digits) : nil
        }

        private static func digit(_ s: Unicode.Scalar) -> Int? {
            ("0"..."9").contains(s) ? Int(s.value - 48) : nil
        }

        private static func shape(_ prepared: String) -> Shape? {
            var s = Array(prepared.unicodeScalars)[...]
            guard let a = number(&s), let sep = s.first, sep == "." || sep == "/" || sep == "-" else { return nil }
            s.removeFirst()
            guard let b = number(&s), s.first == sep else { return nil }
            s.removeFirst()
            guard let c = number(&s) else { return nil }
            return Shape(a: a, b: b, c: c, separator: sep, rest: s)
        }

        /// How the two leading parts of a year-last slash date must be read,
        /// whatever the hint: `nil` when both readings are possible or neither is.
        private static func ownOrder(day a: Int, month b: Int) -> DayMonthOrder? {
            let dayFirst = (1...12).contains(b)
            let monthFirst = (1...12).contains(a)
            switch (dayFirst, monthFirst) {
            case (true, false): return .dayFirst
            case (false, true): return .monthFirst
            default: return nil
            }
        }

        /// The two leading parts of a date whose reading depends on day/month
        /// order: year last, separated by `/` or `-` (dots are always day
        /// first), the two parts different (`05/05/2024` reads the same
        /// either way); `nil` for any other text.
        static func slashParts(_ prepared: String) -> (a: Int, b: Int)? {
            guard let shape = shape(prepared), shape.separator != ".",
                  (1...2).contains(shape.a.digits), (1...2).contains(shape.b.digits),
                  shape.c.digits == 4 || shape.c.digits == 2,
                  shape.a.value != shape.b.value else { return nil }
            return (shape.a.value, shape.b.value)
        }

        static func parse(_ prepared: String, order hint: DayMonthOrder?, quoted: String) -> Outcome {
            guard let shape = shape(prepared) else { return .notNumeric }
            let (a, b, c) = (shape.a, shape.b, shape.c)
            let year: Int, month: Int, day: Int
            if a.digits == 4 {
                guard (1...2).contains(b.digits), (1...2).contains(c.digits) else {
                    return .result(.failure(.unrecognised("\(quoted): expected year-month-day")))
                }
                (year, month, day) = (a.value, b.value, c.value)
            } else if (1...2).contains(a.digits), (1...2).contains(b.digits), c.digits == 4 || c.digits == 2 {
                year = c.digits == 2 ? 2000 + c.value : c.value
                if shape.separator == "." || a.value == b.value {
                    (day, month) = (a.value, b.value)
                } else {
                    let order: DayMonthOrder
                    if let own = ownOrder(day: a.value, month: b.value) {
                        order = own
                    } else if (1...12).contains(a.value) {  // both ≤ 12
                        guard let hint else {
                            return .result(.failure(.ambiguous(
                                "\(quoted): day/month or month/day; no order known for this column")))
                        }
                        order = hint
                    } else {
                        return .result(.failure(.impossible("\(quoted): neither \(a.value) nor \(b.value) is a month")))
                    }
                    (day, month) = order == .dayFirst ? (a.value, b.value) : (b.value, a.value)
                }
            } else {
                return .result(.failure(.unrecognised("\(quoted): not a date form pikir knows")))
            }
            guard let date = CalendarDate(year: year, month: month, day: day) else {
                return .result(.failure(.impossible("\(quoted): there is no day \(day) in month \(month) of \(year)")))
            }
            switch time(shape.rest, quoted: quoted) {
            case .failure(let problem):
                return .result(.failure(problem))
            case .success(let time):
                guard let time, let offset = time.offset else { return .result(checked(date, quoted: quoted)) }
                let written = CalendarDate.daysSinceEpoch(year: date.year, month: date.month, day: date.day) * 1440
                    + time.minuteOfDay
                let utc = written - offset
                if KazakhstanTime.isLocal(offset: offset, atUTCMinutes: utc) { return .result(checked(date, quoted: quoted)) }
                let kazakhstan = utc + KazakhstanTime.offset(atUTCMinutes: utc)
                guard let converted = CalendarDate.fromDaysSinceEpoch(KazakhstanTime.floorDiv(kazakhstan, 1440)) else {
                    return .result(.failure(.impossible("\(quoted): outside the calendar")))
                }
                return .result(checked(converted, quoted: quoted))
            }
        }

        private struct Time {
            var minuteOfDay: Int
            /// Written offset from UTC in minutes; `nil` when none was written.
            var offset: Int?
        }

        /// The part after the date: nothing, a year word, or a time with an
        /// optional AM/PM and zone. `nil` time when there is none.
        private static func time(_ rest: ArraySlice<Unicode.Scalar>, quoted: String) -> Result<Time?, Problem> {
            var s = rest
            let unknown = Result<Time?, Problem>.failure(.unrecognised("\(quoted): unexpected text after the date"))
            func skipSpaces() { while s.first == " " { s.removeFirst() } }
            func consume(_ literal: String) -> Bool {
                let scalars = Array(literal.unicodeScalars)
                guard s.starts(with: scalars) else { return false }
                s.removeFirst(scalars.count)
                return true
            }
            if s.first == "." { s.removeFirst() }  // "05.11.2024."
            if s.first == "t", s.dropFirst().first.flatMap(digit) != nil { s.removeFirst() }
            skipSpaces()
            if s.isEmpty { return .success(nil) }
            guard s.first.flatMap(digit) != nil else {
                let word = String(String.UnicodeScalarView(s.filter { $0 != "." && $0 != " " }))
                return trailingYearWords.contains(word) ? .success(nil) : unknown
            }
            // h:mm[:ss[.fff]]
            guard let hour = number(&s), hour.digits <= 2, consume(":"),
                  let minute = number(&s), minute.digits == 2 else { return unknown }
            var second = 0
            if consume(":") {
                guard let sec = number(&s), sec.digits == 2 else { return unknown }
                second = sec.value
                if s.first == "." || s.first == "," {
                    s.removeFirst()
                    guard number(&s) != nil else { return unknown }
                }
            }
            skipSpaces()
            var pm: Bool?
            // The 12-hour markers Google Forms and Sheets write in English,
            // Russian and Ukrainian (ДП/ПП) and Kazakh (ТД/ТК, түске дейін/түстен кейін).
            if consume("am") || consume("a.m.") || consume("дп") || consume("тд") {
                pm = false
            } else if consume("pm") || consume("p.m.") || consume("пп") || consume("тк") {
                pm = true
            }
            skipSpaces()
            var offset: Int?
            if consume("gmt") || consume("utc") || consume("z") {
                offset = 0
                skipSpaces()
            }
            if let sign = s.first, sign == "+" || sign == "-" {
                s.removeFirst()
                guard let h = number(&s) else { return unknown }
                var hours = h.value, minutes = 0
                switch h.digits {
                case 1, 2:
                    if consume(":") {
                        guard let m = number(&s), m.digits == 2 else { return unknown }
                        minutes = m.value
                    }
                case 4:
                    (hours, minutes) = (h.value / 100, h.value % 100)
                default:
                    return unknown
                }
                guard hours <= 14, minutes <= 59 else {
                    return .failure(.impossible("\(quoted): no such UTC offset"))
                }
                offset = (sign == "+" ? 1 : -1) * (hours * 60 + minutes)
            }
            skipSpaces()
            guard s.isEmpty else { return unknown }
            var h = hour.value
            if let pm {
                guard (1...12).contains(h) else { return .failure(.impossible("\(quoted): no hour \(h) on a 12-hour clock")) }
                h = h % 12 + (pm ? 12 : 0)
            }
            guard h <= 23, minute.value <= 59, second <= 59 else {
                return .failure(.impossible("\(quoted): no such time of day"))
            }
            return .success(Time(minuteOfDay: h * 60 + minute.value, offset: offset))
        }
    }
}
