extension ScoreHistogram {
    /// The top-box share: answers in the highest `points` points of the
    /// question's scale, with its Wilson interval.
    ///
    /// On 1...5 the top-2 box is {4, 5}; on 0...10 it is {9, 10}. The rule is
    /// a threshold, x ≥ upperBound − points + 1, so a decimal answer (4.5 on
    /// 1...5, from averaged or rescaled answers) counts when it is at least
    /// the lowest point of the box. The denominator is every answer counted.
    ///
    /// - Returns: `nil` when the histogram is empty or `points` is not in
    ///   1...scale.count.
    /// - Complexity: O(*d*).
    public func topBox(scale: ClosedRange<Int>, points: Int = 2) -> Proportion? {
        guard points >= 1, points <= scale.count else { return nil }
        let threshold = Double(scale.upperBound - points + 1)
        return share { $0 >= threshold }
    }

    /// The bottom-box share: answers in the lowest `points` points of the
    /// question's scale, with its Wilson interval.
    ///
    /// On 1...5 the bottom-2 box is {1, 2}; on 0...10 it is {0, 1}. The rule is
    /// a threshold, x ≤ lowerBound + points − 1, so a decimal answer (1.5 on
    /// 1...5) counts when it is at most the highest point of the box.
    ///
    /// - Returns: `nil` when the histogram is empty or `points` is not in
    ///   1...scale.count.
    /// - Complexity: O(*d*).
    public func bottomBox(scale: ClosedRange<Int>, points: Int = 2) -> Proportion? {
        guard points >= 1, points <= scale.count else { return nil }
        let threshold = Double(scale.lowerBound + points - 1)
        return share { $0 <= threshold }
    }
}
