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
    /// Up to the query's `comments` free-text answers, newest session day first, then in the order read.
    public var comments: [String] = []

    public init() {}
}

/// The first free-text answer of a response that says something: its
/// comment, else what could improve, else what was liked. "n/a", "-",
/// "нет", "жоқ" and the like are not comments worth showing.
public enum CommentFilter {
    static let nonAnswers: Set<String> = ["n/a", "na", "no", "none", "nothing", "-", "--", "—", ".", "нет", "ничего", "жоқ", "жок", "ештеңе", "жоқ.", "нет."]

    public static func isNonAnswer(_ text: String) -> Bool {
        let folded = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return folded.isEmpty || nonAnswers.contains(folded) || !folded.contains { $0.isLetter }
    }
}

/// The newest comments of one group while rows are read.
struct CommentPicker {
    let limit: Int
    /// Newest first; within a day, the order read.
    private(set) var kept: [(date: [UInt8], order: Int, text: String)] = []

    /// Whether a comment of this day would be kept (so the text is made only then).
    func wants(date: UnsafeRawBufferPointer) -> Bool {
        kept.count < limit || kept.last!.date.lexicographicallyPrecedes(date)
    }

    mutating func add(date: [UInt8], order: Int, text: String) {
        kept.append((date, order, text))
        kept.sort { a, b in a.date != b.date ? b.date.lexicographicallyPrecedes(a.date) : a.order < b.order }
        if kept.count > limit { kept.removeLast() }
    }
}
