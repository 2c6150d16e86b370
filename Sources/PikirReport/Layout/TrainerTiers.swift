/// Where a trainer stands against the reference mean μ, read off the
/// interval the ranking chart draws for them. A rank number would claim an
/// order the intervals cannot support; a tier claims only what they show.
enum TrainerTier: Int, CaseIterable, Sendable, Comparable {
    /// The whole shrunken interval lies above μ.
    case above
    /// The interval holds μ: the difference could be chance.
    case inLine
    /// The whole shrunken interval lies below μ.
    case below
    /// Fewer answers than `--min-n`: not compared, no statistics shown.
    case tooFew
    /// With a registry, a name it did not resolve: maybe a registered
    /// trainer spelt another way, so never compared beside them.
    case unresolved

    /// The catalogue's word for the tier (`above`, `in_line`, …), as in `trainers.tier.<key>`.
    var key: String {
        switch self {
        case .above: "above"
        case .inLine: "in_line"
        case .below: "below"
        case .tooFew: "too_few"
        case .unresolved: "unresolved"
        }
    }

    /// Tiers placed against μ; the other two are listed apart.
    var isCompared: Bool { self <= .below }

    static func < (a: TrainerTier, b: TrainerTier) -> Bool { a.rawValue < b.rawValue }
}

extension TrainerReport {
    /// A trainer compared with μ, with the chart row their tier is read from.
    struct Placed {
        var trainer: Trainer
        var tier: TrainerTier
        var row: ForestRow
    }

    /// The tier of `t`. An interval that is missing (or NaN) cannot exclude μ, so it reads as in line.
    func tier(of t: Trainer) -> TrainerTier {
        if registryUsed && !t.inRegistry { return .unresolved }
        if t.overall.n < scope.minN || t.overall.summary.mean == nil { return .tooFew }
        let row = forestRow(t)
        guard let reference = overallMean else { return .inLine }
        if row.low > reference { return .above }
        if row.high < reference { return .below }
        return .inLine
    }

    /// The compared trainers as the ranking table and chart show them: above, in line, below, and by
    /// adjusted score (then name) within a tier.
    var placed: [Placed] {
        trainers.compactMap { t -> Placed? in
            let tier = tier(of: t)
            return tier.isCompared ? Placed(trainer: t, tier: tier, row: forestRow(t)) : nil
        }.sorted { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            if a.row.estimate != b.row.estimate { return a.row.estimate > b.row.estimate }
            return (a.trainer.name, a.trainer.id ?? "") < (b.trainer.name, b.trainer.id ?? "")
        }
    }

    /// The trainers in `tier`, by name (for the tiers listed apart).
    func trainers(in tier: TrainerTier) -> [Trainer] {
        trainers.filter { self.tier(of: $0) == tier }.sorted { ($0.name, $0.id ?? "") < ($1.name, $1.id ?? "") }
    }
}
