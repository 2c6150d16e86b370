@testable import PikirReport
import Testing

/// Months, dates and month-years in the three languages; U+00A0 before «ж.» and «г.».
@Suite("Localisation: dates")
struct LocalisationDateTests {
    let kk = Catalogue.load(.kk), ru = Catalogue.load(.ru), en = Catalogue.load(.en)

    @Test("date: kk «2024 ж. 5 қараша», ru «5 ноября 2024 г.», en “5 November 2024”")
    func dates() {
        #expect(kk.date(year: 2024, month: 11, day: 5) == "2024\u{A0}ж. 5 қараша")
        #expect(ru.date(year: 2024, month: 11, day: 5) == "5 ноября 2024\u{A0}г.")
        #expect(en.date(year: 2024, month: 11, day: 5) == "5 November 2024")
        #expect(ru.date(year: 2025, month: 5, day: 31) == "31 мая 2025\u{A0}г.")
        #expect(kk.date(year: 2023, month: 1, day: 1) == "2023\u{A0}ж. 1 қаңтар")
        #expect(en.date(year: 2022, month: 6, day: 8) == "8 June 2022")
    }

    @Test("monthYear: kk «2024 ж. қараша», ru «ноябрь 2024 г.», en “November 2024”")
    func monthYears() {
        #expect(kk.monthYear(year: 2024, month: 11) == "2024\u{A0}ж. қараша")
        #expect(ru.monthYear(year: 2024, month: 11) == "ноябрь 2024\u{A0}г.")
        #expect(en.monthYear(year: 2024, month: 11) == "November 2024")
        #expect(ru.monthYear(year: 2024, month: 3) == "март 2024\u{A0}г.")
    }

    @Test("Years are never grouped")
    func years() {
        #expect(ru.date(year: 12024, month: 1, day: 2) == "2 января 12024\u{A0}г.")
        #expect(en.monthYear(year: 2024, month: 12) == "December 2024")
    }

    @Test("month: nominative, capitalised, all twelve")
    func months() {
        let kazakh = ["Қаңтар", "Ақпан", "Наурыз", "Сәуір", "Мамыр", "Маусым", "Шілде", "Тамыз", "Қыркүйек", "Қазан", "Қараша", "Желтоқсан"]
        let russian = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"]
        let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        for m in 1...12 {
            #expect(kk.month(m) == kazakh[m - 1])
            #expect(ru.month(m) == russian[m - 1])
            #expect(en.month(m) == english[m - 1])
        }
    }

    @Test("Russian dates use the genitive of every month")
    func russianGenitive() {
        let genitive = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
        for m in 1...12 {
            #expect(ru.date(year: 2024, month: m, day: 15) == "15 \(genitive[m - 1]) 2024\u{A0}г.")
        }
    }

    @Test("A month out of range is visible, not a crash")
    func outOfRange() {
        #expect(ru.month(13) == "⟦month.13⟧")
        #expect(ru.month(0) == "⟦month.0⟧")
        #expect(en.date(year: 2024, month: 13, day: 1) == "1 ⟦month.gen.13⟧ 2024")
    }
}
