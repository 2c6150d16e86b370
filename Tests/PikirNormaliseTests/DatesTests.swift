import Testing
@testable import PikirNormalise

/// Dates.parse and the column order hint: every accepted form, and the
/// impossible and ambiguous values that must be rejected rather than guessed.
@Suite struct DatesTests {
    typealias CalendarDate = Dates.CalendarDate

    /// The problem's case, without its message.
    enum Kind: Equatable { case impossible, ambiguous, unrecognised }

    static func date(_ text: String, order: Dates.DayMonthOrder? = nil) -> String? {
        guard case .success(let d)? = Dates.parse(text, order: order) else { return nil }
        return d.iso
    }

    static func problem(_ text: String, order: Dates.DayMonthOrder? = nil) -> Kind? {
        guard case .failure(let p)? = Dates.parse(text, order: order) else { return nil }
        switch p {
        case .impossible: return .impossible
        case .ambiguous: return .ambiguous
        case .unrecognised: return .unrecognised
        }
    }

    // MARK: CalendarDate

    @Test func calendarDateDayBeforeCrossesMonthsYearsAndLeapDays() {
        #expect(CalendarDate(year: 2024, month: 11, day: 5)!.previous?.iso == "2024-11-04")
        #expect(CalendarDate(year: 2024, month: 3, day: 1)!.previous?.iso == "2024-02-29")
        #expect(CalendarDate(year: 2023, month: 3, day: 1)!.previous?.iso == "2023-02-28")
        #expect(CalendarDate(year: 2025, month: 1, day: 1)!.previous?.iso == "2024-12-31")
        #expect(CalendarDate(year: 1, month: 1, day: 1)!.previous == nil)
    }

