import PikirAggregate
import PikirNormalise
import PikirStats

/// Everything a report shows of one question's answers in one group.
public struct QuestionStats: Sendable {
    public let measure: Measure
    public let histogram: ScoreHistogram
    public let summary: Summary
    /// Share of the two highest points of the scale, with its Wilson interval.
    public let top2: Proportion?
    /// For the 0–10 question only.
    public let nps: NPSResult?

    public init(_ measure: Measure, _ histogram: ScoreHistogram) {
        self.measure = measure
        self.histogram = histogram
        summary = histogram.summary(scale: measure.scale)
        top2 = histogram.topBox(scale: measure.scale)
        nps = measure.question == .nps ? histogram.nps() : nil
    }

    public var n: Int { histogram.n }

    /// Shares of the low, middle and high answers: 1–2 / 3 / 4–5 on a 1–5
    /// question, detractors 0–6 / passives 7–8 / promoters 9–10 on the 0–10 one.
    public var lowMidHigh: (low: Double, mid: Double, high: Double)? {
        guard histogram.n > 0 else { return nil }
        let n = Double(histogram.n)
        var low = 0, mid = 0, high = 0
        let (lowMax, highMin) = measure.question == .nps ? (6.0, 9.0) : (2.0, 4.0)
        for (value, count) in histogram.distribution {
            if value <= lowMax { low += count } else if value >= highMin { high += count } else { mid += count }
        }
        return (Double(low) / n, Double(mid) / n, Double(high) / n)
    }
}
