extension Dates {
    /// How one value reads before its column is known.
    ///
    /// Most values read the same in any column. Two kinds depend on the
    /// whole column (see `Column`): slash dates with the year last, whose
    /// day/month order the column settles, and plain numbers, which are
    /// Excel day numbers only in a column of nothing else.
    enum Reading: Sendable {
        /// The same in any column: a date, or the reason there is none.
        case fixed(Result<CalendarDate, Problem>)
        /// A valid date that reads only one way: `13/05/2024` (day first),
        /// `05/13/2024` (month first).
        case only(DayMonthOrder, CalendarDate)
        /// A valid date either way: `05/06/2024` is 5 June or 6 May.
        case either(dayFirst: CalendarDate, monthFirst: CalendarDate)
        /// A plain number: `45601`, `45601.5`, and the date it is as an
        /// Excel day number (or why it is none).
        case dayNumber(Result<CalendarDate, Problem>)

        var dependsOnColumn: Bool {
            if case .fixed = self { return false }
            return true
        }
    }

    /// How `text` reads (see `Reading`); `nil` for a blank cell.
    ///
    /// - Parameter bytesFirst: rule out most values on their bytes before
    ///   folding them (see `mayDependOnColumn`); `false` only to test that check.
    /// - Complexity: O(n) in the length of `text`.
    static func reading(_ text: String, bytesFirst: Bool = true) -> Reading? {
        if bytesFirst && !mayDependOnColumn(text) {
            return parse(text, order: nil).map(Reading.fixed)
        }
        let prepared = DateText.fold(text)
        if prepared.isEmpty { return nil }
        if DayNumber.isNumber(prepared) {
            return .dayNumber(DayNumber.date(prepared, quoted: "‘\(text.datesTrimmedForMessage)’"))
        }
        guard let (a, b) = NumericDate.slashParts(prepared) else { return parse(text, order: nil).map(Reading.fixed) }
        switch ((1...12).contains(a), (1...12).contains(b)) {
        case (false, true), (true, false):
            let own: DayMonthOrder = (1...12).contains(b) ? .dayFirst : .monthFirst
            return parse(text, order: own).map { result in
                if case .success(let date) = result { return .only(own, date) }
                return .fixed(result)
            }
        case (true, true):
            guard let dayFirst = parse(text, order: .dayFirst), let monthFirst = parse(text, order: .monthFirst) else { return nil }
            switch (dayFirst, monthFirst) {
            case (.success(let d), .success(let m)): return .either(dayFirst: d, monthFirst: m)
            case (.failure, _): return .fixed(dayFirst)
            case (_, .failure): return .fixed(monthFirst)
            }
        case (false, false):
            return parse(text, order: nil).map(Reading.fixed)
        }
    }

