@testable import PikirReport
import Testing

/// Numbers, percentages and signed changes per language; U+00A0 is the
/// thousands separator and the space before % in Kazakh and Russian.
@Suite("Localisation: numbers")
struct LocalisationNumberTests {
    static let nbsp = "\u{A0}"
    static let minus = "\u{2212}"
    let kk = Catalogue.load(.kk), ru = Catalogue.load(.ru), en = Catalogue.load(.en)

    @Test("number: kk and ru write 4,25 and 1 234,5 with U+00A0; en 4.25 and 1,234.5")
    func brief() {
        for c in [kk, ru] {
            #expect(c.number(4.25, decimals: 2) == "4,25")
            #expect(c.number(1234.5, decimals: 1) == "1\u{A0}234,5")
            #expect(c.number(12345.678, decimals: 2) == "12\u{A0}345,68")
            #expect(c.number(-0.004, decimals: 2) == "0,00")
            #expect(c.number(1e6, decimals: 0) == "1\u{A0}000\u{A0}000")
            #expect(c.number(1e6, decimals: 1) == "1\u{A0}000\u{A0}000,0")
        }
        #expect(en.number(4.25, decimals: 2) == "4.25")
        #expect(en.number(1234.5, decimals: 1) == "1,234.5")
        #expect(en.number(12345.678, decimals: 2) == "12,345.68")
        #expect(en.number(-0.004, decimals: 2) == "0.00")
        #expect(en.number(1e6, decimals: 0) == "1,000,000")
    }

    @Test("Grouping starts at four digits in every language")
    func grouping() {
        #expect(ru.number(999, decimals: 0) == "999")
        #expect(ru.number(1000, decimals: 0) == "1\u{A0}000")
        #expect(kk.number(1234, decimals: 0) == "1\u{A0}234")
        #expect(en.number(1234, decimals: 0) == "1,234")
        #expect(ru.number(123_456_789.5, decimals: 1) == "123\u{A0}456\u{A0}789,5")
        #expect(en.number(1e21, decimals: 0) == "1,000,000,000,000,000,000,000")
        // Rounding carries into a new group.
        #expect(ru.number(999.5, decimals: 0) == "1\u{A0}000")
        #expect(en.number(9999.96, decimals: 1) == "10,000.0")
    }

    @Test("Negative numbers take U+2212 and never show −0")
    func negatives() {
        #expect(ru.number(-1234.5, decimals: 1) == "\u{2212}1\u{A0}234,5")
        #expect(en.number(-0.12, decimals: 2) == "\u{2212}0.12")
        #expect(kk.number(-0.004, decimals: 2) == "0,00")
        #expect(kk.number(-0.0, decimals: 1) == "0,0")
        #expect(en.number(-0.0, decimals: 0) == "0")
        #expect(ru.number(-0.4, decimals: 0) == "0")
        #expect(ru.number(-0.5, decimals: 0) == "\u{2212}1")
        #expect(ru.number(-1e-300, decimals: 3) == "0,000")
    }

    @Test("Rounding is half away from zero on the printed decimal digits")
    func rounding() {
        #expect(en.number(0.5, decimals: 0) == "1")
        #expect(en.number(1.5, decimals: 0) == "2")
        #expect(en.number(2.5, decimals: 0) == "3")
        #expect(en.number(4.25, decimals: 1) == "4.3")
        #expect(en.number(4.35, decimals: 1) == "4.4")
        #expect(en.number(2.675, decimals: 2) == "2.68")
        #expect(en.number(1.005, decimals: 2) == "1.01")
        #expect(en.number(0.449, decimals: 1) == "0.4")
        #expect(en.number(0.005, decimals: 2) == "0.01")
        #expect(en.number(0.0049, decimals: 2) == "0.00")
        #expect(en.number(9.995, decimals: 2) == "10.00")
        #expect(en.number(1e-7, decimals: 2) == "0.00")
        #expect(en.number(123.0, decimals: 0) == "123")
        #expect(en.number(0, decimals: 2) == "0.00")
        #expect(en.number(3, decimals: 3) == "3.000")
        #expect(en.number(0.1 + 0.2, decimals: 2) == "0.30")
        #expect(en.number(1.25, decimals: -1) == "1")
    }

    @Test("Not-a-number and infinities")
    func nonFinite() {
        #expect(ru.number(.nan, decimals: 2) == "—")
        #expect(ru.number(.infinity, decimals: 2) == "∞")
        #expect(en.number(-.infinity, decimals: 2) == "\u{2212}∞")
        #expect(ru.percent(.nan) == "—")
        #expect(ru.signed(.nan, decimals: 1) == "—")
        #expect(ru.signed(.infinity, decimals: 1) == "+∞")
        #expect(ru.signed(-.infinity, decimals: 1) == "\u{2212}∞")
    }

