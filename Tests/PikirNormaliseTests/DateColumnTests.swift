import Testing
@testable import PikirNormalise

/// A date column read as a whole: the day/month order its slash dates
/// settle, the minority that contradicts it, and Excel day numbers.
@Suite struct DateColumnTests {
    /// Each value's date, or `kind: message` for a problem, or nil when blank.
    static func column(_ values: [String]) -> [String?] {
        Dates.parseColumn(values).map { result in
            switch result {
            case .success(let d)?: return d.iso
            case .failure(let p)?: return p.description
            case nil: return nil
            }
        }
    }

    static func census(_ values: [String]) -> Dates.Column {
        var column = Dates.Column()
        for (i, value) in values.enumerated() { column.add(value, line: i + 2) }
        return column
    }

    // MARK: day/month order

    @Test func theCensusCountsOnlyValuesThatReadOneWay() {
        let c = Self.census(["05/06/2024", "13/05/2024", "", "14/05/2024 9:00", "05/13/2024", "13.05.2024",
                             "2024/05/13", "31/02/2024", "05/05/2024", "вчера"])
        #expect(c.dayFirst == 2)
        #expect(c.firstDayFirst == Dates.Column.Example(line: 3, text: "13/05/2024"))
        #expect(c.monthFirst == 1)
        #expect(c.firstMonthFirst == Dates.Column.Example(line: 6, text: "05/13/2024"))
        #expect(c.order == .dayFirst)
        // every valid date counts as written out; the blank, 31/02 and вчера do not
        #expect(c.writtenDates == 7)
        #expect(c.dayNumbers == 0)
    }

    @Test func anEnglishLocaleGoogleSheetIsMonthFirstWhereverItsSettlingValueIs() {
        // Ambiguous stamps before the one that settles the column, and after it.
        let values = ["11/5/2024 14:03:22", "11/5/2024 14:05:01", "3/14/2024 10:00:00", "12/1/2024 9:00:00"]
        #expect(Self.column(values) == ["2024-11-05", "2024-11-05", "2024-03-14", "2024-12-01"])
    }

    @Test func withNoSettlingValueTheAmbiguousOnesAreRejectedAndSaySo() {
        let got = Self.column(["05/06/2024", "07/08/2024", "05/05/2024", "12.05.2024"])
        #expect(got[0]?.hasPrefix("ambiguous: ‘05/06/2024’: day/month or month/day; no date in this column settles it") == true)
        #expect(got[1]?.hasPrefix("ambiguous: ‘07/08/2024’") == true)
        #expect(got[2] == "2024-05-05")  // reads the same either way
        #expect(got[3] == "2024-05-12")  // dots are always day first
    }

    @Test func theMinorityIsRejectedNamingTheFirstValueThatSettledTheColumn() {
        let got = Self.column(["05/06/2024", "13/05/2024", "14/05/2024", "05/13/2024", "25/12/2024"])
        #expect(got[0] == "2024-06-05")
        #expect(got[1] == "2024-05-13")
        #expect(got[2] == "2024-05-14")
        #expect(got[3] == "ambiguous: ‘05/13/2024’ reads only month first (mm/dd/yyyy), but 3 of this column's dates read only day first (dd/mm/yyyy); the first is line 2: ‘13/05/2024’; correct whichever is wrong")
        #expect(got[4] == "2024-12-25")
        // and the other way round: the day-first value is the minority
        let us = Self.column(["12/25/2024", "13/05/2024", "11/30/2024 17:00:00", "1/2/2024"])
        #expect(us[0] == "2024-12-25")
        #expect(us[1]?.hasPrefix("ambiguous: ‘13/05/2024’ reads only day first (dd/mm/yyyy), but 2 of this column's dates read only month first (mm/dd/yyyy); the first is line 1: ‘12/25/2024’") == true)
        #expect(us[2] == "2024-11-30")
        #expect(us[3] == "2024-01-02")
    }

    @Test func aTieHasNoOrderButKeepsTheValuesThatReadOneWay() {
        let got = Self.column(["13/05/2024", "05/13/2024", "05/06/2024"])
        #expect(got[0] == "2024-05-13")
        #expect(got[1] == "2024-05-13")
        #expect(got[2] == "ambiguous: ‘05/06/2024’: day/month or month/day; this column has as many dates that read only day first (line 1: ‘13/05/2024’) as only month first (line 2: ‘05/13/2024’)")
    }

