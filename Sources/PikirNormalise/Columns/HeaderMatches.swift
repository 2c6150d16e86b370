import Foundation

/// The folded key and built-in match of each header text seen, so a header
/// is folded and matched once per run: every export of one form repeats the
/// same headers, and each normaliser lane maps them again.
///
/// Built-in matches (field, rule and the words that decided them) depend on
/// the header text alone (a user's mapping is looked up before them, per
/// mapper), so one table serves every mapper.
/// Bounded: emptied when it reaches `limit` entries.
final class HeaderMatches: @unchecked Sendable {
    typealias Match = ColumnMapper.BuiltInMatch

    #if PIKIR_FUZZ
    // A fuzzer's corpus holds tens of thousands of header rows and mutates one
    // header at a time; with room for a few thousand, every input missed and
    // matching headers took half of each execution (measured). A new header
    // text still goes through every rule.
    static let shared = HeaderMatches(limit: 1 << 18)
    #else
    static let shared = HeaderMatches(limit: 4096)
    #endif

    private let limit: Int
    private let lock = NSLock()
    private var table: [String: (key: String, match: Match?)] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    /// The header's key and built-in match, computed by `compute` on a miss.
    func lookUp(_ header: String, compute: (String) -> (key: String, match: Match?)) -> (key: String, match: Match?) {
        lock.lock()
        let hit = table[header]
        lock.unlock()
        if let hit { return hit }
        let value = compute(header)
        lock.lock()
        if table.count >= limit { table.removeAll(keepingCapacity: true) }
        table[header] = value
        lock.unlock()
        return value
    }
}
