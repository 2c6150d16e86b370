/// One group to rank: an id (a trainer), its number of answers and their mean.
public struct ShrinkageInput: Sendable, Equatable {
    /// The group's identifier; ties in score are broken by it.
    public var id: String
    /// The number of answers.
    public var n: Int
    /// The mean answer.
    public var mean: Double

    /// Creates a group to rank.
    public init(id: String, n: Int, mean: Double) {
        self.id = id
        self.n = n
        self.mean = mean
    }
}

/// A group in a shrinkage ranking.
public struct RankedGroup: Sendable, Equatable {
    /// 1 for the best group, then 2, 3, … with no shared ranks.
    public var rank: Int
    /// The group's identifier.
    public var id: String
    /// The number of answers.
    public var n: Int
    /// The group's own mean.
    public var mean: Double
    /// The shrunken mean the ranking is by, (n·x̄ + k·μ)/(n + k).
    public var score: Double

    /// Creates a ranked group.
    public init(rank: Int, id: String, n: Int, mean: Double, score: Double) {
        self.rank = rank
        self.id = id
        self.n = n
        self.mean = mean
        self.score = score
    }
}

/// A ranking of groups (trainers) that does not reward tiny samples:
/// empirical-Bayes shrinkage of each group's mean toward the overall mean.
///
/// Each group's score is
///
///     score = (n·x̄ + k·μ) / (n + k)
///
/// where x̄ is the group's mean over n answers and μ the prior, by default the
/// overall mean of all answers (Σ nᵢx̄ᵢ / Σ nᵢ). This is the posterior mean
/// when the group's true mean has a prior centred on μ worth k answers: k is
/// the number of answers at which a group's own mean weighs as much as the
/// prior. With an overall mean of 4.3, a trainer with a single 5.0 answer
/// scores (5 + 10·4.3)/11 ≈ 4.36 and no longer outranks one with 40 answers
/// averaging 4.6 (score (184 + 43)/50 = 4.54).
///
/// The default k = 10: with about ten answers (one typical training group) a
/// trainer's own mean counts half; with 40 it counts 80%. Set k from the
/// data when the ratio of within-trainer to between-trainer variance is known
/// (k = σ²_within / σ²_between); k = 0 ranks by raw means.
public struct Shrinkage: Sendable, Equatable {
    /// The default prior weight, in answers.
    public static let defaultK = 10.0

    /// The prior's weight in answers; negative or NaN values act as 0.
    public var k: Double

    /// Creates a ranking with prior weight `k` answers.
    public init(k: Double = Shrinkage.defaultK) {
        self.k = k
    }

    /// The prior weight actually used: k, or 0 when k is negative or NaN.
    var weight: Double { k > 0 ? k : 0 }

    /// The shrunken mean (n·x̄ + k·μ)/(n + k) of one group.
    ///
    /// - Returns: the prior when n ≤ 0 (or k is infinite); the raw mean when
    ///   k = 0 (or the prior is not finite).
    /// - Complexity: O(1).
    public func score(n: Int, mean: Double, prior: Double) -> Double {
        guard n > 0 else { return prior }
        guard prior.isFinite else { return mean }
        if weight.isInfinite { return prior }
        let count = Double(n)
        return (count * mean + weight * prior) / (count + weight)
    }

    /// The groups ranked by shrunken mean toward the overall mean
    /// μ = Σ nᵢx̄ᵢ / Σ nᵢ, best first.
    ///
    /// Groups with no answers (n ≤ 0) or a non-finite mean have nothing to
    /// rank and are left out. Ties in score are broken by id, ascending, so
    /// the order never depends on the input order.
    ///
    /// - Complexity: O(g log g) for g groups.
    public func rank(_ groups: [ShrinkageInput]) -> [RankedGroup] {
        let usable = groups.filter { $0.n > 0 && $0.mean.isFinite }
        var total = 0.0
        var weighted = 0.0
        for group in usable {
            total += Double(group.n)
            weighted += Double(group.n) * group.mean
        }
        guard total > 0 else { return [] }
        return rank(usable, prior: weighted / total)
    }

    /// The groups ranked by shrunken mean toward a given prior μ, best first.
    ///
    /// Groups with no answers or a non-finite mean are left out; ties in score
    /// are broken by id, ascending. A non-finite prior ranks by raw means.
    ///
    /// - Complexity: O(g log g) for g groups.
    public func rank(_ groups: [ShrinkageInput], prior: Double) -> [RankedGroup] {
        let scored = groups
            .filter { $0.n > 0 && $0.mean.isFinite }
            .map { RankedGroup(rank: 0, id: $0.id, n: $0.n, mean: $0.mean,
                               score: score(n: $0.n, mean: $0.mean, prior: prior)) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        return scored.enumerated().map { offset, group in
            var ranked = group
            ranked.rank = offset + 1
            return ranked
        }
    }
}
