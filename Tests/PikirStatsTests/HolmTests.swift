import PikirStats
import Testing

struct HolmTests {
    @Test(arguments: Golden.file.holm)
    func matchesIndependentImplementation(_ golden: GoldenFile.HolmCase) {
        let adjusted = Holm.adjust(golden.p)
        #expect(adjusted.count == golden.adjusted.count)
        for (index, (actual, expected)) in zip(adjusted, golden.adjusted).enumerated() {
            expectClose(actual, expected, "adjusted p[\(index)]")
        }
        #expect(Holm.rejected(golden.p, alpha: golden.alpha) == golden.rejected)
    }

    @Test func adjustedValuesAreMonotoneAndCapped() {
        let p = [0.04, 0.001, 0.3, 0.02, 0.02, 0.9, 0.5]
        let adjusted = Holm.adjust(p)
        let order = p.indices.sorted { p[$0] != p[$1] ? p[$0] < p[$1] : $0 < $1 }
        for (a, b) in zip(order, order.dropFirst()) {
            #expect(adjusted[a] <= adjusted[b])
        }
        #expect(adjusted.allSatisfy { $0 <= 1 })
        for (raw, corrected) in zip(p, adjusted) { #expect(corrected >= raw) }
    }

    @Test func rejectionAgreesWithAdjustedValues() {
        let p = [0.001, 0.012, 0.013, 0.04, 0.2]
        for alpha in [0.01, 0.05, 0.1] {
            #expect(Holm.rejected(p, alpha: alpha) == Holm.adjust(p).map { $0 <= alpha })
        }
    }

    @Test func oddInputs() {
        #expect(Holm.adjust([]) == [])
        #expect(Holm.adjust([.nan, 0.01]) == [1, 0.02])
        #expect(Holm.adjust([-0.5, 2]) == [0, 1])
    }
}
