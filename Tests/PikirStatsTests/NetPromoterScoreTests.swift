import PikirStats
import Testing

struct NetPromoterScoreTests {
    @Test(arguments: Golden.file.nps)
    func matchesGolden(_ golden: GoldenFile.NPSCase) {
        let result = histogram(golden.values).nps()
        guard let expected = golden.expected else {
            #expect(result == nil)
            return
        }
        guard let result else {
            Issue.record("NPS is nil")
            return
        }
        #expect(result.n == expected.n)
        #expect(result.promoters == expected.promoters)
        #expect(result.detractors == expected.detractors)
        expectClose(result.score, expected.score, "score")
        expectClose(result.se, expected.se, "se")
        expectClose(result.ci95, expected.ci95, "ci95")
    }

    @Test func categories() throws {
        let result = try #require(histogram([10, 9, 8, 7, 6, 0]).nps())
        #expect(result.promoters == 2)
        #expect(result.passives == 2)
        #expect(result.detractors == 2)
        #expect(result.score == 0)
        let allPromoters = try #require(histogram([9, 10]).nps())
        #expect(allPromoters.score == 100)
        #expect(allPromoters.se == 0)
        #expect(allPromoters.ci95.high == 100 && allPromoters.ci95.low > -100 && allPromoters.ci95.low < 100,
                "two promoters are not certainty: \(allPromoters.ci95)")
        #expect(try #require(histogram([8]).nps()).ci95 == Interval(low: -100, high: 100), "one answer: the whole scale")
    }

    @Test("every split of n = 1…8 answers: inside −100…100, not a point, holding the score")
    func intervalStaysOnTheScale() throws {
        for n in 1...8 {
            for promoters in 0...n {
                for detractors in 0...(n - promoters) {
                    let r = try #require(NPSResult(n: n, promoters: promoters, detractors: detractors))
                    #expect(r.ci95.low >= -100 && r.ci95.high <= 100, "\(promoters)+ \(detractors)− of \(n): \(r.ci95)")
                    #expect(r.ci95.width > 0, "\(promoters)+ \(detractors)− of \(n): \(r.ci95)")
                    #expect(r.ci95.contains(r.score), "\(promoters)+ \(detractors)− of \(n): \(r.score) outside \(r.ci95)")
                }
            }
        }
    }

    @Test func invalidCountsAreNil() {
        #expect(NPSResult(n: 0, promoters: 0, detractors: 0) == nil)
        #expect(NPSResult(n: 3, promoters: 2, detractors: 2) == nil)
        #expect(NPSResult(n: 3, promoters: -1, detractors: 0) == nil)
    }
}
