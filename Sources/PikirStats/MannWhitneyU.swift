/// The result of a Mann–Whitney U test.
public struct MannWhitneyResult: Sendable, Equatable {
    /// U of the first sample: R₁ − n₁(n₁ + 1)/2, R₁ the first sample's rank
    /// sum with average ranks for ties. U₁/(n₁n₂) is the probability that an
    /// answer from the first group beats one from the second (ties count ½).
    public var u: Double
    /// The size of the first sample.
    public var n1: Int
    /// The size of the second sample.
    public var n2: Int
    /// The standardized statistic (max(U₁, U₂) − n₁n₂/2 − ½)/σ; `nil` when
    /// every answer is tied (σ = 0).
    public var z: Double?
    /// The two-sided p-value, min(1, 2·(1 − Φ(z))); `nil` when every answer
    /// is tied.
    public var p: Double?

    /// Creates a result from its fields.
    public init(u: Double, n1: Int, n2: Int, z: Double?, p: Double?) {
        self.u = u
        self.n1 = n1
        self.n2 = n2
        self.z = z
        self.p = p
    }
}

/// The Mann–Whitney U (Wilcoxon rank-sum) test of whether one group's
/// answers tend to be higher than another's.
public enum MannWhitneyU {
    /// The two-sided Mann–Whitney U test, normal approximation with ties and
    /// continuity corrections.
    ///
    /// With N = n₁ + n₂ and tᵢ the size of each group of tied answers:
    ///
    ///     U₁ = R₁ − n₁(n₁ + 1)/2,  U₂ = n₁n₂ − U₁
    ///     σ² = n₁n₂/12 · ((N + 1) − Σ(tᵢ³ − tᵢ) / (N(N − 1)))
    ///     z  = (max(U₁, U₂) − n₁n₂/2 − ½) / σ
    ///     p  = min(1, 2·(1 − Φ(z)))
    ///
    /// This matches `scipy.stats.mannwhitneyu(a, b, method="asymptotic",
    /// use_continuity=True, alternative="two-sided")`. Histograms make the
    /// ranks cheap: each distinct value is one tie group whose average rank is
    /// read from cumulative counts.
    ///
    /// - Returns: `nil` when either group is empty; a result with `nil` z and
    ///   p when every answer of both groups is the same value.
    /// - Complexity: O(*d*ₐ + *d*ᵦ) in the numbers of distinct values.
    public static func test(_ a: ScoreHistogram, _ b: ScoreHistogram) -> MannWhitneyResult? {
        let left = a.bins
        let right = b.bins
        var n1 = 0
        var n2 = 0
        for bin in left { n1 += bin.count }
        for bin in right { n2 += bin.count }
        guard n1 > 0, n2 > 0 else { return nil }

        var rankSum = 0.0      // R₁
        var tieTerm = 0.0      // Σ(t³ − t)
        var below = 0.0        // answers ranked before the current value
        var distinct = 0
        var i = 0
        var j = 0
        while i < left.count || j < right.count {
            let value: Double
            if j == right.count || (i < left.count && left[i].value <= right[j].value) {
                value = left[i].value
            } else {
                value = right[j].value
            }
            var fromA = 0.0
            var fromB = 0.0
            if i < left.count, left[i].value == value { fromA = Double(left[i].count); i += 1 }
            if j < right.count, right[j].value == value { fromB = Double(right[j].count); j += 1 }
            let tied = fromA + fromB
            rankSum += fromA * (below + (tied + 1) / 2)
            tieTerm += (tied - 1) * tied * (tied + 1)
            below += tied
            distinct += 1
        }

        let count1 = Double(n1)
        let count2 = Double(n2)
        let u1 = rankSum - count1 * (count1 + 1) / 2
        guard distinct > 1 else { return MannWhitneyResult(u: u1, n1: n1, n2: n2, z: nil, p: nil) }
        let u2 = count1 * count2 - u1
        let total = count1 + count2
        let variance = count1 * count2 / 12 * ((total + 1) - tieTerm / (total * (total - 1)))
        guard variance > 0 else { return MannWhitneyResult(u: u1, n1: n1, n2: n2, z: nil, p: nil) }
        let z = (Swift.max(u1, u2) - count1 * count2 / 2 - 0.5) / variance.squareRoot()
        let p = Swift.min(1, 2 * Normal.survival(z))
        return MannWhitneyResult(u: u1, n1: n1, n2: n2, z: z, p: p)
    }
}
