import Foundation

/// What a group holds besides its answers: the same for each of its measures.
public struct GroupFacts: Sendable {
    /// Responses in the group, whatever they answered.
    public var responses = 0
    /// Distinct session ids (a response with none counts for none); nil when the query did not ask for `sessions`.
    public var sessions: Int?
    /// The earliest session day, ISO; nil when unknown or not asked for.
    public var firstDate: String?
    /// Ledger ids of the files the group's responses came from (when the query collects them).
    public var files: Set<Int64> = []
    /// Up to the query's `comments` free-text answers: distinct, the most informative first (see `CommentPicker`).
    public var comments: [String] = []
    /// How many responses of the group wrote a comment that says something (repeats counted), when comments are asked for.
    public var commentCount = 0

    public init() {}
}

/// The first free-text answer of a response that says something: its
/// comment, else what could improve, else what was liked. "n/a", "-",
/// "нет", "жоқ" and the like are not comments worth showing.
public enum CommentFilter {
    static let nonAnswers: Set<String> = ["n/a", "na", "no", "none", "nothing", "-", "--", "—", ".", "нет", "ничего", "жоқ", "жок", "ештеңе", "жоқ.", "нет."]

    /// Thanks and praise that say nothing about what to keep or change: shown only when nothing more specific was written.
    static let generic: Set<String> = [
        "спасибо", "спасибо большое", "большое спасибо", "благодарю", "всё понравилось", "все понравилось", "всё отлично", "все отлично",
        "рахмет", "рақмет", "көп рахмет", "көп рақмет", "үлкен рақмет", "бәрі ұнады", "бәрі жақсы",
        "thanks", "thank you", "thank you very much", "all good", "everything was good", "good", "great",
    ]

    /// The comment as compared for repeats: lower case, letters and digits, one space between words.
    static func fold(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    /// The most letters a non-answer word has ("nothing").
    static let longestNonAnswer = nonAnswers.map { $0.unicodeScalars.count }.max() ?? 0

    /// Unicode's White_Space characters (a stable list), without a property
    /// table lookup for every letter.
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    public static func isNonAnswer(_ text: String) -> Bool {
        // A text with more visible characters than any non-answer word is one
        // exactly when it has no letter: decided without trimming or lower-casing
        // it, which cost most of a report's time on a million comments.
        var visible = 0
        for scalar in text.unicodeScalars where !isWhitespace(scalar) {
            visible += 1
            if visible > longestNonAnswer { return !text.contains { $0.isLetter } }
        }
        let folded = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return folded.isEmpty || nonAnswers.contains(folded) || !folded.contains { $0.isLetter }
    }
}

/// The most informative distinct comments of one group while rows are read,
/// and how many comments it has in all.
///
/// A comment says more the longer it is, and a one-word or thank-you comment
/// ("Спасибо", "Рақмет", "Thanks") says least of all, so those come last.
/// Comments that differ only in case, spaces or punctuation are one comment.
/// Only `limit` are kept: a comment pushed out ranks below every kept one, so
/// when it comes again it cannot come back in beside a copy of itself.
struct CommentPicker {
    let limit: Int
    /// Comments that say something, repeats included.
    private(set) var count = 0
    /// Best first.
    private(set) var kept: [(rank: Rank, fold: String, text: String, raw: String)] = []

    struct Rank: Comparable {
        var specific: Bool
        var letters: Int
        var date: [UInt8]
        var order: Int
        /// Specific before generic, longer before shorter, newer before older, then the order read.
        static func < (a: Rank, b: Rank) -> Bool {
            if a.specific != b.specific { return a.specific }
            if a.letters != b.letters { return a.letters > b.letters }
            if a.date != b.date { return b.date.lexicographicallyPrecedes(a.date) }
            return a.order < b.order
        }
    }

    /// At least as many as the letters and digits `CommentFilter.fold` keeps,
    /// from the bytes alone: every scalar but ASCII spaces and punctuation, and
    /// one more for each İ (U+0130, C4 B0), the only letter whose lower case is
    /// two scalars.
    static func letterBound(_ text: String) -> Int {
        var n = 0, previous: UInt8 = 0
        for b in text.utf8 {
            if b < 0x80 {
                if (0x30...0x39).contains(b) || (0x61...0x7A).contains(b | 0x20) { n += 1 }
            } else if b & 0xC0 != 0x80 || (previous == 0xC4 && b == 0xB0) {
                n += 1
            }
            previous = b
        }
        return n
    }

    mutating func add(date: [UInt8], order: Int, text: String) {
        count += 1
        guard limit > 0 else { return }
        // When even `letterBound` letters could not beat the last comment kept,
        // this one cannot come in (repeat or not): most comments of a large
        // group are decided without the folding below.
        if kept.count == limit, let last = kept.last?.rank, last.specific, Self.letterBound(text) < last.letters { return }
        // The same bytes as a kept comment: a repeat, known without folding.
        if kept.contains(where: { $0.raw.utf8.elementsEqual(text.utf8) }) { return }
        let fold = CommentFilter.fold(text)
        guard !kept.contains(where: { $0.fold == fold }) else { return }
        let words = fold.split(separator: " ")
        let rank = Rank(specific: words.count > 1 && !CommentFilter.generic.contains(fold),
                        letters: fold.unicodeScalars.count - words.count + 1, date: date, order: order)
        let at = kept.firstIndex { rank < $0.rank } ?? kept.count
        guard at < limit else { return }
        kept.insert((rank, fold, text.trimmingCharacters(in: .whitespacesAndNewlines), text), at: at)
        if kept.count > limit { kept.removeLast() }
    }
}
