import PikirNormalise

/// The known values nearest a typed one, for "did you mean" in a warning.
public enum ClosestValues {
    /// Up to `count` of `known`, by edit distance between folded forms
    /// (`TextFolding.matchKey`: case, script and spelling variants do not
    /// count), then alphabetically; each value once.
    public static func closest(to typed: String, among known: [String], count: Int) -> [String] {
        let target = folded(typed)
        var best: [(distance: Int, value: String)] = []
        var seen: Set<String> = []
        for value in known where seen.insert(value).inserted {
            best.append((distance(target, folded(value)), value))
        }
        return best.sorted { ($0.distance, $0.value) < ($1.distance, $1.value) }.prefix(count).map(\.value)
    }

    /// The matching key, or the lower-cased text when folding leaves nothing (`—`, `KZ-75` stays comparable).
    private static func folded(_ text: String) -> [Unicode.Scalar] {
        let key = TextFolding.matchKey(text)
        return Array((key.isEmpty ? text.lowercased() : key).unicodeScalars)
    }

    /// Levenshtein distance: insertions, deletions and substitutions, each 1.
    ///
    /// - Complexity: O(a·b) time, O(b) memory.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
