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

    @Test("Kazakh and Russian letters are one column each, though two bytes in UTF-8", arguments: [
        ("Қарағанды", 9), ("Алматы", 6), ("Нұр-Сұлтан", 10), ("әғқңөұүһі", 9), ("ӘҒҚҢӨҰҮҺІ", 9),
        ("Нұрлыбай Наурызбаев (T01)", 25), ("Ёлка", 4),
    ])
    func cyrillic(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width, "\(text)")
        #expect(text.utf8.count > width, "more bytes than columns: \(text)")
    }

    @Test("combining marks take no column", arguments: [
        ("и\u{0306}", 1), ("Йо\u{0301}шкар", 6), ("e\u{0301}", 1), ("Ка\u{0301}ра\u{0301}", 4), ("a\u{0308}\u{0304}", 1),
    ])
    func combining(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("format and control characters take no column")
    func invisible() {
        #expect(DisplayWidth.of("\u{200B}") == 0, "zero-width space")
        #expect(DisplayWidth.of("\u{FEFF}Алматы") == 6, "byte order mark")
        #expect(DisplayWidth.of("a\u{200D}b") == 2, "zero-width joiner")
        #expect(DisplayWidth.of("\u{7}\u{1B}") == 0, "C0 controls")
        #expect(DisplayWidth.of("\u{85}") == 0, "C1 control")
    }

    @Test("East Asian wide characters take two columns", arguments: [
        ("中文", 4), ("東京", 4), ("한국어", 6), ("ＡＢ", 4), ("カタカナ", 8), ("😀", 2), ("🤝", 2), ("ｱ", 1),
    ])
    func wide(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width, "\(text)")
    }

    @Test("emoji outside the listed blocks are two columns too (East Asian Width W)", arguments: ["🚀", "✅", "☕", "⭐"])
    func otherEmoji(text: String) {
        #expect(DisplayWidth.of(text) == 2, "\(text) U+\(String(text.unicodeScalars.first!.value, radix: 16, uppercase: true))")
    }

    @Test("pad fills with spaces to the display width, on the right or the left")
    func pad() {
        #expect(DisplayWidth.pad("Қала", to: 6) == "Қала  ")
        #expect(DisplayWidth.pad("Қала", to: 6, right: true) == "  Қала")
        #expect(DisplayWidth.pad("東京", to: 5) == "東京 ")
        #expect(DisplayWidth.pad("Йо\u{0301}", to: 3) == "Йо\u{0301} ")
        #expect(DisplayWidth.pad("Қарағанды", to: 4) == "Қарағанды", "wider text is never cut")
    }
}
