/// The comments block every report shows the same way: how many were written,
/// then the chosen ones, and nothing at all for a group too small to publish.
enum Comments {
    /// - Parameters:
    ///   - shown: The most informative distinct comments, best first.
    ///   - count: Comments written in all, repeats included.
    ///   - answers: The group's answers; under `minN` its comments could point at a person, so none is shown.
    static func blocks(_ shown: [String], count: Int, answers: Int, minN: Int, _ c: Catalogue) -> [Document.Block] {
        guard !shown.isEmpty else { return [] }
        guard answers >= minN else { return [.note(c.text("label.comments_withheld", ["k": c.integer(minN)]))] }
        var heading = c.text("label.comments") + ": " + c.plural("comments", count: max(count, shown.count))
        if count > shown.count { heading += ". " + c.text("label.comments_selection") }
        return [.paragraph(heading), .list(shown)]
    }
}
