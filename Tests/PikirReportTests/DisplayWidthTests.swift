import PikirReport
import Testing

/// Terminal columns of Latin, Cyrillic, combining and East Asian text.
@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test("ASCII counts one column per character")
    func ascii() {
        #expect(DisplayWidth.of("Almaty") == 6)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("KZ-75 / 4.25") == 12)
    }
}
