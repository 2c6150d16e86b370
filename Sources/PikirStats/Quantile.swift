extension ScoreHistogram {
    /// The p-quantile of the answers, Hyndman–Fan type 7.
    ///
    /// With the n answers sorted as x₀ ≤ … ≤ xₙ₋₁, h = (n − 1)·p, j = ⌊h⌋:
    ///
    ///     Q(p) = xⱼ + (h − j)·(xⱼ₊₁ − xⱼ)
    ///
    /// This is R's default `quantile` type and NumPy's default
    /// `method="linear"`; the interpolation is evaluated as NumPy does, from
    /// the nearer end. It is the only quantile definition of the module: the
    /// median is Q(0.5), the quartiles Q(0.25) and Q(0.75). The order
    /// statistics are read from cumulative counts, so the value is exact
    /// without sorting anything.
    ///
    /// - Returns: `nil` when the histogram is empty or p is not in 0...1.
    /// - Complexity: O(*d*), *d* distinct values.
    public func quantile(_ p: Double) -> Double? {
        Self.quantile(p, of: bins)
    }

    /// Type-7 quantile of the answers held in `bins` (ascending, no zeros).
    static func quantile(_ p: Double, of bins: [Bin]) -> Double? {
        guard p >= 0, p <= 1 else { return nil }
        var n = 0
        for bin in bins { n += bin.count }
        guard n > 0 else { return nil }
        let h = Double(n - 1) * p
        let j = Swift.min(Int(h.rounded(.down)), n - 1)
        let gamma = h - Double(j)
        let lower = orderStatistic(j, in: bins)
        let upper = orderStatistic(Swift.min(j + 1, n - 1), in: bins)
        return lerp(lower, upper, gamma)
    }

    /// The value of the k-th (0-based) smallest answer.
    static func orderStatistic(_ k: Int, in bins: [Bin]) -> Double {
        var seen = 0
        for bin in bins {
            seen += bin.count
            if k < seen { return bin.value }
        }
        return bins[bins.count - 1].value
    }

    /// a + t·(b − a), computed from b's side when t ≥ ½ (NumPy's `_lerp`),
    /// so that t = 1 gives exactly b.
    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
