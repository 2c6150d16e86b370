import PikirStats
import Testing

struct MannWhitneyUTests {
    @Test(arguments: Golden.file.mannWhitney)
    func matchesSciPyAsymptotic(_ golden: GoldenFile.MannWhitneyCase) {
        let result = MannWhitneyU.test(histogram(golden.a), histogram(golden.b))
        guard let expected = golden.expected else {
            #expect(result == nil)
            return
        }
        guard let result else {
            Issue.record("result is nil")
            return
        }
        #expect(result.n1 == golden.a.count)
        #expect(result.n2 == golden.b.count)
        expectClose(result.u, expected.u, "U")
        expectClose(result.z, expected.z, "z")
        expectClose(result.p, expected.p, "p")
    }

    @Test func allTiedHasNoPValue() throws {
        let result = try #require(MannWhitneyU.test(histogram([3, 3, 3]), histogram([3, 3])))
        #expect(result.u == 3)
        #expect(result.z == nil)
        #expect(result.p == nil)
    }

    @Test func uOfBothOrdersAddsUp() throws {
        let a = histogram([1, 2, 2, 4.5, 5])
        let b = histogram([2, 3, 4.5, 4.5])
        let ab = try #require(MannWhitneyU.test(a, b))
        let ba = try #require(MannWhitneyU.test(b, a))
        #expect(ab.u + ba.u == 20)
        #expect(ab.p == ba.p)
    }

    @Test func emptyGroupIsNil() {
        #expect(MannWhitneyU.test(ScoreHistogram(), histogram([1])) == nil)
        #expect(MannWhitneyU.test(histogram([1]), ScoreHistogram()) == nil)
    }
}
