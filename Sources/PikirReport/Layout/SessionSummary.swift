import PikirStats

/// The session report's first screen: the session's overall satisfaction
/// against the trainer's earlier sessions and the region's year, in words.
extension SessionReport {
    /// Where one mean stands against a reference, as their intervals show it.
    enum Standing: String, Equatable {
        case above
        case inLine = "in_line"
        case below

        /// Above or below only when the two 95% intervals do not overlap, which a
        /// reader can check in the table; anything else, intervals missing
        /// included, is "in line": the data does not show a difference.
        static func of(_ mine: Summary, against reference: Summary) -> Standing? {
            guard mine.mean != nil, reference.mean != nil else { return nil }
            guard let m = mine.ci95, let r = reference.ci95 else { return .inLine }
            if m.low > r.high { return .above }
            if m.high < r.low { return .below }
            return .inLine
        }
    }

    /// One sentence against the trainer's earlier sessions (or that there are
    /// none), one against the region's year; none without an overall mean.
    func summary(_ f: Formatter, period: String?) -> [Document.Sentence] {
        let c = f.c
        let mine = questions[0].summary
        guard mine.mean != nil else { return [] }
        let own = ["mean": f.mean(mine), "responses": c.plural("responses", count: questions[0].n)]
        var sentences: [Document.Sentence] = []
        if let period, let standing = Standing.of(mine, against: trainerAverage[0].summary) {
            sentences.append(.init(c.text("session.summary_trainer_" + standing.rawValue, own.merging([
                "reference": f.mean(trainerAverage[0].summary), "sessions": c.plural("sessions", count: trainerEarlierSessions), "period": period,
            ]) { a, _ in a }), target: "session"))
        } else {
            sentences.append(.init(c.text("session.summary_trainer_none", own), target: "session"))
        }
        if let year, region != nil, let standing = Standing.of(mine, against: regionAverage[0].summary) {
            sentences.append(.init(c.text("session.summary_region_" + standing.rawValue, [
                "year": String(year), "region": f.region(region), "reference": f.mean(regionAverage[0].summary),
            ]), target: "session"))
        }
        return sentences
    }
}
