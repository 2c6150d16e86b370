import PikirStats
import Testing

struct SmallCellSuppressionTests {
    @Test(arguments: Golden.file.suppressionOneWay)
    func oneWayPatterns(_ golden: GoldenFile.OneWayCase) {
        let marks = SmallCellSuppression(threshold: golden.threshold).suppress(counts: golden.counts)
        #expect(marks.map(name) == golden.expected)
    }

    @Test(arguments: Golden.file.suppressionTwoWay)
    func twoWayPatterns(_ golden: GoldenFile.TwoWayCase) {
        let marks = SmallCellSuppression(threshold: golden.threshold).suppress(table: golden.table)
        #expect(marks.map { $0.map(name) } == golden.expected)
    }

    @Test func everyLineEndsWithNoneOrAtLeastTwoSuppressed() {
        var seed: UInt64 = 7
        for _ in 0..<200 {
            let rows = Int(next(&seed) % 4) + 2
            let columns = Int(next(&seed) % 4) + 2
            let table = (0..<rows).map { _ in (0..<columns).map { _ in Int(next(&seed) % 14) } }
            let marks = SmallCellSuppression().suppress(table: table)
            for row in marks {
                let count = row.filter(\.isSuppressed).count
                #expect(count == 0 || count >= 2, "\(table)")
            }
            for column in 0..<columns {
                let count = marks.filter { $0[column].isSuppressed }.count
                #expect(count == 0 || count >= 2, "\(table)")
            }
            for (row, line) in table.enumerated() {
                for (column, count) in line.enumerated() {
                    #expect((marks[row][column] == .primary) == (count >= 1 && count < 5))
                }
            }
        }
    }

    @Test func defaultsAndZeroCells() {
        let rule = SmallCellSuppression()
        #expect(rule.threshold == 5)
        #expect(!rule.isSmall(0))
        #expect(rule.isSmall(1) && rule.isSmall(4))
        #expect(!rule.isSmall(5))
        #expect(rule.suppress(counts: [0, 0, 7]) == [.published, .published, .published])
        #expect(SmallCellSuppression(threshold: 1).suppress(counts: [1, 2]) == [.published, .published])
    }

    private func name(_ mark: CellSuppression) -> String {
        switch mark {
        case .published: "published"
        case .primary: "primary"
        case .complementary: "complementary"
        }
    }

    private func next(_ state: inout UInt64) -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
}
