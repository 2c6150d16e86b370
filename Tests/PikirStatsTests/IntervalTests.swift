import PikirStats
import Testing

struct IntervalTests {
    @Test func centerAndHalfWidth() {
        let i = Interval(center: 4, halfWidth: 0.5)
        #expect(i == Interval(low: 3.5, high: 4.5))
        #expect(i.width == 1)
        #expect(i.contains(4.5) && i.contains(3.5) && !i.contains(4.51))
    }

    @Test func clamping() {
        #expect(Interval(low: -0.2, high: 0.4).clamped(to: 0...1) == Interval(low: 0, high: 0.4))
        #expect(Interval(low: 90, high: 130).clamped(to: -100...100) == Interval(low: 90, high: 100))
    }
}