    @Test("integer groups thousands; Int.min does not trap")
    func integers() {
        #expect(ru.integer(0) == "0")
        #expect(ru.integer(999) == "999")
        #expect(ru.integer(1000) == "1\u{A0}000")
        #expect(kk.integer(1_234_567) == "1\u{A0}234\u{A0}567")
        #expect(en.integer(1_234_567) == "1,234,567")
        #expect(ru.integer(-1234) == "\u{2212}1\u{A0}234")
        #expect(en.integer(-7) == "\u{2212}7")
        #expect(en.integer(Int.min) == "\u{2212}9,223,372,036,854,775,808")
    }

    @Test("percent: U+00A0 before % in kk and ru, none in en")
    func percent() {
        #expect(ru.percent(0.81) == "81\u{A0}%")
        #expect(kk.percent(0.81) == "81\u{A0}%")
        #expect(en.percent(0.81) == "81%")
        #expect(ru.percent(0.8125, decimals: 1) == "81,3\u{A0}%")
        #expect(en.percent(0.8125, decimals: 1) == "81.3%")
        #expect(ru.percent(0.285) == "29\u{A0}%")  // 28.5 exactly, not 28.499…
        #expect(en.percent(0.123456, decimals: 2) == "12.35%")
        #expect(ru.percent(1) == "100\u{A0}%")
        #expect(ru.percent(0) == "0\u{A0}%")
        #expect(ru.percent(0.004) == "0\u{A0}%")
        #expect(ru.percent(-0.004) == "0\u{A0}%")
        #expect(ru.percent(-0.05) == "\u{2212}5\u{A0}%")
        #expect(en.percent(12.5) == "1,250%")
    }

    @Test("signed: + or U+2212 before a change, no sign when it rounds to zero")
    func signed() {
        #expect(ru.signed(0.12, decimals: 2) == "+0,12")
        #expect(ru.signed(-0.12, decimals: 2) == "\u{2212}0,12")
        #expect(kk.signed(0.125, decimals: 2) == "+0,13")
        #expect(en.signed(0.12, decimals: 2) == "+0.12")
        #expect(en.signed(-0.12, decimals: 2) == "\u{2212}0.12")
        #expect(ru.signed(0.004, decimals: 2) == "0,00")
        #expect(ru.signed(-0.004, decimals: 2) == "0,00")
        #expect(ru.signed(0, decimals: 1) == "0,0")
        #expect(ru.signed(1234.5, decimals: 1) == "+1\u{A0}234,5")
        #expect(en.signed(-1234.5, decimals: 0) == "\u{2212}1,235")
    }

    @Test("interval: the ends joined by … between no-break spaces in every language, negative ends unambiguous")
    func interval() {
        #expect(ru.interval(-25, -2, decimals: 0) == "\u{2212}25\u{A0}\u{2026}\u{A0}\u{2212}2")
        #expect(kk.interval(-25.4, 3.5, decimals: 0) == "\u{2212}25\u{A0}\u{2026}\u{A0}4")
        #expect(en.interval(-0.004, 4.125, decimals: 2) == "0.00\u{A0}\u{2026}\u{A0}4.13")
        #expect(kk.interval(4.12, 4.56, decimals: 2) == "4,12\u{A0}\u{2026}\u{A0}4,56")
        #expect(ru.interval(1234, 2345.5, decimals: 1) == "1\u{A0}234,0\u{A0}\u{2026}\u{A0}2\u{A0}345,5")
        for c in [kk, ru, en] {
            let text = c.interval(-25, -2, decimals: 0)
            // A dash between the ends would read as a minus; a breakable space would split the cell.
            #expect(!text.contains("\u{2013}") && !text.contains("-") && !text.contains(" "), "\(c.language): \(text)")
        }
    }

    @Test("Decimal digits of a Double are Swift's shortest round-trip digits")
    func decimalDigits() {
        typealias D = Catalogue.DecimalDigits
        #expect(D(4.25) == D(negative: false, digits: [4, 2, 5], exponent: 1))
        #expect(D(0.001) == D(negative: false, digits: [1], exponent: -2))
        #expect(D(1e-5) == D(negative: false, digits: [1], exponent: -4))
        #expect(D(1.2345e16) == D(negative: false, digits: [1, 2, 3, 4, 5], exponent: 17))
        #expect(D(-1000) == D(negative: true, digits: [1], exponent: 4))
        #expect(D(0) == D(negative: false, digits: [], exponent: 0))
        #expect(D(.nan) == nil)
        #expect(D(Double.leastNonzeroMagnitude)?.digits == [5])
    }
}
