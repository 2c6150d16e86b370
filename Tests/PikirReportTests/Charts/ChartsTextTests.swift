@testable import PikirReport
import Testing

@Suite("Charts: text charts")
struct ChartsTextTests {
    @Test("bar: full blocks, one eighth block, padded with spaces to the width")
    func bar() {
        #expect(TextChart.bar(0.5, width: 4) == "██  ")
        #expect(TextChart.bar(0, width: 4) == "    ")
        #expect(TextChart.bar(1, width: 4) == "████")
        #expect(TextChart.bar(0.3, width: 4) == "█▎  ")  // 9.6 eighths → 10 = 1 full + 2/8
        #expect(TextChart.bar(0.25 + 1.0 / 32, width: 4) == "█▏  ")
        #expect(TextChart.bar(7.0 / 8, width: 1) == "▉")
        #expect(TextChart.bar(0.001, width: 4) == "▏   ")  // any share above 0 shows
        #expect(TextChart.bar(0.999, width: 4) == "████")  // nearest eighth
        #expect(TextChart.bar(1.5, width: 3) == "███")
        #expect(TextChart.bar(-1, width: 3) == "   ")
        #expect(TextChart.bar(.nan, width: 3) == "   ")
        #expect(TextChart.bar(.infinity, width: 3) == "   ")
        #expect(TextChart.bar(0.5, width: 0) == "")
        #expect(TextChart.bar(0.5, width: -2) == "")
    }

    @Test("bar: every eighth of a 4-cell bar, always exactly 4 columns, growing one eighth at a time")
    func barSteps() {
        let blocks: [Character: Int] = ["▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7, "█": 8, " ": 0]
        for k in 0...32 {
            let bar = TextChart.bar(Double(k) / 32, width: 4)
            #expect(bar.count == 4 && DisplayWidth.of(bar) == 4, "\(k)")
            #expect(bar.reduce(0) { $0 + (blocks[$1] ?? -100) } == k, "\(k): \(bar)")
        }
    }

    @Test("sparkline: eight equal bins over the range")
    func sparkline() {
        #expect(TextChart.sparkline([1, 2, 3, 4, 5], range: 1...5) == "▁▃▅▇█")
        #expect(TextChart.sparkline([], range: 1...5) == "")
        #expect(TextChart.sparkline([0, 10], range: 1...5) == "▁█")
        #expect(TextChart.sparkline([.nan, 3, .infinity], range: 1...5) == " ▅ ")
        #expect(TextChart.sparkline([3, 4], range: 3...3) == "▄▄")
        #expect(TextChart.sparkline([1, 1.49, 1.5, 4.99], range: 1...5) == "▁▁▂█")
        #expect(TextChart.sparkline([-100, 0, 100], range: -100...100) == "▁▅█")
        #expect(TextChart.sparkline((0..<8).map { Double($0) + 0.5 }, range: 0...8) == "▁▂▃▄▅▆▇█")
        #expect(TextChart.sparkline([2], range: -Double.infinity...Double.infinity) == "▄")
    }

    @Test("diverging: low ▓ and half of mid ░ left of │, the other half ░ and high █ right")
    func diverging() {
        #expect(TextChart.diverging(low: 0.2, mid: 0.2, high: 0.6, width: 21) == "       ▓▓░│░██████   ")
        #expect(TextChart.diverging(low: 1, mid: 0, high: 0, width: 7) == "▓▓▓│   ")
        #expect(TextChart.diverging(low: 0, mid: 0, high: 1, width: 7) == "   │███")
        #expect(TextChart.diverging(low: 0, mid: 1, high: 0, width: 7) == " ░░│░░ ")
        #expect(TextChart.diverging(low: 0, mid: 0, high: 0, width: 5) == "  │  ")
        #expect(TextChart.diverging(low: .nan, mid: -1, high: 0, width: 5) == "  │  ")
        #expect(TextChart.diverging(low: 2, mid: 2, high: 6, width: 21) == "       ▓▓░│░██████   ")  // counts normalised
        #expect(TextChart.diverging(low: 0.5, mid: 0, high: 0.5, width: 6) == " ▓│█  ")  // even width: 2 + │ + 2 + one space
        #expect(TextChart.diverging(low: 0, mid: 0, high: 1, width: 8) == "   │███ ")
        #expect(TextChart.diverging(low: 0.3, mid: 0.4, high: 0.3, width: 1) == "│")
        #expect(TextChart.diverging(low: 0.3, mid: 0.4, high: 0.3, width: 0) == "")
    }

    @Test("diverging: always exactly the width, the centre where it should be")
    func divergingWidth() {
        for width in 1...30 {
            for (l, m, h) in [(0.1, 0.2, 0.7), (0.45, 0.1, 0.45), (0.34, 0.33, 0.33), (0, 0.01, 0.99), (1.0 / 3, 1.0 / 3, 1.0 / 3)] {
                let bar = TextChart.diverging(low: l, mid: m, high: h, width: width)
                #expect(bar.count == width && DisplayWidth.of(bar) == width)
                #expect(Array(bar)[(width - 1) / 2] == "│")
            }
        }
    }

    @Test("interval: dashes from low to high, the point on the estimate's cell")
    func interval() {
        #expect(TextChart.interval(estimate: 3, low: 2, high: 4, scale: 1...5, width: 9) == "  ──●──  ")
        #expect(TextChart.interval(estimate: 1, low: 1, high: 5, scale: 1...5, width: 9) == "●────────")
        #expect(TextChart.interval(estimate: 4.2, low: 4.1, high: 4.3, scale: 1...5, width: 9) == "      ●─ ")  // cells 6.2, 6.4, 6.6
        #expect(TextChart.interval(estimate: 3, low: 4, high: 2, scale: 1...5, width: 9) == "  ──●──  ")  // swapped
        #expect(TextChart.interval(estimate: 3, low: .nan, high: 4, scale: 1...5, width: 9) == "    ●    ")
        #expect(TextChart.interval(estimate: .nan, low: 2, high: 4, scale: 1...5, width: 9) == "         ")
        #expect(TextChart.interval(estimate: 3, low: 2, high: 4, scale: 1...5, width: 0) == "")
        #expect(TextChart.interval(estimate: 3, low: 2, high: 4, scale: 1...5, width: 1) == "●")
        // NPS scale, 21 cells: one cell per 10 points.
        #expect(TextChart.interval(estimate: 20, low: -10, high: 50, scale: -100...100, width: 21)
            == "         ───●───     ")
    }

