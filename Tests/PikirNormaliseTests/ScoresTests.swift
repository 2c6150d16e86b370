import Testing
@testable import PikirNormalise

private let five = Scores.Scale.oneToFive
private let nps = Scores.Scale.zeroToTen

private func value(_ text: String, _ scale: Scores.Scale = five, source: Scores.Scale? = nil) -> Double? {
    if case .value(let v) = Scores.parse(text, scale: scale, sourceScale: source) { return v }
    return nil
}

private func isOutOfRange(_ outcome: Scores.ScoreOutcome) -> Bool {
    if case .outOfRange = outcome { return true }
    return false
}

private func isUnrecognised(_ outcome: Scores.ScoreOutcome) -> Bool {
    if case .unrecognised = outcome { return true }
    return false
}

struct ScoresTests {
    // MARK: Numbers

    @Test func integersOnTheirScale() {
        #expect(value("4") == 4)
        #expect(value("1") == 1)
        #expect(value("5") == 5)
        #expect(value("0", nps) == 0)
        #expect(value("8", nps) == 8)
    }

    @Test func decimalCommaAndPointMeanTheSame() {
        #expect(value("4,5") == 4.5)
        #expect(value("4.5") == 4.5)
        #expect(value("3,25") == 3.25)
        // Quoted in a comma-delimited export, the parser hands over the bare text.
        #expect(value("4,5", nps) == 4.5)
    }

    @Test func surroundingSpacesAndNonBreakingSpacesAreIgnored() {
        #expect(value("  4 ") == 4)
        #expect(value("\t5\r\n") == 5)
        #expect(value("\u{00A0}3,5\u{00A0}") == 3.5)
        #expect(value("4.") == 4)  // a trailing full stop is punctuation
    }

    @Test func substringInputWorksLikeString() {
        let row = "Алматы;4,5;Жақсы"
        let cells = row.split(separator: ";")
        #expect(Scores.parse(cells[1], scale: five) == .value(4.5))
        #expect(Scores.parse(cells[2], scale: five) == .value(4))
    }

    @Test func tenIsFineOnNPSButOutOfRangeOnOneToFive() {
        #expect(Scores.parse("10", scale: nps) == .value(10))
        let outcome = Scores.parse("10", scale: five)
        #expect(isOutOfRange(outcome))
        #expect(Scores.parse("10", question: .overall) == outcome)
        #expect(Scores.parse("10", question: .nps) == .value(10))
    }

    @Test func outOfRangeValuesAreRejectedWithAReasonSentence() throws {
        let six = Scores.parse("6", scale: five)
        let reason = try #require(six.rejectReason)
        #expect(isOutOfRange(six))
        #expect(reason.contains("“6”"))
        #expect(reason.contains("1–5"))
        #expect(reason.contains("correct the cell"))
        #expect(reason.contains("1–10"))  // suggests declaring the form's scale

        let eleven = Scores.parse("11", scale: nps)
        #expect(isOutOfRange(eleven))
        #expect(eleven.rejectReason?.contains("0–10") == true)

        let negative = Scores.parse("-1", scale: nps)
        #expect(isOutOfRange(negative))
        #expect(negative.rejectReason?.contains("never negative") == true)
        #expect(isOutOfRange(Scores.parse("\u{2212}1", scale: five)))
        #expect(isOutOfRange(Scores.parse("0", scale: five)))
        #expect(isOutOfRange(Scores.parse("5,5", scale: five)))
        #expect(Scores.parse("85", scale: five).rejectReason?.contains("0–100") == true)
    }

    // MARK: Blank

    @Test func blankIsMissingNeverZero() {
        #expect(Scores.parse("", scale: five) == .missing)
        #expect(Scores.parse("   ", scale: nps) == .missing)
        #expect(Scores.parse("\u{00A0}", scale: nps) == .missing)
        #expect(Scores.parse("-", scale: five) == .missing)
        #expect(Scores.parse(" — ", scale: five) == .missing)
        #expect(Scores.parse("", scale: nps).score == nil)
    }

    // MARK: Words

    @Test func ratingWordsInKazakhRussianEnglish() {
        let cases: [(String, Double)] = [
            ("Өте жақсы", 5), ("Отлично", 5), ("Очень хорошо", 5), ("Excellent", 5), ("Very good", 5),
            ("Жақсы", 4), ("Хорошо", 4), ("Good", 4),
            ("Орташа", 3), ("Қанағаттанарлық", 3), ("Удовлетворительно", 3), ("Средне", 3), ("Нормально", 3),
            ("Average", 3), ("Fair", 3),
            ("Нашар", 2), ("Плохо", 2), ("Poor", 2), ("Bad", 2),
            ("Өте нашар", 1), ("Очень плохо", 1), ("Very poor", 1), ("Very bad", 1),
        ]
        for (word, expected) in cases {
            #expect(value(word) == expected, "\(word)")
        }
    }

