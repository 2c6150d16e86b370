import Testing
@testable import PikirNormalise

/// Long score cells: no answer is longer than a few dozen characters, so a
/// longer cell is rejected by its length, at once; and every rule stays
/// linear in the length of the cell even without that limit (a `5` and
/// 40,000 `;` took 4.3 s, and 100,000 took 26 s, when trimming was quadratic).
struct ScoreCellLengthTests {
    private static let five = Scores.Scale.oneToFive

    /// The fastest of `runs` runs, in seconds; a run over a second is not repeated.
    private static func seconds(runs: Int = 3, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        var best = Double.infinity
        for run in 0..<runs where run == 0 || best < 1 {
            let time = clock.measure(body).components
            best = min(best, Double(time.seconds) + Double(time.attoseconds) / 1e18)
        }
        return best
    }

    @Test func aMegabyteCellIsRejectedByItsLengthWithoutEchoingIt() {
        let cell = "5" + String(repeating: ";", count: 1_048_575)
        var outcome = Scores.ScoreOutcome.missing
        let elapsed = Self.seconds { outcome = Scores.parse(cell, scale: Self.five) }
        guard case .unrecognised(let reason) = outcome else {
            Issue.record("not rejected: \(outcome)")
            return
        }
        #expect(reason == "a cell of 1048576 characters is too long to be a score (at most \(Scores.maxCellLength)); "
            + "correct the cell to a number or an answer word, or leave it blank if there was no answer.")
        // Linear work on a megabyte takes milliseconds; generous for a debug build on a busy machine.
        #expect(elapsed < 0.5, "\(elapsed) s")
    }

    @Test func theLimitCountsCharactersAfterTrimmingWhiteSpace() {
        let label = String(repeating: "ж", count: Scores.maxCellLength - 4)  // two bytes each
        #expect(Scores.parse("5 - " + label, scale: Self.five) == .value(5))
        guard case .unrecognised(let reason) = Scores.parse("5 - " + label + "ж", scale: Self.five) else {
            Issue.record("a cell one character too long was read")
            return
        }
        #expect(reason.hasPrefix("a cell of \(Scores.maxCellLength + 1) characters is too long"))
        let padded = String(repeating: " ", count: 5_000) + "Өте жақсы" + String(repeating: "\u{00A0}", count: 5_000)
        #expect(Scores.parse(padded, scale: Self.five) == .value(5))
    }

    /// Each shape makes one rule walk the whole cell: trailing punctuation,
    /// quotes, white space, separators and brackets around a label, a long
    /// number. Four times the length must cost about four times the time,
    /// not sixteen.
    @Test(arguments: [
        ("5", ";", ""), ("отлично", "!", ""), ("", "\u{2003}", "5"), ("5 - ", "-", "отлично"),
        ("5 (", "x", ")"), ("«", "«", "хорошо»"), ("отлично (", "5", ")"), ("5", " ", "балла."),
    ])
    func everyRuleIsLinearInTheLengthOfTheCell(head: String, repeated: String, tail: String) {
        func cell(_ n: Int) -> Substring { Substring(head + String(repeating: repeated, count: n) + tail) }
        let short = cell(20_000), long = cell(80_000)
        let expected = Scores.parseAnyLength(short, scale: Self.five, sourceScale: nil)
        #expect(expected.score != nil || expected.rejectReason != nil)
        let shortTime = Self.seconds(runs: 5) { _ = Scores.parseAnyLength(short, scale: Self.five, sourceScale: nil) }
        let longTime = Self.seconds { _ = Scores.parseAnyLength(long, scale: Self.five, sourceScale: nil) }
        // Linear: about 4× (measured 3–5× in a debug build); quadratic: 16×.
        // The slack absorbs a busy machine's noise on times of milliseconds.
        #expect(longTime < 10 * shortTime + 0.05, "20k: \(shortTime) s, 80k: \(longTime) s")
    }
}