    @Test func calendarDateValidatesOrdersAndFormats() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)  // century, not leap
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)  // 400-year rule
        #expect(CalendarDate(year: 2024, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 1, day: 0) == nil)
        #expect(CalendarDate(year: 2024, month: 11, day: 5)!.iso == "2024-11-05")
        #expect(CalendarDate(year: 2024, month: 11, day: 5)!.weekday == 2)  // Tuesday
        #expect(CalendarDate(year: 2024, month: 2, day: 29)!.weekday == 4)  // Thursday
        let dates = [CalendarDate(year: 2024, month: 11, day: 5)!, CalendarDate(year: 2019, month: 11, day: 14)!,
                     CalendarDate(year: 2024, month: 2, day: 29)!, CalendarDate(year: 2024, month: 11, day: 4)!]
        #expect(dates.sorted().map(\.iso) == ["2019-11-14", "2024-02-29", "2024-11-04", "2024-11-05"])
    }

    @Test func everyDayFrom2000To2100RoundTrips() {
        var days = CalendarDate.daysSinceEpoch(year: 2000, month: 1, day: 1)
        #expect(days == 10957)
        var count = 0
        while let d = CalendarDate.fromDaysSinceEpoch(days), d.year <= 2100 {
            #expect(CalendarDate.daysSinceEpoch(year: d.year, month: d.month, day: d.day) == days)
            #expect(Self.date(d.iso) == d.iso)
            let dotted = "\(d.day).\(d.month).\(d.year)"
            #expect(Self.date(dotted) == d.iso, "\(dotted)")
            days += 1
            count += 1
        }
        #expect(count == 36890)  // 101 years, 25 leap days (2100 is not leap)
    }

    // MARK: blank = missing

    @Test(arguments: ["", " ", "   ", "\t", "\u{00A0}", " \r\n "])
    func blankCellIsMissingNotAProblem(_ text: String) {
        #expect(Dates.parse(text) == nil)
    }

    // MARK: numeric forms

    @Test(arguments: [
        ("05.11.2024", "2024-11-05"), ("5.11.2024", "2024-11-05"), ("08.10.2021", "2021-10-08"),
        ("10.06.2022", "2022-06-10"), ("05.11.2024 г.", "2024-11-05"), ("05.11.2024г", "2024-11-05"),
        ("05.11.2024 ж.", "2024-11-05"), (" 05.11.2024 ", "2024-11-05"), ("05.11.2024.", "2024-11-05"),
    ])
    func dottedDayMonthYear(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso)
    }

    @Test(arguments: [("20.02.20", "2020-02-20"), ("22.09.23", "2023-09-22"), ("05.11.24", "2024-11-05"),
                      ("05.11.99", "2099-11-05"), ("1.1.00", "2000-01-01")])
    func twoDigitYearIsTwentyYY(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso)
    }

    @Test(arguments: [("2023-04-14", "2023-04-14"), ("2026-02-12", "2026-02-12"), ("2024-1-5", "2024-01-05"),
                      ("2024.11.05", "2024-11-05"), ("2024/11/05", "2024-11-05"),
                      ("2024-11-05T10:15:32", "2024-11-05"), ("2024-11-05T10:15:32.250+05:00", "2024-11-05")])
    func yearFirst(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso)
    }

    @Test func dottedDatesIgnoreTheOrderHint() {
        #expect(Self.date("05.06.2024", order: .monthFirst) == "2024-06-05")
        #expect(Self.date("2024-05-06", order: .dayFirst) == "2024-05-06")
    }

    // MARK: slash dates and the order hint

    @Test func slashDateWithDayAbove12IsDayFirst() {
        #expect(Self.date("13/05/2024") == "2024-05-13")
        #expect(Self.date("31/12/2024") == "2024-12-31")
        #expect(Self.date("13-05-2024") == "2024-05-13")
    }

    @Test func slashDateWithSecondPartAbove12IsMonthFirst() {
        #expect(Self.date("05/13/2024") == "2024-05-13")
        #expect(Self.date("11/14/2019 17:01:25") == "2019-11-14")
    }

    @Test func slashDateThatReadsBothWaysIsAmbiguousWithoutAHint() {
        #expect(Self.problem("05/06/2024") == .ambiguous)
        #expect(Self.problem("05/06/24") == .ambiguous)
        #expect(Self.problem("1/2/2024") == .ambiguous)
        #expect(Self.problem("05-06-2024") == .ambiguous)
    }

    @Test func theHintDecidesOnlyWhatReadsBothWays() {
        #expect(Self.date("05/06/2024", order: .dayFirst) == "2024-06-05")
        #expect(Self.date("05/06/2024", order: .monthFirst) == "2024-05-06")
        // a value that reads only one way is read that way, whatever the hint
        #expect(Self.date("13/05/2024", order: .monthFirst) == "2024-05-13")
        #expect(Self.date("05/13/2024", order: .dayFirst) == "2024-05-13")
    }

    @Test func sameDayAndMonthNeedsNoHint() {
        #expect(Self.date("05/05/2024") == "2024-05-05")
        #expect(Self.date("12/12/2024") == "2024-12-12")
    }

    @Test func parseColumnUsesTheInferredOrder() {
        let parsed = Dates.parseColumn(["13/05/2024", "05/06/2024", "", "29/02/2023"])
        #expect(parsed.count == 4)
        #expect((try? parsed[0]?.get())?.iso == "2024-05-13")
        #expect((try? parsed[1]?.get())?.iso == "2024-06-05")
        #expect(parsed[2] == nil)
        guard case .failure(.impossible)? = parsed[3] else {
            Issue.record("29/02/2023 should be impossible, got \(String(describing: parsed[3]))")
            return
        }
        let monthFirst = Dates.parseColumn(["05/13/2024", "05/06/2024"])
        #expect((try? monthFirst[1]?.get())?.iso == "2024-05-06")
        let unknown = Dates.parseColumn(["05/06/2024", "07/08/2024"])
        #expect(unknown.allSatisfy { if case .failure(.ambiguous)? = $0 { true } else { false } })
    }

    // MARK: timestamps

    @Test(arguments: [
        ("2019/11/14 5:01:25 PM GMT+6", "2019-11-14"), ("2019/11/14 5:00:09 PM GMT+6", "2019-11-14"),
        ("2022/11/05 10:15:32 AM GMT+6", "2022-11-05"), ("14.11.2019 17:01:25", "2019-11-14"),
        ("16.05.2025 17:42:10", "2025-05-16"), ("2022-11-05 10:15:32", "2022-11-05"),
        ("05.11.2024 0:00", "2024-11-05"), ("2019/11/14 12:30:00 AM GMT+6", "2019-11-14"),
        ("2019/11/14 11:59:59 PM GMT+06:00", "2019-11-14"),
    ])
    func timestampsGiveTheirLocalDate(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso)
    }

    @Test func kazakhstanOffsetsAreLocalTimeAlready() {
        #expect(Self.date("2019/11/14 12:30:00 AM GMT+6") == "2019-11-14")  // Asia/Almaty's until March 2024
        #expect(Self.date("2025/05/16 1:30:00 AM GMT+5") == "2025-05-16")  // the whole country's since
        // GMT+5 was local time in western Kazakhstan before 2024.
        #expect(Self.date("2019/11/14 11:30:00 PM GMT+5") == "2019-11-14")
        #expect(Self.date("2019-11-14T23:30:00+05:00") == "2019-11-14")
    }

    @Test func otherZonesAreConvertedToAlmatyTime() {
        // UTC+6 before 1 March 2024
        #expect(Self.date("2019/11/14 11:50:00 PM GMT") == "2019-11-15")
        #expect(Self.date("2019/11/14 11:50:00 AM GMT") == "2019-11-14")
        #expect(Self.date("2019/11/14 11:30:00 PM GMT+3") == "2019-11-15")
        #expect(Self.date("2023-06-30T18:30:00Z") == "2023-07-01")
        #expect(Self.date("2023-06-30 17:30:00 UTC") == "2023-06-30")
        #expect(Self.date("2023-06-30T08:30:00-10:00") == "2023-07-01")
        // UTC+5 from 2024-03-01 00:00 local (2024-02-29 18:00 UTC)
        #expect(Self.date("2024-02-29T17:59:00Z") == "2024-02-29")
        #expect(Self.date("2024-02-29T18:30:00Z") == "2024-02-29")
        #expect(Self.date("2024-11-05T19:30:00Z") == "2024-11-06")
        #expect(Self.date("2024-11-05T18:59:59Z") == "2024-11-05")
        // summer time (UTC+7) until October 2004
        #expect(Self.date("2003-07-01T17:30:00Z") == "2003-07-02")
        #expect(Self.date("2005-07-01T17:30:00Z") == "2005-07-01")
    }

    @Test(arguments: ["14.11.2019 25:01:25", "14.11.2019 17:61:00", "2019/11/14 13:01:25 PM GMT+6",
                      "2019/11/14 0:01:25 AM GMT+6", "2019/11/14 5:01:25 PM GMT+15"])
    func impossibleTimesAreRejected(_ text: String) {
        #expect(Self.problem(text) == .impossible)
    }

    // MARK: written dates

    @Test(arguments: [
        ("2024 ж. 5 қараша", "2024-11-05"), ("2024 ж. 6 қараша", "2024-11-06"), ("5 қараша 2024", "2024-11-05"),
        ("2024 жылғы 5 қарашада", "2024-11-05"), ("5 қараша 2024 ж.", "2024-11-05"),
        ("5 караша 2024", "2024-11-05"), ("5 ҚАРАША 2024", "2024-11-05"), ("2024ж. 5 қараша", "2024-11-05"),
        ("1 қаңтар 2025", "2025-01-01"), ("29 ақпан 2024", "2024-02-29"), ("14 сәуір 2023", "2023-04-14"),
        ("10 маусым 2022", "2022-06-10"), ("8 қазан 2021", "2021-10-08"), ("22 қыркүйек 2023", "2023-09-22"),
        ("31 желтоқсан 2024", "2024-12-31"), ("31 желтоксан 2024", "2024-12-31"), ("16 мамыр 2025", "2025-05-16"),
        ("24 ж. 5 қараша", "2024-11-05"), ("2024 ж. 5 қараша, сейсенбі", "2024-11-05"),
    ])
    func kazakh(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso)
    }

    @Test(arguments: [
        ("5 ноября 2024 г.", "2024-11-05"), ("6 ноября 2024 г.", "2024-11-06"), ("5 ноябрь 2024", "2024-11-05"),
        ("5-го ноября 2024 года", "2024-11-05"), ("05 ноября 2024г.", "2024-11-05"), ("5 нояб. 2024", "2024-11-05"),
        ("1 сентября 2023", "2023-09-01"), ("31 декабря 2024 г.", "2024-12-31"), ("14 ФЕВРАЛЯ 2020", "2020-02-14"),
        ("вторник, 5 ноября 2024 г.", "2024-11-05"), ("5 ноября 24", "2024-11-05"), ("1 мая 2024", "2024-05-01"),
    ])
    func russian(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso)
    }

    @Test(arguments: [
        ("5 November 2024", "2024-11-05"), ("November 5, 2024", "2024-11-05"), ("5th Nov 2024", "2024-11-05"),
        ("Tuesday, 5 November 2024", "2024-11-05"), ("Nov 5, 2024", "2024-11-05"), ("1st of May 2024", "2024-05-01"),
        ("May 1 2024", "2024-05-01"), ("29 February 2024", "2024-02-29"),
    ])
    func english(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso)
    }

    @Test func decomposedLettersMatchPrecomposedOnes() {
        // "мая"/"май" with й typed as и + U+0306; Kazakh Latin qaraşa with ş as s + U+0327.
        #expect(Self.date("1 ма\u{0438}\u{0306} 2024") == "2024-05-01")
        #expect(Self.date("5 qaras\u{0327}a 2024") == "2024-11-05")
        #expect(Self.date("5 qaraşa 2024") == "2024-11-05")
    }

    // MARK: impossible

    @Test(arguments: ["31.02.2024", "29.02.2023", "30.02.2024", "31.04.2024", "00.01.2024", "32.01.2024",
                      "2024-13-01", "2024-00-10", "29.02.2100", "13/13/2024", "31/02/2024",
                      "30 ақпан 2024", "31 ноября 2024", "29 February 2023", "0 ноября 2024",
                      "Monday, 5 November 2024", "дүйсенбі, 5 қараша 2024"])
    func impossibleDatesAreRejected(_ text: String) {
        #expect(Self.problem(text) == .impossible)
    }

    @Test func leapDays() {
        #expect(Self.date("29.02.2024") == "2024-02-29")
        #expect(Self.problem("29.02.2023") == .impossible)
        #expect(Self.date("29.02.2000") == "2000-02-29")
        #expect(Self.problem("29.02.2100") == .impossible)
        #expect(Self.date("29/02/2024") == "2024-02-29")
        #expect(Self.date("02/29/2024") == "2024-02-29")
    }

    @Test(arguments: ["05.11.1999", "1999-12-31", "31.12.1899", "01.01.2101", "2101-01-01", "5 ноября 1998 г.",
                      "1999/12/31 11:00:00 PM GMT+6"])
    func yearsOutside2000To2100AreRejected(_ text: String) {
        #expect(Self.problem(text) == .impossible)
    }

    @Test func yearBoundsAreInclusive() {
        #expect(Self.date("01.01.2000") == "2000-01-01")
        #expect(Self.date("31.12.2100") == "2100-12-31")
        // a UTC stamp late on 31 December 1999 is already 2000 in Almaty
        #expect(Self.date("1999-12-31T20:00:00Z") == "2000-01-01")
    }

    // MARK: ambiguous and unrecognised

    @Test(arguments: ["05/06/2024", "5 ноября", "5 қараша", "ноябрь 2024", "November", "November 5 24"])
    func ambiguousValuesAreRejected(_ text: String) {
        #expect(Self.problem(text) == .ambiguous)
    }

    @Test(arguments: ["вчера", "45601", "05.11", "2024", "05.11.2024 abc", "5 ноября 2024 abc", "05.11/2024",
                      "2024-11-05 10", "05.11.2024 10:5", "2024-11-5-1", "5 ноября 6 декабря 2024",
                      "5 ноября 2024 2025", "005.11.2024", "05.11.202", "Итого", "38", "n/a"])
    func unrecognisedValuesAreRejected(_ text: String) {
        #expect(Self.problem(text) == .unrecognised)
    }

    @Test func problemsSayWhatWasWrong() {
        guard case .failure(let problem)? = Dates.parse("31.02.2024") else {
            Issue.record("expected a problem")
            return
        }
        #expect(problem.message.contains("31.02.2024"))
        #expect(problem.description.hasPrefix("impossible: "))
    }

    // MARK: the sample exports

    /// Every date form of `sample-data/` (decoded from each file's encoding).
    @Test(arguments: [
        ("2019/11/14 5:00:09 PM GMT+6", "2019-11-14"), ("2019/11/14 5:59:50 PM GMT+6", "2019-11-14"),
        ("20.02.20", "2020-02-20"), ("21.02.20", "2020-02-21"),
        ("08.10.2021", "2021-10-08"), ("09.10.2021", "2021-10-09"),
        ("10.06.2022", "2022-06-10"), ("11.06.2022", "2022-06-11"),
        ("2022/11/05 10:03:53 AM GMT+6", "2022-11-05"),
        ("2023-04-14", "2023-04-14"), ("2023-04-15", "2023-04-15"),
        ("22.09.23", "2023-09-22"), ("23.09.23", "2023-09-23"),
        ("05.11.2024", "2024-11-05"), ("06.11.2024", "2024-11-06"), ("2024 ж. 5 қараша", "2024-11-05"),
        ("2024 ж. 6 қараша", "2024-11-06"), ("5 ноября 2024 г.", "2024-11-05"), ("6 ноября 2024 г.", "2024-11-06"),
        ("16.05.2025 17:07:06", "2025-05-16"), ("16.05.2025 17:40:00", "2025-05-16"),
        ("2026-02-12", "2026-02-12"), ("2026-02-13", "2026-02-13"),
    ])
    func sampleExportDateCells(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso)
    }

    // MARK: the byte-level fast path and the general path agree

    /// Plain digit dates are read from the bytes (`QuickDate`); everything it
    /// does not accept must come out exactly as the general parser says.
    @Test(arguments: [
        ("05.11.2024", "2024-11-05"), (" \t05.11.2024\r\n", "2024-11-05"), ("05.11.2024.", "2024-11-05"),
        ("5.1.24", "2024-01-05"), ("2024-11-05", "2024-11-05"), ("2024/11/05", "2024-11-05"), ("2024.11.05", "2024-11-05"),
        ("2024-1-5", "2024-01-05"), ("13/05/2024", "2024-05-13"), ("05/13/2024", "2024-05-13"), ("05-13-24", "2024-05-13"),
        ("07/07/2024", "2024-07-07"), ("14.11.2019 17:01:25", "2019-11-14"), ("14.11.2019  7:01", "2019-11-14"),
        ("14.11.2019\t17:01:25,5", "2019-11-14"), ("2024-11-05T10:15:32.123", "2024-11-05"),
        ("2024-11-05t10:15", "2024-11-05"), ("05.11.2024. 10:15", "2024-11-05"), ("2000-01-01", "2000-01-01"),
        ("2100-12-31", "2100-12-31"), ("\u{00A0}05.11.2024", "2024-11-05"), ("05.11.2024\u{200B}", "2024-11-05"),
        ("2024-11-05T23:30:00Z", "2024-11-06"), ("2024-11-05 10:15 gmt+6", "2024-11-05"),
    ])
    func quickFormsAndTheirNeighbours(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso, "\(text)")
    }

    @Test(arguments: [
        ("05/06/2024", Kind.ambiguous), ("13/13/2024", .impossible), ("31.02.2024", .impossible),
        ("05.11.1999", .impossible), ("05.11.2101", .impossible), ("0000-01-01", .impossible),
        ("14.11.2019 25:10", .impossible), ("14.11.2019 23:60", .impossible), ("14.11.2019 23:59:60", .impossible),
        ("14.11.2019 7:5", .unrecognised), ("14.11.2019 17:01:", .unrecognised), ("14.11.2019 17:01:25.", .unrecognised),
        ("2024-11-05 T10:15", .unrecognised), ("2024-11-05T", .unrecognised), ("05.11.2024 .", .unrecognised),
        ("05.11.2024..", .unrecognised), ("05.11/2024", .unrecognised), ("123.11.2024", .unrecognised),
        ("2024-111-05", .unrecognised), ("05.11.202", .unrecognised), ("05.11.2024 10", .unrecognised),
    ] as [(String, Kind)])
    func quickPathLeavesEveryProblemToTheGeneralParser(_ text: String, _ kind: Kind) {
        #expect(Self.problem(text) == kind, "\(text)")
    }

    /// `QuickDate.iso` reads exactly `yyyy-mm-dd` as `parse` does: the same
    /// date, or nil where `parse` gives none; on every month and day from 00
    /// to 39 in years at and past the range's ends, leap years included,
    /// and on near-ISO texts `parse` reads otherwise (or `iso` leaves).
    @Test func isoReadsWhatParseReads() {
        func both(_ text: String) -> (Dates.CalendarDate?, Dates.CalendarDate?) {
            Array(text.utf8).withUnsafeBytes { p in
                let parsed: Dates.CalendarDate? = if case .date(let d) = Dates.QuickDate.parse(p, order: nil) { d } else { nil }
                return (Dates.QuickDate.iso(p), parsed)
            }
        }
        var dates = 0
        for year in ["1999", "2000", "2023", "2024", "2100", "2101", "0000", "9999"] {
            for month in 0...19 {
                for day in 0...39 {
                    let text = year + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
                    let (iso, parsed) = both(text)
                    #expect(iso == parsed, "\(text)")
                    if iso != nil { dates += 1 }
                }
            }
        }
        #expect(dates == 366 + 365 + 366 + 365)  // 2000 (leap), 2023, 2024 (leap), 2100 (not leap)
        for text in ["2024-11-5 ", "2024-1105", "2024/11/05", "2024-11-05 ", " 2024-11-05", "２024-11-05", "2024-11-0a", "202x-11-05"] {
            #expect(both(text).0 == nil, "\(text)")
        }
    }

    @Test func slashOrderHintIsUsedByTheFastPathOnlyWhenBothReadingsWork() {
        #expect(Self.date("05/06/2024", order: .dayFirst) == "2024-06-05")
        #expect(Self.date("05/06/2024", order: .monthFirst) == "2024-05-06")
        #expect(Self.date("13/05/2024", order: .monthFirst) == "2024-05-13")  // own order wins
        #expect(Self.date("05.06.2024", order: .monthFirst) == "2024-06-05")  // dots are day first
        #expect(Self.date("06/06/24") == "2024-06-06")  // same number: no ambiguity
    }

    /// Written dates are folded byte by byte when they hold only ASCII, Russian
    /// and Kazakh letters; the folding must be the general one.
    @Test func writtenDatesFoldTheSameWithAndWithoutTheFastFold() {
        for text in ["2024 Ж. 5 ҚАРАША", "5 НОЯБРЯ 2024 Г.", "5\u{00A0}ноября\u{00A0}2024", "  5   November   2024 ",
                     "2024 жылғы 5 қарашада", "5 QARAŞA 2024", "5 qarasha 2024", "5 Ноябрь 2024", "Вторник, 5 ноября 2024",
                     "5 ноя\u{0301}бря 2024", "5 ноября 2024 ё", "Ёлка 2024"] {
            #expect(Dates.DateText.fold(text) == Dates.DateText.generalFold(text), "\(text)")
            let quick = Array(text.utf8).withUnsafeBytes { Dates.DateText.quickFold($0) }
            #expect(quick == nil || quick == Dates.DateText.generalFold(text), "\(text)")
        }
        #expect(Self.date("2024 Ж. 5 ҚАРАША") == "2024-11-05")
        #expect(Self.date("5 НОЯБРЯ 2024 Г.") == "2024-11-05")
    }
}
