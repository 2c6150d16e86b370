extension Dates {
    /// Dates with the month as a word, in Kazakh, Russian or English.
    enum WrittenDate {
        /// Whole words naming a month (after `DateText.fold`).
        private static let monthWords: [String: Int] = {
            var table: [String: Int] = [:]
            let forms: [[String]] = [
                ["январь", "января", "янв", "january", "jan"],
                ["февраль", "февраля", "фев", "февр", "february", "feb"],
                ["март", "марта", "мар", "march", "mar"],
                ["апрель", "апреля", "апр", "april", "apr"],
                ["май", "мая", "may"],
                ["июнь", "июня", "июн", "june", "jun"],
                ["июль", "июля", "июл", "july", "jul"],
                ["август", "августа", "авг", "august", "aug"],
                ["сентябрь", "сентября", "сен", "сент", "september", "sep", "sept"],
                ["октябрь", "октября", "окт", "october", "oct"],
                ["ноябрь", "ноября", "ноя", "нояб", "november", "nov"],
                ["декабрь", "декабря", "дек", "december", "dec"],
            ]
            for (i, words) in forms.enumerated() {
                for word in words { table[word] = i + 1 }
            }
            return table
        }()

        /// Kazakh month stems (folded: қараша → караша; Latin qaraşa → karasha),
        /// matched with up to four letters of case ending: `қарашада`, `қарашаның`.
        private static let kazakhStems: [(stem: String, month: Int)] = [
            ("кантар", 1), ("акпан", 2), ("наурыз", 3), ("сауир", 4), ("мамыр", 5), ("маусым", 6),
            ("шилде", 7), ("тамыз", 8), ("кыркуйек", 9), ("казан", 10), ("караша", 11), ("желтоксан", 12),
            ("kantar", 1), ("akpan", 2), ("nauryz", 3), ("sauir", 4), ("mamyr", 5), ("mausym", 6),
            ("shilde", 7), ("tamyz", 8), ("kyrkuiek", 9), ("kazan", 10), ("karasha", 11), ("jeltoksan", 12),
            ("zheltoksan", 12),
        ]

        /// ISO weekday numbers (1 = Monday).
        private static let weekdayWords: [String: Int] = [
            "понедельник": 1, "пн": 1, "вторник": 2, "вт": 2, "среда": 3, "ср": 3, "четверг": 4, "чт": 4,
            "пятница": 5, "пт": 5, "суббота": 6, "сб": 6, "воскресенье": 7, "вс": 7,
            "дуйсенби": 1, "сейсенби": 2, "сарсенби": 3, "бейсенби": 4, "жума": 5, "сенби": 6, "жексенби": 7,
            "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
            "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
            "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
        ]

        /// Words that make the number before them the year: `2024 ж.`, `2024 г.`, `2024 жылғы`.
        private static let yearWords: Set<String> = [
            "г", "гг", "год", "года", "году", "ж", "жыл", "жылы", "жылгы", "жылдын", "year",
        ]

        /// Words with no meaning for the date: ordinal endings (`5th`, `5-го`), `of`, `the`, `күні`.
        private static let fillerWords: Set<String> = [
            "го", "е", "ое", "число", "числа", "куни", "of", "the", "st", "nd", "rd", "th",
        ]

        private enum Token {
            case number(value: Int, digits: Int)
            case word(String)
        }

        private static func tokens(_ prepared: String) -> [Token] {
            var tokens: [Token] = []
            var word = String.UnicodeScalarView()
            var value = 0, digits = 0
            func flush() {
                if digits > 0 { tokens.append(.number(value: value, digits: digits)) }
                if !word.isEmpty { tokens.append(.word(String(word))) }
                value = 0; digits = 0; word = String.UnicodeScalarView()
            }
            for scalar in prepared.unicodeScalars {
                if ("0"..."9").contains(scalar) {
                    if !word.isEmpty { flush() }
                    if digits < 9 { value = value * 10 + Int(scalar.value - 48) }
                    digits += 1
                } else if scalar.properties.isAlphabetic {
                    if digits > 0 { flush() }
                    word.append(scalar)
                } else {
                    flush()
                }
            }
            flush()
            return tokens
        }

        private static func month(_ word: String) -> Int? {
            if let month = monthWords[word] { return month }
            for (stem, month) in kazakhStems where word.hasPrefix(stem) && word.count - stem.count <= 4 {
                return month
            }
            return nil
        }

        static func parse(_ prepared: String, quoted: String) -> Result<CalendarDate, Problem> {
            let unknown = Result<CalendarDate, Problem>.failure(.unrecognised("\(quoted): not a date form pikir knows"))
            var months: [(month: Int, position: Int)] = []
            var numbers: [(value: Int, digits: Int, position: Int, yearMarked: Bool)] = []
            var weekday: Int?
            for (position, token) in tokens(prepared).enumerated() {
                switch token {
                case .number(let value, let digits):
                    guard digits <= 2 || digits == 4 else { return unknown }
                    numbers.append((value, digits, position, false))
                case .word(let word):
                    if let m = month(word) {
                        months.append((m, position))
                    } else if let w = weekdayWords[word] {
                        guard weekday == nil || weekday == w else { return unknown }
                        weekday = w
                    } else if yearWords.contains(word) {
                        if let last = numbers.last, last.position == position - 1 {
                            numbers[numbers.count - 1].yearMarked = true
                        }
                    } else if !fillerWords.contains(word) {
                        return .failure(.unrecognised("\(quoted): unknown word ‘\(word)’"))
                    }
                }
            }
            guard months.count == 1, let month = months.first else { return unknown }
            let yearIndices = numbers.indices.filter { numbers[$0].digits == 4 || numbers[$0].yearMarked }
            let year: Int, day: Int
            switch (yearIndices.count, numbers.count) {
            case (1, 2):
                let y = numbers[yearIndices[0]]
                let d = numbers[1 - yearIndices[0]]
                guard d.digits <= 2, y.digits != 1 else { return unknown }
                year = y.digits == 2 ? 2000 + y.value : y.value
                day = d.value
            case (1, 1):
                return .failure(.ambiguous("\(quoted): no day of the month"))
            case (0, 2):
                // "5 ноября 24": day before the month, two-digit year after it
                guard numbers[0].position < month.position, month.position < numbers[1].position,
                      numbers[1].digits == 2 else {
                    return .failure(.ambiguous("\(quoted): cannot tell the day from the year"))
                }
                year = 2000 + numbers[1].value
                day = numbers[0].value
            case (0, 1):
                return .failure(.ambiguous("\(quoted): no year"))
            case (0, 0):
                return .failure(.ambiguous("\(quoted): no day or year"))
            default:
                return unknown
            }
            guard let date = CalendarDate(year: year, month: month.month, day: day) else {
                return .failure(.impossible("\(quoted): there is no day \(day) in month \(month.month) of \(year)"))
            }
            if let weekday, weekday != date.weekday {
                return .failure(.impossible("\(quoted): \(date.iso) is not that day of the week"))
            }
            return checked(date, quoted: quoted)
        }
    }
}
