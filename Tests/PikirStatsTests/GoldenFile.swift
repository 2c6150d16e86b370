import Foundation
import PikirStats
import Testing

/// The golden values of Reference/golden.json, computed by
/// Reference/make_golden.py with NumPy/SciPy (see that script). The tests
/// compare the Swift results to them; `nil` stands for JSON `null`, "not
/// computable".
struct GoldenFile: Decodable, Sendable {
    struct SummaryExpected: Decodable, Sendable {
        var n: Int
        var mean, sd, se, min, max, median, p25, p75: Double?
        var ci95: [Double]?
        var distribution: [[Double]]
    }
    struct SummaryCase: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var values: [Double]
        /// The question's scale, [a, b].
        var scale: [Int]
        var expected: SummaryExpected
        var testDescription: String { name }
    }
    struct QuantileCase: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var values: [Double]
        var ps: [Double]
        var expected: [Double?]
        var testDescription: String { name }
    }
    struct WilsonCase: Decodable, Sendable, CustomTestStringConvertible {
        var successes, n: Int
        var confidence: Double
        var expected: [Double]?
        var testDescription: String { "\(successes)/\(n) at \(confidence)" }
    }
    struct ProportionExpected: Decodable, Sendable {
        var successes, n: Int
        var share: Double
        var ci95: [Double]
    }
    struct BoxCase: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var values: [Double]
        var scale: [Int]
        var points: Int
        var top, bottom: ProportionExpected?
        var testDescription: String { "\(name) \(scale) top/bottom \(points)" }
    }
    struct NPSExpected: Decodable, Sendable {
        var n, promoters, detractors: Int
        var score, se: Double
        var ci95: [Double]
    }
    struct NPSCase: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var values: [Double]
        var expected: NPSExpected?
        var testDescription: String { name }
    }
    struct NormalQuantileCase: Decodable, Sendable, CustomTestStringConvertible {
        var p: Double
        var expected: Double?
        var testDescription: String { "p=\(p)" }
    }
    struct NormalCDFCase: Decodable, Sendable, CustomTestStringConvertible {
        var x: Double
        var expected: Double
        var testDescription: String { "x=\(x)" }
    }
    struct TQuantileCase: Decodable, Sendable, CustomTestStringConvertible {
        var p, df: Double
        var expected: Double?
        var testDescription: String { "p=\(p) df=\(df)" }
    }
    struct TCDFCase: Decodable, Sendable, CustomTestStringConvertible {
        var t, df: Double
        var expected: Double?
        var testDescription: String { "t=\(t) df=\(df)" }
    }
    struct ChiSquaredCase: Decodable, Sendable, CustomTestStringConvertible {
        var x, df: Double
        var expected: Double?
        var testDescription: String { "x=\(x) df=\(df)" }
    }
    struct WelchExpected: Decodable, Sendable {
        var meanDifference, se, t, df, p: Double
        var ci95: [Double]
    }
    struct WelchCase: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var a, b: [Double]
        var expected: WelchExpected?
        var testDescription: String { name }
    }
    struct WelchStatsCase: Decodable, Sendable, CustomTestStringConvertible {
        var n1: Int
        var mean1, sd1: Double
        var n2: Int
        var mean2, sd2: Double
        var expected: WelchExpected?
        var testDescription: String { "\(n1),\(mean1),\(sd1) vs \(n2),\(mean2),\(sd2)" }
    }
    struct MannWhitneyExpected: Decodable, Sendable {
        var u: Double
        var z, p: Double?
    }
    struct MannWhitneyCase: Decodable, Sendable, CustomTestStringConvertible {
        var a, b: [Double]
        var expected: MannWhitneyExpected?
        var testDescription: String { "\(a.count) vs \(b.count): \(a.prefix(6)) vs \(b.prefix(6))" }
    }
    struct ChiSquareExpected: Decodable, Sendable {
        var statistic: Double
        var df: Int
        var p, minExpected: Double
    }
    struct ChiSquareCase: Decodable, Sendable, CustomTestStringConvertible {
        var table: [[Int]]
        var expected: ChiSquareExpected?
        var testDescription: String { "\(table)" }
    }
    struct HolmCase: Decodable, Sendable, CustomTestStringConvertible {
        var p: [Double]
        var alpha: Double
        var adjusted: [Double]
        var rejected: [Bool]
        var testDescription: String { "\(p.count) p-values at \(alpha)" }
    }
    struct ChangeExpected: Decodable, Sendable {
        var previousMean, currentMean, difference: Double
        var ci95: [Double]?
        var p: Double?
    }
    struct ChangeCase: Decodable, Sendable, CustomTestStringConvertible {
        var previous, current: [Double]
        var expected: ChangeExpected?
        var testDescription: String { "\(previous.count) → \(current.count) answers" }
    }
    struct CronbachCase: Decodable, Sendable, CustomTestStringConvertible {
        var rows: [[Double]]
        var expected: Double?
        var testDescription: String { "\(rows.count) rows: \(rows.prefix(2))" }
    }
    struct ShrinkageGroup: Decodable, Sendable {
        var id: String
        var n: Int
        var mean: Double
    }
    struct RankedExpected: Decodable, Sendable {
        var rank: Int
        var id: String
        var score: Double
    }
    struct ShrinkageCase: Decodable, Sendable, CustomTestStringConvertible {
        var k: Double
        var groups: [ShrinkageGroup]
        var expected: [RankedExpected]
        var testDescription: String { "k=\(k) \(groups.map(\.id))" }
    }
    struct OneWayCase: Decodable, Sendable, CustomTestStringConvertible {
        var counts: [Int]
        var threshold: Int
        var expected: [String]
        var testDescription: String { "\(counts) k=\(threshold)" }
    }
    struct TwoWayCase: Decodable, Sendable, CustomTestStringConvertible {
        var table: [[Int]]
        var threshold: Int
        var expected: [[String]]
        var testDescription: String { "\(table) k=\(threshold)" }
    }

    var summaries: [SummaryCase] = []
    var quantiles: [QuantileCase] = []
    var wilson: [WilsonCase] = []
    var boxes: [BoxCase] = []
    var nps: [NPSCase] = []
    var normalQuantile: [NormalQuantileCase] = []
    var normalCdf: [NormalCDFCase] = []
    var tQuantile: [TQuantileCase] = []
    var tQuantileHard: [TQuantileCase] = []
    var tCdf: [TCDFCase] = []
    var chi2Sf: [ChiSquaredCase] = []
    var welch: [WelchCase] = []
    var welchStats: [WelchStatsCase] = []
    var mannWhitney: [MannWhitneyCase] = []
    var chiSquare: [ChiSquareCase] = []
    var holm: [HolmCase] = []
    var yearOverYear: [ChangeCase] = []
    var cronbach: [CronbachCase] = []
    var shrinkage: [ShrinkageCase] = []
    var suppressionOneWay: [OneWayCase] = []
    var suppressionTwoWay: [TwoWayCase] = []
}

