extension Dates {
    /// Asia/Almaty's UTC offset over the years pikir accepts (from tzdata).
    enum KazakhstanTime {
        /// 2024-03-01 00:00 at UTC+6, when Kazakhstan moved to UTC+5, in
        /// minutes since 1970-01-01 00:00 UTC.
        private static let singleZoneSince =
            CalendarDate.daysSinceEpoch(year: 2024, month: 3, day: 1) * 1440 - 360

        /// Whether a wall clock written with `offset` (minutes east of UTC)
        /// is Kazakhstan's own at `utcMinutes`, so its date is the local date
        /// as written: +5 always (the west before 2024, the whole country
        /// since), +6 until 2024-03-01 00:00 (Asia/Almaty's standard time).
        /// A `GMT+6` stamp from then on is an hour ahead of every Kazakh
        /// clock: `2025/02/18 0:30 GMT+6` was 23:30 on the 17th.
        static func isLocal(offset: Int, atUTCMinutes utcMinutes: Int) -> Bool {
            offset == 300 || (offset == 360 && utcMinutes < singleZoneSince)
        }

        /// The first day on which a `GMT+6` stamp can fall on another
        /// Kazakhstan date: before it, +6 is local (see `isLocal`).
        static let firstDayAtUTCPlus5 = CalendarDate(year: 2024, month: 3, day: 1)!

        /// Asia/Almaty's offset from UTC, in minutes, at `utcMinutes` since the
        /// epoch: +6 h, +7 h in summer 1996–2004 (last Sunday of March to last
        /// Sunday of October, 02:00 standard time), +5 h from 2024-03-01.
        static func offset(atUTCMinutes utcMinutes: Int) -> Int {
            if utcMinutes >= singleZoneSince { return 300 }
            let standardDays = floorDiv(utcMinutes + 360, 1440)
            guard let local = CalendarDate.fromDaysSinceEpoch(standardDays),
                  (1996...2004).contains(local.year) else { return 360 }
            let start = lastSunday(month: 3, year: local.year) * 1440 + 120 - 360
            let end = lastSunday(month: 10, year: local.year) * 1440 + 120 - 360
            return (start..<end).contains(utcMinutes) ? 420 : 360
        }

        /// Days since the epoch of the last Sunday of `month`.
        private static func lastSunday(month: Int, year: Int) -> Int {
            let last = CalendarDate.daysIn(month: month, year: year)
            let days = CalendarDate.daysSinceEpoch(year: year, month: month, day: last)
            let weekday = ((days % 7 + 7) % 7 + 3) % 7 + 1  // ISO, 7 = Sunday
            return days - weekday % 7
        }

        static func floorDiv(_ a: Int, _ b: Int) -> Int {
            a >= 0 ? a / b : -((-a + b - 1) / b)
        }
    }
}
