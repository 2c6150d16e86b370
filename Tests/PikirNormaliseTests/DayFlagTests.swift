import Testing
import PikirNormalise

/// `Dates.day`: the one reading of a day given in a flag or a pipeline file.
@Suite("Dates.day: days in flags and pipeline files")
struct DayFlagTests {
    @Test("an impossible day is refused in either form, in the same words", arguments: ["2024-02-31", "2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10"])
    func impossible(text: String) {
        for forms in [Dates.DayForms.iso, .typed] {
            #expect(Dates.day(text, forms: forms) == .failure(Dates.DayRefusal(text)), "\(forms)")
        }
        #expect(Dates.DayRefusal(text).message == "'\(text)' is not a date; write yyyy-mm-dd, e.g. 2024-01-31")
    }

    @Test("a real day is its ISO form; 29 February only in a leap year", arguments: [
        ("2024-02-29", "2024-02-29"), (" 2000-02-29 ", "2000-02-29"), ("1999-12-31", "1999-12-31"),
    ])
    func real(text: String, iso: String) {
        #expect(Dates.day(text, forms: .iso) == .success(iso))
        #expect(Dates.day(text, forms: .typed) == .success(iso))
    }

    @Test("flags also take the dotted and written forms; a pipeline file only yyyy-mm-dd", arguments: [
        ("05.11.2024", "2024-11-05"), ("5 ноября 2024", "2024-11-05"), ("2024 ж. 5 қараша", "2024-11-05"), ("2024-2-3", "2024-02-03"),
    ])
    func typed(text: String, iso: String) {
        #expect(Dates.day(text, forms: .typed) == .success(iso))
        #expect(Dates.day(text, forms: .iso) == .failure(Dates.DayRefusal(text)))
    }

    @Test("a written 31 February or a dotted 29.02.2023 is refused like the ISO one", arguments: ["31 февраля 2024", "29.02.2023", "завтра"])
    func typedImpossible(text: String) {
        #expect(Dates.day(text, forms: .typed) == .failure(Dates.DayRefusal(text)))
    }
}
