import Testing
@testable import PikirNormalise

/// Timestamps as Google Forms' CSV download writes them in each interface
/// language, and the Kazakhstan date their offset gives.
@Suite struct TimestampTests {
    static func date(_ text: String) -> String? {
        guard case .success(let d)? = Dates.parse(text) else { return nil }
        return d.iso
    }

    @Test(arguments: [
        ("2025/02/17 9:41:07 AM GMT+6", "2025-02-17"), ("2025/02/17 9:41:07 PM GMT+6", "2025-02-17"),
        ("2025/02/17 9:41:07 ДП GMT+6", "2025-02-17"), ("2025/02/17 9:41:07 ПП GMT+6", "2025-02-17"),
        ("2025/02/17 9:41:07 дп GMT+6", "2025-02-17"), ("2025/02/17 9:41:07 ТД GMT+5", "2025-02-17"),
        ("2025/02/17 9:41:07 ТК GMT+5", "2025-02-17"), ("2025/02/17 9:41:07 тқ GMT+5", "2025-02-17"),
        ("2025/02/17 21:41:07 GMT+6", "2025-02-17"), ("2025/02/17 9:41:07 GMT+5", "2025-02-17"),
        ("2025/02/17 9:41:07\u{202F}AM GMT+6", "2025-02-17"), ("2019/11/14 5:01:25 PM GMT+06:00", "2019-11-14"),
        ("17.02.2025 9:41:07", "2025-02-17"), ("17.02.2025 21:41:07", "2025-02-17"),
    ])
    func googleFormsDownloadsInEveryLanguage(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso, "\(text)")
    }

    @Test(arguments: ["2025/02/17 13:41:07 ПП GMT+6", "2025/02/17 0:41:07 ДП GMT+6", "2025/02/17 0:41:07 ТД GMT+5"])
    func aTwelveHourClockHasNoHour0Or13(_ text: String) {
        guard case .failure(.impossible)? = Dates.parse(text) else {
            Issue.record("\(text) should be impossible")
            return
        }
    }

    /// GMT+6 is Kazakhstan's own offset until 2024-03-01 00:00 (2024-02-29
    /// 18:00 UTC); from then on the country is on UTC+5 and a GMT+6 stamp
    /// is an hour ahead of it.
    @Test(arguments: [
        ("2025/02/17 11:30:00 PM GMT+6", "2025-02-17"),  // 22:30 in Kazakhstan
        ("2025/02/18 12:30:00 AM GMT+6", "2025-02-17"),  // 23:30 on the 17th
        ("2025/02/18 12:59:59 AM GMT+6", "2025-02-17"),
        ("2025/02/18 1:00:00 AM GMT+6", "2025-02-18"),  // midnight exactly
        ("2025/02/18 0:30:00 GMT+6", "2025-02-17"),
        ("2025/02/18 12:30:00 ДП GMT+6", "2025-02-17"),
        ("2024/02/29 11:59:00 PM GMT+6", "2024-02-29"),  // 17:59 UTC: still UTC+6
        ("2024/03/01 12:30:00 AM GMT+6", "2024-02-29"),  // 18:30 UTC: the clocks went back to 23:30 on the 29th
        ("2024/03/01 1:00:00 AM GMT+6", "2024-03-01"),
        ("2024/02/29 12:30:00 AM GMT+6", "2024-02-29"),
        ("2025/02/18 12:30:00 AM GMT+5", "2025-02-18"),  // Kazakhstan's own
        ("2019/11/14 11:30:00 PM GMT+5", "2019-11-14"),  // the west's own before 2024
        ("2025/02/17 11:30:00 PM GMT+3", "2025-02-18"),  // a form set to Moscow time: 01:30 on the 18th
        ("2025/02/17 7:00:00 PM GMT+3", "2025-02-17"),  // 21:00
        ("2025/02/17 9:59:59 PM GMT+3", "2025-02-17"),  // 23:59:59
        ("2025/02/17 10:00:00 PM GMT+3", "2025-02-18"),  // midnight
        ("2023/02/17 8:59:00 PM GMT+3", "2023-02-17"),  // UTC+6 before 2024: 23:59
        ("2023/02/17 9:00:00 PM GMT+3", "2023-02-18"),  // 00:00 on the 18th
        ("2025/02/17 6:59:59 PM GMT", "2025-02-17"), ("2025/02/17 7:00:00 PM GMT", "2025-02-18"),
    ])
    func theOffsetGivesTheKazakhstanDay(_ text: String, _ iso: String) {
        #expect(Self.date(text) == iso, "\(text)")
    }

    // MARK: the byte-level time and the general parser agree

    /// Every time the normaliser's fast path accepts, `Dates.parse` accepts
    /// too, with the same date; what it refuses goes to `Dates.parse` whole.
    @Test(arguments: [
        "5:01:25 PM GMT+6", "5:01:25 pm gmt+6", "10:15", "10:15:32", "10:15:32.125", "23:59:59", "11:59:59 PM GMT+06:00",
        "11:30:00 PM GMT+5", "12:30:00 AM", "12:30:00 AM GMT+6", "0:30:00 GMT+6", "9:41:07 ДП GMT+6", "9:41:07 ПП",
        "9:41:07 ТД GMT+5", "9:41:07 тк", "9:41:07\u{202F}AM GMT+6", "9:41:07\u{00A0}PM", "11:50:00 PM GMT",
        "11:30:00 PM GMT+3", "17:30:00 UTC", "17:30:00 UTC-0500", "17:30 GMT-10",
        "25:00", "23:60", "23:59:60", "0:30 AM", "13:00 PM", "5:01:25 ПМ", "10", "", "10:15 AM extra", "10:5",
        "10:15:3", "10:15 GMT+15", "10:15 GMT+6:7", "10:15 GMT6", "10:15  AM", "10:15 AM  GMT+6", "10:15 EST",
    ])
    func quickTimeAgreesWithTheGeneralParser(_ time: String) {
        for date in ["2025/02/18", "2019/11/14", "2024/03/01"] {
            let cell = "\(date) \(time)"
            var bytes = Array(time.utf8)
            let quick = bytes.withUnsafeMutableBytes { Dates.QuickTime.parse(UnsafeRawBufferPointer($0)) }
            guard let quick else { continue }
            let general = Self.date(cell)
            #expect(general != nil, "\(cell): the fast path reads the time, the general parser does not")
            if quick.keepsDate == true { #expect(general == Self.date(date), "\(cell)") }
        }
    }

    @Test(arguments: [
        ("5:01:25 PM GMT+6", 17 * 60 + 1, 360), ("12:30:00 AM", 30, nil), ("12:30:00 PM", 12 * 60 + 30, nil),
        ("9:41:07 ДП GMT+6", 9 * 60 + 41, 360), ("9:41:07 ПП GMT+5", 21 * 60 + 41, 300), ("21:41:07 GMT+06:00", 21 * 60 + 41, 360),
        ("17:30:00 UTC-0530", 17 * 60 + 30, -330), ("11:50:00 PM GMT", 23 * 60 + 50, 0),
    ] as [(String, Int, Int?)])
    func quickTimeReadsTheClockAndTheOffset(_ time: String, _ minute: Int, _ offset: Int?) {
        var bytes = Array(time.utf8)
        let got = bytes.withUnsafeMutableBytes { Dates.QuickTime.parse(UnsafeRawBufferPointer($0)) }
        #expect(got == Dates.QuickTime.Time(minuteOfDay: minute, offset: offset))
    }

    @Test func whetherATimeCanMoveItsDate() {
        func keeps(_ time: String) -> Bool?? {
            var bytes = Array(time.utf8)
            return bytes.withUnsafeMutableBytes { Dates.QuickTime.parse(UnsafeRawBufferPointer($0)) }.map(\.keepsDate)
        }
        #expect(keeps("23:30") == .some(true))
        #expect(keeps("11:30:00 PM GMT+5") == .some(true))
        #expect(keeps("1:00:00 AM GMT+6") == .some(true))
        #expect(keeps("12:59:59 AM GMT+6") == .some(nil))  // depends on whether it is before March 2024
        #expect(keeps("11:30:00 PM GMT+3") == .some(false))
        #expect(keeps("11:30:00 PM GMT") == .some(false))
        #expect(keeps("half past ten") == nil)
    }
}
