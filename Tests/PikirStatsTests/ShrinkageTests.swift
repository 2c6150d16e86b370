import PikirStats
import Testing

struct ShrinkageTests {
    @Test(arguments: Golden.file.shrinkage)
    func ranksLikeTheReference(_ golden: GoldenFile.ShrinkageCase) {
        let groups = golden.groups.map { ShrinkageInput(id: $0.id, n: $0.n, mean: $0.mean) }
        let ranked = Shrinkage(k: golden.k).rank(groups)
        #expect(ranked.map(\.id) == golden.expected.map(\.id))
        #expect(ranked.map(\.rank) == golden.expected.map(\.rank))
        for (actual, expected) in zip(ranked, golden.expected) {
            expectClose(actual.score, expected.score, "score of \(expected.id)")
        }
    }

    @Test func tinySamplesDoNotWin() {
        // μ = 1029/241 ≈ 4.27: one 5.0 scores (5 + 10μ)/11 ≈ 4.34, forty at 4.6 score ≈ 4.53.
        let groups = [ShrinkageInput(id: "one-answer", n: 1, mean: 5),
                      ShrinkageInput(id: "steady", n: 40, mean: 4.6),
                      ShrinkageInput(id: "the-rest", n: 200, mean: 4.2)]
        #expect(Shrinkage().rank(groups).map(\.id) == ["steady", "one-answer", "the-rest"])
        #expect(Shrinkage(k: 0).rank(groups).first?.id == "one-answer")
    }

    @Test func orderDoesNotDependOnInputOrder() {
        let groups = [ShrinkageInput(id: "b", n: 10, mean: 4), ShrinkageInput(id: "a", n: 10, mean: 4),
                      ShrinkageInput(id: "c", n: 3, mean: 4.5), ShrinkageInput(id: "d", n: 50, mean: 3.9)]
        let expected = Shrinkage().rank(groups)
        #expect(Shrinkage().rank(groups.reversed()) == expected)
        #expect(Shrinkage().rank([groups[2], groups[0], groups[3], groups[1]]) == expected)
        #expect(expected.map(\.rank) == [1, 2, 3, 4])
    }

    @Test func scoreFormulaAndPrior() {
        let shrinkage = Shrinkage(k: 10)
        #expect(shrinkage.score(n: 10, mean: 5, prior: 4) == 4.5)
        #expect(shrinkage.score(n: 0, mean: 5, prior: 4) == 4)
        #expect(Shrinkage(k: -3).score(n: 2, mean: 5, prior: 4) == 5)
        #expect(Shrinkage(k: .infinity).score(n: 2, mean: 5, prior: 4) == 4)
        let ranked = shrinkage.rank([ShrinkageInput(id: "x", n: 10, mean: 5)], prior: 3)
        #expect(ranked == [RankedGroup(rank: 1, id: "x", n: 10, mean: 5, score: 4)])
        #expect(Shrinkage.defaultK == 10)
    }

    @Test func groupsWithoutAnswersAreLeftOut() {
        let ranked = Shrinkage().rank([ShrinkageInput(id: "none", n: 0, mean: 0),
                                       ShrinkageInput(id: "nan", n: 4, mean: .nan),
                                       ShrinkageInput(id: "ok", n: 4, mean: 4)])
        #expect(ranked.map(\.id) == ["ok"])
        #expect(Shrinkage().rank([]).isEmpty)
    }
}