    @Test("interval: cut by the axis, the edge shows < or >, unless the point is there")
    func intervalClipped() {
        #expect(TextChart.interval(estimate: 3, low: -.infinity, high: 4, scale: 1...5, width: 9) == "<───●──  ")
        #expect(TextChart.interval(estimate: 3, low: 2, high: 9, scale: 1...5, width: 9) == "  ──●───>")
        #expect(TextChart.interval(estimate: 3, low: 0, high: 6, scale: 1...5, width: 9) == "<───●───>")
        #expect(TextChart.interval(estimate: 4.9, low: 4, high: 6, scale: 1...5, width: 9) == "      ──●")
        #expect(TextChart.interval(estimate: 7, low: .nan, high: .nan, scale: 1...5, width: 9) == "        ●")
    }
}

@Suite("Charts: palette")
struct ChartsPaletteTests {
    @Test("the Okabe–Ito colours the issue names")
    func colours() {
        #expect(ChartPalette.low == "#D55E00")
        #expect(ChartPalette.mid == "#BBBBBB")
        #expect(ChartPalette.high == "#0072B2")
        #expect(ChartPalette.reference == "#999999")
        for c in [ChartPalette.low, ChartPalette.mid, ChartPalette.high, ChartPalette.point, ChartPalette.reference,
                  ChartPalette.grid, ChartPalette.text, ChartPalette.axis, ChartPalette.onLow, ChartPalette.onMid,
                  ChartPalette.onHigh] {
            #expect(ChartPalette.luminance(c) != nil, "\(c)")
        }
    }

    @Test("contrast as documented: text ≥ 4.5:1, bars ≥ 3:1 on white")
    func contrast() throws {
        let white = "#FFFFFF"
        #expect(abs(try #require(ChartPalette.contrast("#000000", white)) - 21) < 1e-9)
        #expect(ChartPalette.contrast("#FFFFFF", white) == 1)
        #expect(ChartPalette.contrast("red", white) == nil)
        // Published value for #767676 on white: 4.54:1.
        #expect(abs(try #require(ChartPalette.contrast(ChartPalette.axis, white)) - 4.54) < 0.01)
        for (ink, paper) in [(ChartPalette.onLow, ChartPalette.low), (ChartPalette.onMid, ChartPalette.mid),
                             (ChartPalette.onHigh, ChartPalette.high), (ChartPalette.text, white),
                             (ChartPalette.point, white), (ChartPalette.axis, white)] {
            #expect(try #require(ChartPalette.contrast(ink, paper)) >= 4.5, "\(ink) on \(paper)")
        }
        for bar in [ChartPalette.low, ChartPalette.high] {
            #expect(try #require(ChartPalette.contrast(bar, white)) >= 3, "\(bar)")
        }
        // White on vermillion would fail, which is why its labels are black.
        #expect(try #require(ChartPalette.contrast(white, ChartPalette.low)) < 4.5)
        // Low and high differ in lightness too, for grey-scale print.
        let l = try #require(ChartPalette.luminance(ChartPalette.low)), h = try #require(ChartPalette.luminance(ChartPalette.high))
        #expect(abs(l - h) > 0.05)
    }
}