    /// A check on the bytes that rules out most cells before any folding:
    /// a value can depend on its column only when its first character that
    /// is not white space (nor any other non-ASCII byte) is a digit, and the
    /// digits go on to the end (a number, perhaps with one `.` or `,`), or
    /// there are one or two of them and then `/`, `-` or a non-ASCII
    /// character. Wider than `reading` needs, never narrower.
    private static func mayDependOnColumn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { p in
            let n = p.count
            func isDigit(_ i: Int) -> Bool { p[i] &- 0x30 < 10 }
            func restIsBlank(_ from: Int) -> Bool {
                p[from...].allSatisfy { $0 == 0x20 || $0 &- 0x09 < 5 || $0 >= 0x80 }
            }
            var i = 0
            while i < n, p[i] == 0x20 || p[i] &- 0x09 < 5 || p[i] >= 0x80 { i += 1 }
            let start = i
            while i < n, isDigit(i) { i += 1 }
            let digits = i - start
            guard digits > 0 else { return false }
            if restIsBlank(i) { return true }
            // `/`, `-`, or a non-ASCII dash that folds to `-` (`05–06–2024`).
            if p[i] == 0x2F || p[i] == 0x2D || p[i] >= 0x80 { return digits <= 2 }
            guard p[i] == 0x2E || p[i] == 0x2C else { return false }
            i += 1
            let fraction = i
            while i < n, isDigit(i) { i += 1 }
            return i > fraction && restIsBlank(i)
        }
    }

    /// What a whole date column says about reading the values that depend on
    /// it (see `Reading`): its census, counted value by value with `add`.
    ///
    /// **Day/month order.** A year-last slash date whose two first parts are
    /// both 12 or less (`05/06/2024`) is read in the column's order: the order
    /// more of its values read *only* one way in (`13/05/2024` only day first,
    /// `05/13/2024` only month first). A value that reads only the other way
    /// contradicts the column and is rejected as ambiguous (one of the two
    /// conventions is a mistake, and the column's majority is the likelier
    /// right one), with the line of the first value that settles the column.
    /// With no such value, or as many each way, there is no order: values
    /// that read both ways are ambiguous, and those that read one way keep it.
    ///
    /// **Excel day numbers.** A plain number (`45601`) is a date only in a
    /// column where no value is a date written any other way.
    public struct Column: Sendable, Hashable {
        /// A value of the column and the line it is on (its position, from 1,
        /// for `parseColumn`).
        public struct Example: Sendable, Hashable {
            public var line: Int
            public var text: String
        }

        /// Valid dates that read only day first, and the first of them.
        public private(set) var dayFirst = 0
        public private(set) var firstDayFirst: Example?
        /// Valid dates that read only month first, and the first of them.
        public private(set) var monthFirst = 0
        public private(set) var firstMonthFirst: Example?
        /// Plain numbers (Excel day numbers, in range or not).
        public private(set) var dayNumbers = 0
        /// Values that are dates written any other way, and the first of them.
        public private(set) var writtenDates = 0
        public private(set) var firstWrittenDate: Example?

        public init() {}

        /// Counts one value of the column (a blank or unreadable one counts for nothing).
        public mutating func add(_ text: String, line: Int) {
            if let reading = Dates.reading(text) { add(reading, line: line, text: String(text.datesTrimmedForMessage)) }
        }

        mutating func add(_ reading: Reading, line: Int, text: @autoclosure () -> String) {
            switch reading {
            case .fixed(.failure):
                break
            case .dayNumber:
                dayNumbers += 1
            case .fixed(.success), .either:
                noteWrittenDate(line, text)
            case .only(let order, _):
                if order == .dayFirst {
                    dayFirst += 1
                    if firstDayFirst == nil { firstDayFirst = Example(line: line, text: text()) }
                } else {
                    monthFirst += 1
                    if firstMonthFirst == nil { firstMonthFirst = Example(line: line, text: text()) }
                }
                noteWrittenDate(line, text)
            }
        }

        private mutating func noteWrittenDate(_ line: Int, _ text: () -> String) {
            writtenDates += 1
            if firstWrittenDate == nil { firstWrittenDate = Example(line: line, text: text()) }
        }

        /// The order most values that read only one way read in; `nil` with
        /// no such value or as many each way.
        public var order: DayMonthOrder? {
            dayFirst > monthFirst ? .dayFirst : monthFirst > dayFirst ? .monthFirst : nil
        }

        /// Whether plain numbers are Excel day numbers: some are, and no value
        /// is a date written otherwise.
        public var holdsDayNumbers: Bool { dayNumbers > 0 && writtenDates == 0 }

        /// The count and first value of the values that read only `order`.
        private func settled(_ order: DayMonthOrder) -> (count: Int, first: Example?) {
            order == .dayFirst ? (dayFirst, firstDayFirst) : (monthFirst, firstMonthFirst)
        }

        /// The date a value of this column is, or why it has none.
        func resolve(_ reading: Reading, quoted: @autoclosure () -> String) -> Result<CalendarDate, Problem> {
            switch reading {
            case .fixed(let result):
                return result
            case .dayNumber(let result):
                if holdsDayNumbers { return result }
                let example = firstWrittenDate.map { ", like line \($0.line): ‘\($0.text)’" } ?? ""
                return .failure(.unrecognised(
                    "\(quoted()): a number, not a date; numbers are read as Excel day numbers only in a column holding no other dates, and this one holds dates written out\(example)"))
            case .only(let own, let date):
                guard let order, order != own else { return .success(date) }
                let (count, first) = settled(order)
                let example = first.map { "; the first is line \($0.line): ‘\($0.text)’" } ?? ""
                return .failure(.ambiguous(
                    "\(quoted()) reads only \(own.phrase), but \(count) of this column's dates read only \(order.phrase)\(example); correct whichever is wrong"))
            case .either(let d, let m):
                switch order {
                case .dayFirst?: return .success(d)
                case .monthFirst?: return .success(m)
                case nil:
                    if let day = firstDayFirst, let month = firstMonthFirst {
                        return .failure(.ambiguous(
                            "\(quoted()): day/month or month/day; this column has as many dates that read only day first (line \(day.line): ‘\(day.text)’) as only month first (line \(month.line): ‘\(month.text)’)"))
                    }
                    return .failure(.ambiguous(
                        "\(quoted()): day/month or month/day; no date in this column settles it (one with a day above 12); write the dates as dd.mm.yyyy"))
                }
            }
        }
    }

    /// Parses one value of a column whose census is `column`: as
    /// `parse(_:order:)` does, with the column's order for slash dates, its
    /// minority rejected, and plain numbers read as Excel day numbers only in
    /// a column of them (see `Column`).
    ///
    /// - Returns: `nil` for a blank cell, otherwise the date or the reason there is none.
    public static func parse(_ text: String, column: Column) -> Result<CalendarDate, Problem>? {
        guard let reading = reading(text) else { return nil }
        return column.resolve(reading, quoted: "‘\(text.datesTrimmedForMessage)’")
    }

    /// Parses a whole column: counts it (lines are positions from 1), then
    /// parses each value with what the column says.
    ///
    /// - Returns: one entry per value, `nil` for blank cells.
    /// - Complexity: O(total length of the values).
    public static func parseColumn(_ values: [String]) -> [Result<CalendarDate, Problem>?] {
        let readings = values.map { reading($0) }
        var column = Column()
        for (i, reading) in readings.enumerated() {
            if let reading { column.add(reading, line: i + 1, text: String(values[i].datesTrimmedForMessage)) }
        }
        return zip(readings, values).map { reading, text in
            reading.map { column.resolve($0, quoted: "‘\(text.datesTrimmedForMessage)’") }
        }
    }
}

extension Dates.DayMonthOrder {
    /// For messages: `day first (dd/mm/yyyy)`.
    var phrase: String {
        switch self {
        case .dayFirst: return "day first (dd/mm/yyyy)"
        case .monthFirst: return "month first (mm/dd/yyyy)"
        }
    }
}
