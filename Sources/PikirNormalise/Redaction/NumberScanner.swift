/// IINs and phone numbers: runs of digit groups read left to right.
enum NumberScanner {
    /// One maximal run of digits and what sits just before it.
    struct Group {
        /// Byte range of the digits.
        var start: Int
        var end: Int
        /// Number of digits (a full-width digit is three bytes, one digit).
        var count: Int
        /// Joined to the previous group of its run by exactly one space, NBSP or hyphen.
        var simpleGap: Bool
        /// Values of the first two digits (the second is 0 for a one-digit group).
        var first: Int
        var second: Int
    }

    enum Kind { case iin, phone }

    /// The bytes with IINs and phone numbers replaced, or nil when there are none.
    ///
    /// - Complexity: O(n) in the number of bytes; allocates only when something is replaced.
    static func redact(_ p: UnsafeRawBufferPointer, iins: inout Int, phones: inout Int) -> [UInt8]? {
        let n = p.count
        // A run's groups are each at least one byte, joined by at least one
        // byte: a run holds at most n / 2 + 1 of them, which bounds every
        // write into `groups` (see `run`).
        return withUnsafeTemporaryAllocation(of: Group.self, capacity: n / 2 + 1) { groups -> [UInt8]? in
            var out: [UInt8]?
            var copied = 0  // p[..<copied] is already in out
            var i = 0
            while i < n {
                guard RedactionBytes.digit(p, i) != nil else {
                    i += 1
                    continue
                }
                let count = run(p, from: i, into: groups)
                var k = 0
                while k < count {
                    guard let m = match(p, groups, count, at: k) else {
                        k += 1
                        continue
                    }
                    var start = groups[k].start
                    if m.kind == .phone, start > 0, p[start - 1] == 0x2B || p[start - 1] == 0x28 {
                        start -= 1  // the + of +7, or the ( of (701)
                    }
                    if out == nil {
                        out = []
                        out!.reserveCapacity(n)
                    }
                    out!.append(contentsOf: p[copied..<start])
                    if m.kind == .iin {
                        out!.append(contentsOf: iinToken)
                        iins += 1
                    } else {
                        out!.append(contentsOf: phoneToken)
                        phones += 1
                    }
                    copied = groups[m.last].end
                    k = m.last + 1
                }
                i = groups[count - 1].end
            }
            guard var out else { return nil }
            out.append(contentsOf: p[copied...])
            return out
        }
    }

    static let iinToken = Array(Redaction.iinToken.utf8)
    static let phoneToken = Array(Redaction.phoneToken.utf8)

    /// Reads the run of digit groups starting at the digit at `i` (groups
    /// joined by at most three separator characters) into `groups`; returns
    /// how many. Each group is at least one byte and groups are at least one
    /// byte apart, so at most `p.count / 2 + 1` are written.
    static func run(_ p: UnsafeRawBufferPointer, from i: Int, into groups: UnsafeMutableBufferPointer<Group>) -> Int {
        let n = p.count
        var count = 0
        var pos = i
        var simpleGap = false
        while true {
            let start = pos
            var digits = 0, first = 0, second = 0
            while pos < n, let d = RedactionBytes.digit(p, pos) {
                if digits == 0 { first = d.value } else if digits == 1 { second = d.value }
                digits += 1
                pos += d.length
            }
            groups.baseAddress!.advanced(by: count).initialize(
                to: Group(start: start, end: pos, count: digits, simpleGap: simpleGap, first: first, second: second))
            count += 1
            // Look for the next group within three separator characters.
            var j = pos
            var chars = 0
            var simple = true
            while j < n, chars < 3 {
                let (length, isSimple) = RedactionBytes.separator(p, j)
                if length == 0 { break }
                simple = simple && isSimple
                j += length
                chars += 1
            }
            guard chars > 0, j < n, RedactionBytes.digit(p, j) != nil else { break }
            simpleGap = simple && chars == 1
            pos = j
        }
        return count
    }

    /// A match over groups `g[i...last]`. A phone is tried before a grouped
    /// IIN: no grouped IIN is a phone, but `701 123 45 67 12` reads as both.
    static func match(_ p: UnsafeRawBufferPointer, _ g: UnsafeMutableBufferPointer<Group>, _ count: Int, at i: Int) -> (kind: Kind, last: Int)? {
        if g[i].count == 12 { return (.iin, i) }
        if let j = phoneMatch(p, g, count, at: i) { return (.phone, j) }
        if let j = groupedIINMatch(p, g, count, at: i) { return (.iin, j) }
        return nil
    }

    // MARK: IIN