enum Golden {
    /// Reference/golden.json, found next to this source file.
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Reference/golden.json")

    /// The decoded file, or the error that prevented decoding it.
    static let loaded: Result<GoldenFile, any Error> = Result {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(GoldenFile.self, from: Data(contentsOf: url))
    }

    /// The golden values; empty when the file could not be read
    /// (`GoldenFileTests` fails then).
    static var file: GoldenFile { (try? loaded.get()) ?? GoldenFile() }
}

/// Expects `actual` to match `expected` within 1e-9 relative, with an
/// absolute floor of 1e-12 for values that should be zero; `nil` must match
/// `nil` (JSON null).
func expectClose(_ actual: Double?, _ expected: Double?, _ what: @autoclosure () -> String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    switch (actual, expected) {
    case (nil, nil):
        return
    case let (actual?, expected?):
        let ok = actual.isFinite && abs(actual - expected) <= Swift.max(1e-9 * abs(expected), 1e-12)
        #expect(ok, "\(what()): \(actual) vs expected \(expected)", sourceLocation: sourceLocation)
    case let (actual, expected):
        Issue.record("\(what()): \(String(describing: actual)) vs expected \(String(describing: expected))",
                     sourceLocation: sourceLocation)
    }
}

/// Expects an interval to match a golden [low, high] (or both nil).
func expectClose(_ actual: Interval?, _ expected: [Double]?, _ what: @autoclosure () -> String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    switch (actual, expected) {
    case (nil, nil):
        return
    case let (actual?, expected?) where expected.count == 2:
        expectClose(actual.low, expected[0], "\(what()) low", sourceLocation: sourceLocation)
        expectClose(actual.high, expected[1], "\(what()) high", sourceLocation: sourceLocation)
    case let (actual, expected):
        Issue.record("\(what()): \(String(describing: actual)) vs expected \(String(describing: expected))",
                     sourceLocation: sourceLocation)
    }
}

/// A histogram holding `values`.
func histogram(_ values: [Double]) -> ScoreHistogram {
    var result = ScoreHistogram()
    for value in values { result.ingest(value) }
    return result
}
