import PikirStats
import Testing

struct ScaleBoxesTests {
    @Test(arguments: Golden.file.boxes)
    func topAndBottomBoxesMatchGolden(_ golden: GoldenFile.BoxCase) {
        let h = histogram(golden.values)
        let scale = golden.scale[0]...golden.scale[1]
        check(h.topBox(scale: scale, points: golden.points), golden.top, "top")
        check(h.bottomBox(scale: scale, points: golden.points), golden.bottom, "bottom")
    }

    private func check(_ actual: Proportion?, _ expected: GoldenFile.ProportionExpected?, _ what: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected else {
            #expect(actual == nil, "\(what) should be nil", sourceLocation: sourceLocation)
            return
        }
        guard let actual else {
            Issue.record("\(what) is nil", sourceLocation: sourceLocation)
            return
        }
        #expect(actual.successes == expected.successes, sourceLocation: sourceLocation)
        #expect(actual.n == expected.n, sourceLocation: sourceLocation)
        expectClose(actual.share, expected.share, "\(what) share", sourceLocation: sourceLocation)
        expectClose(actual.ci95, expected.ci95, "\(what) ci95", sourceLocation: sourceLocation)
    }

    @Test func boxesOfTheTwoScales() {
        let fivePoint = histogram([1, 2, 3, 4, 5])
        #expect(fivePoint.topBox(scale: 1...5)?.successes == 2)
        #expect(fivePoint.bottomBox(scale: 1...5)?.successes == 2)
        let elevenPoint = histogram([0, 1, 2, 8, 9, 10])
        #expect(elevenPoint.topBox(scale: 0...10)?.successes == 2)
        #expect(elevenPoint.bottomBox(scale: 0...10)?.successes == 2)
    }

    @Test func decimalsCountByThreshold() {
        // 4.5 and 4 are in the top 2 of 1...5; 3.5 is not. 2 and 1.5 are in the bottom 2; 2.5 is not.
        let h = histogram([4.5, 4, 3.5, 2.5, 2, 1.5])
        #expect(h.topBox(scale: 1...5)?.successes == 2)
        #expect(h.bottomBox(scale: 1...5)?.successes == 2)
    }
}
