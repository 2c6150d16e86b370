extension Dates {
    /// The byte-level reading of the time after a timestamp's date, so that a
    /// column of timestamps (all distinct) is parsed once per distinct date:
    /// `17:01:25`, `5:01:25 PM GMT+6`, `9:41:07 ДП GMT+6`, `21:41:07 GMT+06:00`.
    ///
    /// It only ever accepts a valid time; anything else (an hour 25, `0:10 AM`,
    /// a zone it does not know, text after it) is `nil`, and the whole cell
    /// then goes to `Dates.parse`, which says what is wrong.
    enum QuickTime {
        struct Time: Equatable {
            /// Minutes since midnight, on a 24-hour clock.
            var minuteOfDay: Int
            /// Written offset from UTC in minutes; `nil` when none was written.
            var offset: Int?

            /// Whether the date written before this time is the Kazakhstan
            /// date: `true` when no zone is written or the zone is Kazakhstan's
            /// in every year (`GMT+5`), or `GMT+6` an hour or more after midnight
            /// (one hour back, to UTC+5 from March 2024, stays on the same day);
            /// `nil` when it depends on the date (`GMT+6` before 01:00: local
            /// before 2024-03-01, the day before from then on); `false` for any
            /// other zone (see `KazakhstanTime`).
            var keepsDate: Bool? {
                switch offset {
                case nil, 300?: return true
                case 360?: return minuteOfDay >= 60 ? true : nil
                default: return false
                }
            }
        }

        @inline(__always)
        private static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

        /// A space as Google writes it: ASCII, no-break (U+00A0) or narrow
        /// no-break (U+202F, before AM/PM in recent locale data); its length.
        @inline(__always)
        private static func space(_ p: UnsafeRawBufferPointer, _ i: Int) -> Int {
            let n = p.count
            if p[i] == 0x20 { return 1 }
            if p[i] == 0xC2, i + 1 < n, p[i + 1] == 0xA0 { return 2 }
            if p[i] == 0xE2, i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0xAF { return 3 }
            return 0
        }

        @inline(__always)
        private static func number(_ p: UnsafeRawBufferPointer, _ i: inout Int) -> (value: Int, digits: Int) {
            var value = 0, digits = 0
            while i < p.count, isDigit(p[i]), digits < 4 {
                value = value * 10 + Int(p[i] &- 0x30)
                digits += 1
                i += 1
            }
            return (value, digits)
        }

        /// The 12-hour marker at `i`: `false` for AM, `true` for PM, with its
        /// length. AM/PM in any case (English); ДП/ПП (Russian and Ukrainian
        /// locale data); ТД/ТК, also ТҚ (Kazakh: түске дейін, түстен кейін).
        private static func marker(_ p: UnsafeRawBufferPointer, _ i: Int) -> (pm: Bool, length: Int)? {
            let n = p.count
            guard i + 1 < n else { return nil }
            let a = p[i] | 0x20, b = p[i + 1] | 0x20
            if (a == 0x61 || a == 0x70), b == 0x6D { return (a == 0x70, 2) }  // am, pm
            guard i + 3 < n else { return nil }
            // Two Cyrillic letters, each two bytes; lower-cased to compare.
            func letter(_ k: Int) -> UInt32? {
                let lead = p[k], trail = p[k + 1]
                guard lead & 0xE0 == 0xC0, trail & 0xC0 == 0x80 else { return nil }
                let v = UInt32(lead & 0x1F) << 6 | UInt32(trail & 0x3F)
                switch v {
                case 0x0410...0x042F: return v + 0x20  // А…Я → а…я
                case 0x049A: return 0x049B  // Қ → қ
                default: return v
                }
            }
            guard let first = letter(i), let second = letter(i + 2) else { return nil }
            switch (first, second) {
            case (0x0434, 0x043F), (0x0442, 0x0434): return (false, 4)  // дп, тд
            case (0x043F, 0x043F), (0x0442, 0x043A), (0x0442, 0x049B): return (true, 4)  // пп, тк, тқ
            default: return nil
            }
        }

        /// The time in `p` (the bytes after the date and its space), or `nil`.
        ///
        /// Forms: `h:mm`, `h:mm:ss`, `h:mm:ss.fff` on a 24-hour clock, or
        /// with a 12-hour marker (see `marker`); then optionally `GMT` or
        /// `UTC`, alone or with `+h`, `+hh`, `+hh:mm`, `+hhmm` (or `-`).
        static func parse(_ p: UnsafeRawBufferPointer) -> Time? {
            let n = p.count
            var i = 0
            let hour = number(p, &i)
            guard hour.digits >= 1, hour.digits <= 2, i < n, p[i] == 0x3A else { return nil }
            i += 1
            let minute = number(p, &i)
            guard minute.digits == 2, minute.value <= 59 else { return nil }
            if i < n, p[i] == 0x3A {
                i += 1
                let second = number(p, &i)
                guard second.digits == 2, second.value <= 59 else { return nil }
                if i < n, p[i] == 0x2E || p[i] == 0x2C {
                    i += 1
                    let start = i
                    while i < n, isDigit(p[i]) { i += 1 }
                    guard i > start else { return nil }
                }
            }
            var h = hour.value
            if i < n {
                let s = space(p, i)
                guard s > 0 else { return nil }
                if let m = marker(p, i + s) {
                    guard (1...12).contains(h) else { return nil }
                    h = h % 12 + (m.pm ? 12 : 0)
                    i += s + m.length
                }
            }
            guard h <= 23 else { return nil }
            var offset: Int?
            if i < n {
                let s = space(p, i)
                guard s > 0, i + s + 2 < n else { return nil }
                i += s
                let (g, m, t) = (p[i] | 0x20, p[i + 1] | 0x20, p[i + 2] | 0x20)
                guard (g, m, t) == (0x67, 0x6D, 0x74) || (g, m, t) == (0x75, 0x74, 0x63) else { return nil }  // gmt, utc
                i += 3
                offset = 0
                if i < n {
                    let sign = p[i]
                    guard sign == 0x2B || sign == 0x2D else { return nil }
                    i += 1
                    let hours = number(p, &i)
                    var minutes = 0, offsetHours = hours.value
                    switch hours.digits {
                    case 1, 2:
                        if i < n, p[i] == 0x3A {
                            i += 1
                            let m = number(p, &i)
                            guard m.digits == 2 else { return nil }
                            minutes = m.value
                        }
                    case 4:
                        (offsetHours, minutes) = (hours.value / 100, hours.value % 100)
                    default:
                        return nil
                    }
                    guard offsetHours <= 14, minutes <= 59 else { return nil }
                    offset = (sign == 0x2B ? 1 : -1) * (offsetHours * 60 + minutes)
                }
            }
            guard i == n else { return nil }
            return Time(minuteOfDay: h * 60 + minute.value, offset: offset)
        }
    }
}