    @Test func aValueThatReadsOneWayButIsNoDateDoesNotCount() {
        // 31/02 reads day first only, but there is no 31 February: no evidence.
        let c = Self.census(["31/02/2024", "05/13/2024"])
        #expect(c.dayFirst == 0)
        #expect(c.order == .monthFirst)
        #expect(Self.column(["31/02/2024", "05/06/2024"])[0]?.hasPrefix("impossible: ") == true)
    }

    // MARK: Excel day numbers

    @Test(arguments: [
        ("45601", "2024-11-05"), ("45602", "2024-11-06"), ("45601.5", "2024-11-05"), ("45601,75", "2024-11-05"),
        ("45351", "2024-02-29"), ("36526", "2000-01-01"), ("73415", "2100-12-31"), ("43783", "2019-11-14"),
        (" 45601 ", "2024-11-05"),
    ])
    func dayNumbersInAColumnOfThemAreExcelDates(_ value: String, _ iso: String) {
        #expect(Self.column(["45000", value]) == ["2023-03-15", iso])
    }

    @Test(arguments: ["36525", "73416", "5", "0", "1234567", "4560"])
    func dayNumbersOutsideTheSurveyYearsAreImpossible(_ value: String) {
        let got = Self.column(["45601", value])
        #expect(got[0] == "2024-11-05")
        #expect(got[1]?.hasPrefix("impossible: ‘\(value)’: as an Excel day number it is no day of 2000…2100") == true)
    }

    @Test func numbersAmongWrittenDatesAreNotDates() {
        let got = Self.column(["45601", "05.11.2024", "", "45602"])
        #expect(got[0] == "unrecognised: ‘45601’: a number, not a date; numbers are read as Excel day numbers only in a column holding no other dates, and this one holds dates written out, like line 2: ‘05.11.2024’")
        #expect(got[1] == "2024-11-05")
        #expect(got[2] == nil)
        #expect(got[3]?.hasPrefix("unrecognised: ‘45602’") == true)
        // text that is no date at all does not stop a column of numbers
        let withText = Self.column(["45601", "n/a"])
        #expect(withText[0] == "2024-11-05")
        #expect(withText[1]?.hasPrefix("unrecognised: ‘n/a’") == true)
    }

    @Test func aNumberAloneIsNoDateWithoutItsColumn() {
        #expect(Dates.parse("45601") != nil)
        guard case .failure(.unrecognised)? = Dates.parse("45601") else {
            Issue.record("45601 without a column should be unrecognised")
            return
        }
    }

    // MARK: the byte check before the reading

    /// `reading` rules values out on their bytes before folding them; what
    /// it rules out must read the same as without that check.
    @Test(arguments: [
        "05.11.2024", "2024-11-05", "2024/11/05 5:01:25 PM GMT+6", "5 ноября 2024 г.", "2024 ж. 5 қараша",
        "14.11.2019 17:01:25", "вчера", "Nov 5, 2024", "5-го ноября 2024 года", "05/06/2024", "13/05/2024",
        "\u{00A0}05/06/2024", "\u{200B}05/06/2024", "45601", "45601.5", " 45601\u{00A0}", "5/6/24", "5-6-2024",
        "45601 ", "１２/05/2024", "05/06/2024 10:00", "45 601", "05\u{2013}06\u{2013}2024", "05\u{2011}06\u{2011}2024",
        "5\u{00A0}/6/2024", "45601\u{200B}", "\u{2003}13/05/2024", "05/13/2024\u{3000}", "45601,5", "4560l",
    ])
    func theByteCheckRulesOutOnlyValuesThatNeedNoColumn(_ text: String) {
        func described(_ r: Dates.Reading?) -> String { r.map { "\($0)" } ?? "blank" }
        #expect(described(Dates.reading(text)) == described(Dates.reading(text, bytesFirst: false)), "\(text)")
        #expect(Dates.reading("\u{00A0}05/06/2024")?.dependsOnColumn == true)
        #expect(Dates.reading("05\u{2013}06\u{2013}2024")?.dependsOnColumn == true)
        #expect(Dates.reading("45601")?.dependsOnColumn == true)
    }
}