    @Test func agreementWordsInKazakhRussianEnglish() {
        let cases: [(String, Double)] = [
            ("Толығымен келісемін", 5), ("Полностью согласен", 5), ("Полностью согласна", 5),
            ("Полностью согласен(на)", 5), ("Strongly agree", 5),
            ("Келісемін", 4), ("Скорее согласен", 4), ("Скорее согласна", 4), ("Скорее согласен(на)", 4),
            ("Согласен", 4), ("Agree", 4),
            ("Жауап беруге қиналамын", 3), ("Затрудняюсь ответить", 3), ("Neutral", 3),
            ("Neither agree nor disagree", 3), ("Not sure", 3),
            ("Келіспеймін", 2), ("Не согласен", 2), ("Не согласен(на)", 2), ("Скорее не согласен", 2),
            ("Disagree", 2),
            ("Мүлдем келіспеймін", 1), ("Совершенно не согласен", 1), ("Совершенно не согласен(на)", 1),
            ("Strongly disagree", 1),
        ]
        for (word, expected) in cases {
            #expect(value(word) == expected, "\(word)")
        }
    }

    @Test func wordsIgnoreCaseYoTrailingPunctuationAndSpacing() {
        #expect(value("ОТЛИЧНО") == 5)
        #expect(value("отлично!") == 5)
        #expect(value("Хорошо.") == 4)
        #expect(value("  Өте   жақсы  ") == 5)
        #expect(value("ӨТЕ ЖАҚСЫ") == 5)
        #expect(value("very GOOD...") == 5)
        #expect(value("«Отлично»") == 5)
        // ё = е, also when the ё arrives decomposed (е + U+0308).
        #expect(value("Не согласён") == 2)
        #expect(value("Полностью соглАсён") == 5)
        #expect(value("Полностью согласе\u{0308}н") == 5)
    }

    @Test func kazakhTypedOnARussianLayoutOrLostToCP1251() {
        #expect(value("Оте жаксы") == 5)
        #expect(value("Жаксы") == 4)
        #expect(value("Толыгымен келисемин") == 5)
        // Excel's CP1251 "Save as" turns ө қ … into "?".
        #expect(value("?те жа?сы") == 5)
        #expect(value("Жа?сы") == 4)
        #expect(value("?ана?аттанарлы?") == 3)
        #expect(value("?те нашар") == 1)
    }

    @Test func numberWithItsOptionLabel() {
        #expect(value("5 - Отлично") == 5)
        #expect(value("5 – Өте жақсы") == 5)
        #expect(value("5 (Excellent)") == 5)
        #expect(value("4 (Хорошо)") == 4)
        #expect(value("Отлично (5)") == 5)
        #expect(value("3. Орташа") == 3)
        #expect(value("4 балла") == 4)
        #expect(value("4,5 балла") == 4.5)
        #expect(value("10 - Обязательно порекомендую", nps) == 10)
        #expect(value("0 (совсем маловероятно)", nps) == 0)
    }

    @Test func numberAndWordThatDisagreeAreRejected() {
        let outcome = Scores.parse("5 - Хорошо", scale: five)
        #expect(isUnrecognised(outcome))
        #expect(outcome.rejectReason?.contains("contradicts") == true)
        #expect(isUnrecognised(Scores.parse("Плохо (4)", scale: five)))
        #expect(isUnrecognised(Scores.parse("4-5", scale: five)))
        #expect(isOutOfRange(Scores.parse("6 - Отлично", scale: five)))
    }

    @Test func answerWordsOnTheNPSScaleAreRejected() {
        let outcome = Scores.parse("Отлично", scale: nps)
        #expect(isUnrecognised(outcome))
        #expect(outcome.rejectReason?.contains("0–10") == true)
        // Unless the mapping says the form asked on 1–5: then rescaled.
        #expect(Scores.parse("Отлично", scale: nps, sourceScale: five) == .rescaled(10, original: 5))
    }

    @Test func unparseableTextIsRejectedWithAReasonSentence() throws {
        for text in ["не знаю", "good enough", "4/5 maybe", "5+", "жақсы емес", "4,5,6", "1e3"] {
            let outcome = Scores.parse(text, scale: five)
            #expect(isUnrecognised(outcome), "\(text)")
        }
        let reason = try #require(Scores.parse("не знаю", scale: five).rejectReason)
        #expect(reason.contains("“не знаю”"))
        #expect(reason.contains("1 to 5"))
        #expect(reason.contains("correct the cell"))
    }

    // MARK: Source scales

    @Test func oneToTenIsRescaledLinearlyToOneToFive() throws {
        #expect(Scores.parse("1", scale: five, sourceScale: .oneToTen) == .rescaled(1, original: 1))
        #expect(Scores.parse("10", scale: five, sourceScale: .oneToTen) == .rescaled(5, original: 10))
        let seven = Scores.parse("7", scale: five, sourceScale: .oneToTen)
        guard case .rescaled(let v, let original) = seven else {
            Issue.record("expected rescaled, got \(seven)")
            return
        }
        #expect(abs(v - (1 + 6.0 * 4 / 9)) < 1e-12)
        #expect(original == 7)
        #expect(seven.score == v)
    }

