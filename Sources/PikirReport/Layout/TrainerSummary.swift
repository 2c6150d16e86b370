/// The trainers report's answer in plain words, made only from the tiers
/// (so only from intervals that exclude μ, never from a bare difference of
/// means). Each sentence is a whole catalogue plural, so its verb and noun
/// agree with the count in every language.
extension TrainerReport {
    /// Section ids the sentences link to.
    static let rankingID = "ranking", tooFewID = "too-few", unresolvedID = "unresolved"

    /// Above, below and in line (or "nobody stands out" when no one is above or below), then too few
    /// answers, then names not in the registry; empty without any trainer.
    func summary(_ c: Catalogue) -> [Document.Sentence] {
        let counts = Dictionary(grouping: trainers, by: tier(of:)).mapValues(\.count)
        func count(_ tier: TrainerTier) -> Int { counts[tier] ?? 0 }
        let k = ["k": c.integer(scope.minN)]
        var sentences: [Document.Sentence] = []
        let compared = count(.above) + count(.inLine) + count(.below)
        if compared == 0 {
            if !trainers.isEmpty { sentences.append(.init(c.text("trainers.summary_none_compared"), target: Self.rankingID)) }
        } else if count(.above) + count(.below) == 0 {
            sentences.append(.init(c.plural("trainers_all_in_line", count: compared), target: Self.rankingID))
        } else {
            for tier in [TrainerTier.above, .below, .inLine] where count(tier) > 0 {
                sentences.append(.init(c.plural("trainers_" + tier.key, count: count(tier)), target: Self.rankingID))
            }
        }
        if count(.tooFew) > 0 {
            sentences.append(.init(Catalogue.substitute(c.plural("trainers_too_few", count: count(.tooFew)), k), target: Self.tooFewID))
        }
        if count(.unresolved) > 0 {
            sentences.append(.init(c.plural("trainers_unresolved", count: count(.unresolved)), target: Self.unresolvedID))
        }
        return sentences
    }

    /// One trainer's sentences for their own page: their tier against μ, then what it rests on
    /// (answers, sessions, period). No other trainer is named or counted.
    func summary(of t: Trainer, period: String?, target: String, _ f: Formatter) -> [Document.Sentence] {
        let c = f.c, tier = tier(of: t)
        var arguments = ["name": t.name, "k": c.integer(scope.minN)]
        if tier.isCompared {
            arguments["score"] = c.number(forestRow(t).estimate, decimals: 2)
            arguments["mean"] = overallMean.map { c.number($0, decimals: 2) } ?? "—"
        }
        var basis = ["responses": c.plural("responses", count: t.overall.n), "sessions": c.plural("sessions", count: t.sessions)]
        if let period { basis["period"] = period }
        return [
            .init(c.text("trainers.one." + tier.key, arguments), target: target),
            .init(c.text(period == nil ? "trainers.one.basis_undated" : "trainers.one.basis", basis), target: target),
        ]
    }
}