    /// Groups `i...j` joined by single simple separators, 12 digits in all,
    /// that read as an IIN: a date group of six then any groups (at most
    /// three), or groups of 2–6 digits that are not a list of years (and,
    /// with a group of two, are their whole run).
    static func groupedIINMatch(_ p: UnsafeRawBufferPointer, _ g: UnsafeMutableBufferPointer<Group>, _ count: Int, at i: Int) -> Int? {
        let dateHead = g[i].count == 6
        guard dateHead || (2...6).contains(g[i].count) else { return nil }
        var total = g[i].count
        var sized = true
        var j = i
        while total < 12 {
            j += 1
            guard j < count, g[j].simpleGap else { return nil }
            total += g[j].count
            sized = sized && (2...6).contains(g[j].count)
        }
        guard total == 12 else { return nil }
        if !(dateHead && j <= i + 3) {
            guard sized else { return nil }
            // Lists of two-digit numbers (`8 10 12 15 20 25 30`) and dates
            // (`2024-01-15 2024-02-15`) are common: with a two-digit group,
            // the groups must be the whole run.
            if (i...j).contains(where: { g[$0].count == 2 }) {
                guard i == 0 || !g[i].simpleGap, j + 1 == count || !g[j + 1].simpleGap else { return nil }
            }
            if (i...j).allSatisfy({ g[$0].count == 4 && (g[$0].first == 1 && g[$0].second == 9 || g[$0].first == 2 && g[$0].second == 0) }) {
                return nil  // a list of years
            }
        }
        return readsAsIIN(p, from: g[i].start, to: g[j].end) ? j : nil
    }

    /// The first seven digits in `p[start..<end]` read as YYMMDD with a
    /// month 01–12 and day 01–31, then a century digit 0–6.
    static func readsAsIIN(_ p: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Bool {
        var d = (0, 0, 0, 0, 0, 0, 0)
        var k = 0
        var pos = start
        while pos < end, k < 7 {
            guard let digit = RedactionBytes.digit(p, pos) else {
                pos += 1
                continue
            }
            switch k {
            case 2: d.2 = digit.value
            case 3: d.3 = digit.value
            case 4: d.4 = digit.value
            case 5: d.5 = digit.value
            case 6: d.6 = digit.value
            default: break
            }
            k += 1
            pos += digit.length
        }
        let month = d.2 * 10 + d.3, day = d.4 * 10 + d.5
        return k == 7 && (1...12).contains(month) && (1...31).contains(day) && d.6 <= 6
    }

    // MARK: Phone

    /// First digit of the national number: Kazakh 7xx, Russian 3xx/4xx/8xx/9xx.
    static func isNationalStart(_ digit: Int) -> Bool {
        digit == 7 || digit == 9 || digit == 3 || digit == 4 || digit == 8
    }

    static func phoneMatch(_ p: UnsafeRawBufferPointer, _ g: UnsafeMutableBufferPointer<Group>, _ count: Int, at i: Int) -> Int? {
        let plus = g[i].start > 0 && p[g[i].start - 1] == 0x2B
        let first = g[i].first
        // Prefixed form: 7/8 (or +7) and 10 national digits.
        if first == 7 || (first == 8 && !plus) {
            if let j = span(g, count, from: i, digits: 11), prefixedShape(g, i, j) { return j }
        }
        // National form without a prefix: 10 digits starting 7 or 9.
        if !plus, first == 7 || first == 9 {
            if let j = span(g, count, from: i, digits: 10), nationalShape(g, i, j) { return j }
        }
        return nil
    }

    /// The last group `j` such that `g[i...j]` holds exactly `digits` digits.
    static func span(_ g: UnsafeMutableBufferPointer<Group>, _ count: Int, from i: Int, digits: Int) -> Int? {
        var total = 0
        var j = i
        while j < count {
            total += g[j].count
            if total == digits { return j }
            if total > digits { return nil }
            j += 1
        }
        return nil
    }

    static func prefixedShape(_ g: UnsafeMutableBufferPointer<Group>, _ i: Int, _ j: Int) -> Bool {
        let national: Int
        switch g[i].count {
        case 11:
            national = g[i].second
        case 4, 5:  // prefix and area code written together: 8701 234 56 78
            national = g[i].second
            guard tailShape(g, i + 1, j) else { return false }
        case 1:  // prefix alone: 8 (701) 234-56-78, +7 701 234 5678
            guard j > i, [3, 4, 5, 10].contains(g[i + 1].count) else { return false }
            national = g[i + 1].first
            guard tailShape(g, i + 2, j) else { return false }
        default:
            return false
        }
        return isNationalStart(national)
    }

    static func nationalShape(_ g: UnsafeMutableBufferPointer<Group>, _ i: Int, _ j: Int) -> Bool {
        switch g[i].count {
        case 10: return true
        case 3, 4: return tailShape(g, i + 1, j)
        default: return false
        }
    }

    /// Subscriber groups: two to seven digits each.
    static func tailShape(_ g: UnsafeMutableBufferPointer<Group>, _ from: Int, _ to: Int) -> Bool {
        guard from <= to else { return true }
        for k in from...to where !(2...7).contains(g[k].count) { return false }
        return true
    }
}