    @Test func percentIsRescaledToTheQuestionsScale() {
        #expect(Scores.parse("100", scale: five, sourceScale: .zeroToHundred) == .rescaled(5, original: 100))
        #expect(Scores.parse("50", scale: nps, sourceScale: .zeroToHundred) == .rescaled(5, original: 50))
        #expect(Scores.parse("0", scale: five, sourceScale: .zeroToHundred) == .rescaled(1, original: 0))
    }

    @Test func valuesOutsideTheSourceScaleAreRejected() {
        let outcome = Scores.parse("11", scale: five, sourceScale: .oneToTen)
        #expect(isOutOfRange(outcome))
        #expect(outcome.rejectReason?.contains("source scale 1–10") == true)
        #expect(isOutOfRange(Scores.parse("0", scale: five, sourceScale: .oneToTen)))
    }

    @Test func aSourceScaleEqualToTheQuestionsScaleIsNotARescale() {
        #expect(Scores.parse("4", scale: five, sourceScale: five) == .value(4))
        #expect(Scores.parse("Хорошо", scale: five, sourceScale: five) == .value(4))
    }

    @Test func answerWordPointIsExposedForOtherStages() {
        #expect(Scores.answerWordPoint("Өте жақсы") == 5)
        #expect(Scores.answerWordPoint("Затрудняюсь ответить") == 3)
        #expect(Scores.answerWordPoint("Алматы") == nil)
    }

    @Test func canonicalQuestionsCarryTheirScales() {
        #expect(Scores.Question.nps.scale == nps)
        for q in Scores.Question.allCases where q != .nps {
            #expect(q.scale == five)
        }
        #expect(Scores.Question(rawValue: "organisation") == .organisation)
        #expect(five.description == "1–5")
    }

    @Test func plainNumbersParseFastEnough() {
        let cells = ["4", "4,5", " 5 ", "3", "Отлично", "2", "", "Жақсы"]
        let clock = ContinuousClock()
        var sum = 0.0
        let elapsed = clock.measure {
            for i in 0..<20_000 {
                sum += Scores.parse(cells[i % cells.count], scale: five).score ?? 0
            }
        }
        #expect(sum > 0)
        // Generous bound for a debug build: 20,000 cells well under a second.
        #expect(elapsed < .seconds(1))
    }

    // MARK: The byte-level word look-up and the general path agree

    /// Answer words made of ASCII, Russian and Kazakh letters are looked up
    /// from their bytes; other text (other quotes, combining marks, …) takes
    /// the general path. Both must give the same point, whatever the case,
    /// spacing, quotes, punctuation and gendered endings.
    @Test(arguments: [
        ("  ОТЛИЧНО!!  ", 5.0), ("\"Хорошо\"", 4), ("'Good.'", 4), ("Полностью согласен(на)", 5),
        ("Полностью согласен (а)", 5), ("ПОЛНОСТЬЮ \t  СОГЛАСЕН", 5), ("?те жа?сы", 5), ("Оте жаксы", 5),
        ("Жа?сы???", 4), ("Хорошо?", 4), ("\u{00A0}Отлично\u{00A0}", 5), ("ӨТЕ ЖАҚСЫ", 5), ("Келісемін", 4),
        ("КЕЛІСЕМІН;", 4), ("Мүлдем келіспеймін", 1), ("Ни да, ни нет", 3), ("NEITHER agree nor disagree", 3),
        ("«Хорошо»", 4), ("Отлично…", 5), ("Отлично\u{2026}", 5), ("Све\u{0301}тло", -1), ("е\u{0308}", -1),
        ("Удовлетворительно", 3), ("Неудовлетворительно", 2), ("Совершенно не согласна", 1), ("Ёлка", -1),
        ("Алматы", -1), ("Very  Good", 5), ("very good!", 5), ("Скорее не согласен(на)", 2), ("согласен(на", -1),
    ] as [(String, Double)])
    func answerWordsInAnySpelling(_ text: String, _ expected: Double) {
        let outcome = Scores.parse(text, scale: five)
        if expected < 0 {
            #expect(isUnrecognised(outcome), "\(text)")
            #expect(Scores.answerWordPoint(text) == nil, "\(text)")
        } else {
            #expect(outcome == .value(expected), "\(text)")
            #expect(Scores.answerWordPoint(text) == Int(expected), "\(text)")
            #expect(Scores.parse(text[...], scale: five) == outcome)
            // Words mean nothing on 0–10 unless the form asked on 1–5.
            #expect(isUnrecognised(Scores.parse(text, scale: nps)), "\(text)")
            #expect(Scores.parse(text, scale: nps, sourceScale: five)
                == .rescaled((expected - 1) * 10 / 4, original: expected), "\(text)")
        }
    }

    @Test func oneAndTwoDigitCellsTakeTheShortestPath() {
        for n in 0...99 {
            let outcome = Scores.parse(String(n), scale: nps)
            #expect(outcome == (n <= 10 ? .value(Double(n)) : Scores.parse(" \(n) ", scale: nps)))
        }
        #expect(Scores.parse("07", scale: nps) == .value(7))
        #expect(isOutOfRange(Scores.parse("00", scale: five)))
    }
}
