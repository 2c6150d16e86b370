@testable import PikirReport
import Testing

/// `SheetName.unique`: every name Excel would refuse is made valid, and no two
/// sheets share a name, however long or repeated the headings.
@Suite("Workbook: sheet names")
struct SheetNameTests {
    /// Excel's rules, checked apart from the code that applies them.
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf16.count <= 31 && name.unicodeScalars.count <= 31
            && !name.contains { "[]:*?/\\".contains($0) } && !name.hasPrefix("'") && !name.hasSuffix("'")
    }

    @Test("a long Kazakh or Russian heading is cut to 31 characters at a word's end, else a character's")
    func long() {
        var taken: Set<String> = []
        let kk = SheetName.unique("Тренерлер орталық бойынша орташамен салыстырғанда", taken: &taken)
        #expect(kk == "Тренерлер орталық бойынша")
        let ru = SheetName.unique("Тренеры относительно среднего по центру", taken: &taken)
        #expect(ru == "Тренеры относительно среднего")
        let oneWord = SheetName.unique("Жауаптардыңсалыстырмалыбөлінісікестесі", taken: &taken)
        #expect(oneWord == "Жауаптардыңсалыстырмалыбөлінісі", "no space: cut at the 31st letter")
        // A letter written as a base and a combining mark stays whole.
        let combining = SheetName.unique(String(repeating: "а", count: 30) + "и\u{306}", taken: &taken)
        #expect(combining == String(repeating: "а", count: 30), "й as и + U+0306 would need 32 units")
        #expect([kk, ru, oneWord, combining].allSatisfy(Self.isValid))
    }

    @Test("repeated names get (2), (3) within the limit; Excel ignores case, so do they")
    func duplicates() {
        var taken: Set<String> = []
        let names = ["Айгерім Жұмабекова", "Айгерім Жұмабекова", "АЙГЕРІМ ЖҰМАБЕКОВА",
                     "Тренерлер орталық бойынша орташамен салыстырғанда", "Тренерлер орталық бойынша орташамен салыстырғанда"]
            .map { SheetName.unique($0, taken: &taken) }
        #expect(names == ["Айгерім Жұмабекова", "Айгерім Жұмабекова (2)", "АЙГЕРІМ ЖҰМАБЕКОВА (3)",
                          "Тренерлер орталық бойынша", "Тренерлер орталық бойынша (2)"])
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(names.allSatisfy(Self.isValid))
    }

    @Test("forbidden characters become spaces; apostrophes at the ends, blank and empty headings are fixed")
    func forbidden() {
        var taken: Set<String> = []
        #expect(SheetName.unique("Отказы: причины [2024/2025]?*\\", taken: &taken) == "Отказы причины 2024 2025")
        #expect(SheetName.unique("'Өңірлер'", taken: &taken) == "Өңірлер")
        #expect(SheetName.unique("  \n ", taken: &taken) == "Sheet")
        #expect(SheetName.unique("", taken: &taken) == "Sheet (2)")
    }
}
