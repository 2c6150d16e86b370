/// n, mean and sample standard deviation of a histogram, by two passes over
/// its distinct values.
struct Moments {
    var n: Int
    var mean: Double
    /// Σ c·(x − mean)²
    var sumOfSquares: Double

    init(_ bins: [ScoreHistogram.Bin]) {
        var n = 0
        var sum = 0.0
        for bin in bins {
            n += bin.count
            sum += Double(bin.count) * bin.value
        }
        self.n = n
        guard n > 0 else {
            mean = 0
            sumOfSquares = 0
            return
        }
        var mean = sum / Double(n)
        // Clamp rounding so the mean never leaves [min, max].
        mean = Swift.min(Swift.max(mean, bins[0].value), bins[bins.count - 1].value)
        var squares = 0.0
        for bin in bins {
            let deviation = bin.value - mean
            squares += Double(bin.count) * deviation * deviation
        }
        if bins.count == 1 { squares = 0 }
        self.mean = mean
        self.sumOfSquares = squares
    }

    /// The sample variance Σ c·(x − x̄)² / (n − 1); `nil` when n < 2.
    var variance: Double? { n >= 2 ? sumOfSquares / Double(n - 1) : nil }

    /// The sample standard deviation; `nil` when n < 2.
    var sd: Double? { variance.map { $0.squareRoot() } }

    /// mean ± t₀.₉₇₅,df · se.
    static func meanInterval(mean: Double, se: Double, degreesOfFreedom: Double) -> Interval? {
        guard let t = StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom) else { return nil }
        return Interval(center: mean, halfWidth: t * se)
    }
}
