import PikirNormalise
import PikirModel

/// A question whose answers are aggregated: one of the canonical questions,
/// on its scale (1–5, or 0–10 for `nps`).
public struct Measure: Sendable, Hashable, CustomStringConvertible {
    public let question: Scores.Question

    public init(_ question: Scores.Question) { self.question = question }

    /// The measure named `name` (a canonical question), or nil.
    public init?(name: String) {
        guard let question = Scores.Question(rawValue: name.lowercased()) else { return nil }
        self.question = question
    }

    public var name: String { question.rawValue }
    public var description: String { name }

    /// The answer scale: top-2 and bottom-2 boxes are its two highest and lowest points.
    public var scale: ClosedRange<Int> { question == .nps ? 0...10 : 1...5 }

    var column: ScanColumn {
        switch question {
        case .overall: .overall
        case .delivery: .delivery
        case .content: .content
        case .organisation: .organisation
        case .applicability: .applicability
        case .nps: .nps
        }
    }

    public static let all = Scores.Question.allCases.map(Measure.init)
}
