import Foundation
import Testing
@testable import PikirFuzzing

/// Every input a fuzzer found a fault with (kept in `Regressions/`, each
/// named for what it broke), and the sample exports the fuzzers start from,
/// checked against the same promises the fuzzers check.
struct RegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func files(in folder: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") && !$0.hasSuffix(".json") && !$0.hasSuffix(".py") }
            .sorted().map { "\(folder)/\($0)" }
    }

    static let inputs = files(in: "Tests/PikirFuzzingTests/Regressions") + files(in: "sample-data")
        .filter { !$0.hasSuffix("registries") }

    @Test func thereAreRegressionsAndSamples() {
        #expect(Self.files(in: "Tests/PikirFuzzingTests/Regressions").count >= 1)
        #expect(Self.files(in: "sample-data").count >= 10)
    }

    @Test(arguments: inputs)
    func readAndNormalise(_ input: String) throws {
        try ExportCheck.check(path: Self.root.appendingPathComponent(input).path)
    }

    @Test(arguments: inputs)
    func ingestIntoAWarehouse(_ input: String) throws {
        try WarehouseCheck.check(path: Self.root.appendingPathComponent(input).path)
    }
}
