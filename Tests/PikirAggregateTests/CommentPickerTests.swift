@testable import PikirAggregate
import Testing

/// Comments as reports show them: all counted, repeats once, the specific
/// ones before thanks and one-word answers.
struct CommentPickerTests {
    static func pick(_ comments: [(date: String, text: String)], limit: Int) -> CommentPicker {
        var picker = CommentPicker(limit: limit)
        for (i, c) in comments.enumerated() where !CommentFilter.isNonAnswer(c.text) {
            picker.add(date: Array(c.date.utf8), order: i, text: c.text)
        }
        return picker
    }

    @Test("Kazakh and Russian thanks come after specific comments; repeats after trimming and case folding count but show once")
    func informativeDistinct() {
        let picker = Self.pick([
            ("2024-11-05", "Спасибо"),
            ("2024-11-05", "Рақмет"),
            ("2024-11-05", "Мало практики, хотелось бы больше кейсов"),
            ("2024-11-06", "  мало практики,  хотелось бы больше кейсов!  "),
            ("2024-11-06", "Спасибо!"),
            ("2024-11-06", "n/a"),
            ("2024-11-06", "-"),
            ("2024-11-06", "Нет"),
            ("2024-11-06", "Тренер өте жақсы түсіндірді"),
            ("2024-11-07", "Спасибо"),
        ], limit: 3)
        #expect(picker.count == 7, "n/a, - and Нет are not comments; every other one counts, repeats included")
        #expect(picker.kept.map(\.text) == ["Мало практики, хотелось бы больше кейсов", "Тренер өте жақсы түсіндірді", "Спасибо"])
    }

    @Test("with room for all, each distinct comment once, the longest first; a repeat pushed out does not come back")
    func allDistinct() {
        let picker = Self.pick([
            ("2024-01-01", "Good trainer"), ("2024-01-02", "good trainer."), ("2024-01-03", "Рахмет"),
            ("2024-01-03", "Очень полезно для работы с молодёжью"), ("2024-01-04", "GOOD TRAINER"),
        ], limit: 10)
        #expect(picker.count == 5)
        #expect(picker.kept.map(\.text) == ["Очень полезно для работы с молодёжью", "Good trainer", "Рахмет"])
        let two = Self.pick([("2024-01-01", "Жақсы"), ("2024-01-02", "Көбірек практика керек"), ("2024-01-03", "Уақыт аз болды"),
                             ("2024-01-04", "жақсы")], limit: 2)
        #expect(two.kept.map(\.text) == ["Көбірек практика керек", "Уақыт аз болды"])
        #expect(two.count == 4)
    }

    static let texts = [
        "Мало практики, хотелось бы больше кейсов", "Тренер өте жақсы түсіндірді!", "İstanbul İİİ — Qazaqstan", "Ağaş ağaşy",
        "e\u{301}te\u{301} «кейс» №5", "…—«»", "   ", "1234 5678", "ҚАЗАҚША ӘРІПТЕР Ұ Ү Һ І", "mixed_under_score & more",
    ]

    @Test("letterBound is never below the letters the fold keeps (Kazakh, Russian, Latin, İ, combining marks, punctuation)")
    func letterBoundHolds() {
        for text in Self.texts {
            let fold = CommentFilter.fold(text)
            let letters = fold.unicodeScalars.filter { $0 != " " }.count
            #expect(CommentPicker.letterBound(text) >= letters, "\(text): bound \(CommentPicker.letterBound(text)), letters \(letters)")
        }
        #expect(CommentPicker.letterBound("İİ") == 4, "İ lower-cases to two scalars")
    }

    @Test("non-answers: short words and texts without a letter, however long; a long text with a letter is an answer")
    func nonAnswers() {
        #expect(CommentFilter.isNonAnswer("   нет.   "))
        #expect(CommentFilter.isNonAnswer("\u{A0}ЖОҚ\u{A0}"))
        #expect(CommentFilter.isNonAnswer(String(repeating: "-", count: 40)))
        #expect(CommentFilter.isNonAnswer("1234567890 1234567890 !!!"))
        #expect(!CommentFilter.isNonAnswer("нет времени на практику"))
        #expect(!CommentFilter.isNonAnswer("..................... a"))
        #expect(!CommentFilter.isNonAnswer("Жақсы"))
    }
}
