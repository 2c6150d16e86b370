import Foundation
import Testing
@testable import PikirNormalise

/// The header rows of sample-data/expected.json, by file, read from the repository root found via `#filePath`.
private func sampleHeaderRows() throws -> [String: [String]] {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("sample-data/expected.json").path) {
        let parent = dir.deletingLastPathComponent()
        guard parent.path != dir.path else { throw CocoaError(.fileNoSuchFile) }
        dir = parent
    }
    let data = try Data(contentsOf: dir.appendingPathComponent("sample-data/expected.json"))
    let files = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    var rows: [String: [String]] = [:]
    for file in files {
        let path = try #require(file["path"] as? String)
        rows[URL(fileURLWithPath: path).lastPathComponent] = try #require(file["columns"] as? [String])
    }
    return rows
}

/// The field each sample header must map to (nil: extra), column by column.
private let expectedSampleFields: [String: [String?]] = {
    let googleRU: [String?] = ["timestamp", "city", "module", "trainer", "participant_group", "overall", "delivery",
                               "content", "organisation", "applicability", "nps", "liked", "improve", "comment"]
    let standard: [String?] = ["city", "session_date", "trainer", "module", "participant_group", "overall", "delivery",
                               "content", "organisation", "applicability", "nps", "liked", "improve", "comment"]
    let dateFirst: [String?] = ["session_date", "city"] + standard.dropFirst(2)
    let sheetsRU: [String?] = ["timestamp", "city", "module", "trainer", "participant_group", "overall", "delivery",
                               "content", "organisation", "applicability", "nps", "liked", "improve", "comment"]
    return [
        "2019-11-14_nur-sultan_google-forms_ru.csv": googleRU,
        "2020-02-20_almaty_excel_kk_kz1048.csv": standard,
        "2021-10-08_karaganda_excel_ru_cp1251.csv": [nil] + standard,
        "2022-06-10_nur-sultan_unicode-text_kk-ru.txt": standard,
        "2022-11-05_astana_google-forms_en.csv": googleRU,
        "2023-04-14_almaty_crm-export_utf16be.csv": ["session_id"] + standard,
        "2023-09-22_karaganda_mac-excel_ru_cr.csv": standard,
        "2024-11-05_almaty_excel-utf8_kk-ru_bad-row.csv": dateFirst,
        "2025-05-16_astana_google-sheets_ru-kk_unterminated.csv": sheetsRU,
        "2026-02-12_karaganda_report_en-kk.csv": standard,
        "2024-03-15_karaganda_typed-variants_ru-kk.csv": ["session_date", "city", "module", "trainer"] + standard.dropFirst(4),
        "2024-10-18_shymkent_google-forms-grid_ru-kk.csv": ["timestamp", "city", "module", "trainer", "participant_group", "overall",
                                                           "content", "organisation", "applicability", "delivery", "nps",
                                                           "liked", "improve", "comment"],
        "2024-11-14_shymkent_google-sheets_en-us.csv": googleRU,
        "2025-02-17_aktobe_google-forms_kk.csv": googleRU,
        "2024-12-06_taraz_excel-day-numbers_ru_cp1251.csv": dateFirst,
    ]
}()

@Suite("ColumnMapper")
struct ColumnMapperTests {

    @Test("Every header of every sample export maps to its field")
    func sampleHeaders() throws {
        let rows = try sampleHeaderRows()
        #expect(Set(rows.keys) == Set(expectedSampleFields.keys), "sample files changed: update expectedSampleFields")
        let mapper = ColumnMapper()
        for (file, headers) in rows.sorted(by: { $0.key < $1.key }) {
            let expected = try #require(expectedSampleFields[file])
            let got = mapper.map(headers: headers)
            #expect(got.map(\.field?.rawValue) == expected, "\(file)")
            #expect(got.map(\.header) == headers)
            #expect(got.map(\.index) == Array(headers.indices))
            #expect(got.allSatisfy { $0.note == nil }, "\(file): no duplicate claims expected")
            for assignment in got where assignment.field != nil {
                #expect(assignment.match != nil && assignment.match != .user)
            }
        }
    }

    @Test("Google Forms question sentences match by keyword", arguments: [
        ("Насколько понятно тренер подавал материал?", CanonicalField.delivery),
        ("Насколько содержание тренинга актуально для вашей работы?", .content),
        ("Как вы оцениваете организацию тренинга (место, время, раздаточные материалы)?", .organisation),
        ("Сможете ли вы применить полученные знания на практике?", .applicability),
        ("Насколько вероятно, что вы порекомендуете этот тренинг коллегам? (0–10)", .nps),
        ("How likely are you to recommend this training to a colleague? (0-10)", .nps),
        ("What did you like most about the sessions?", .liked),
        ("Would you recommend this course to a friend?", .nps),
        ("Overall, how satisfied were you with the course?", .overall),
        ("Тренингті басқаларға ұсынасыз ба? (0-ден 10-ға дейін)", .nps),
        ("В каком городе вы живёте?", .city),
    ])
    func keywordRules(_ header: String, _ field: CanonicalField) {
        let got = ColumnMapper.builtInField(for: header)
        #expect(got?.field == field, "\(header)")
        #expect(got?.match == .keyword, "\(header)")
    }

    @Test("Built-in synonyms named in the brief map, whatever the case and spacing", arguments: [
        (CanonicalField.city, ["Қала", "Город", "City", "Населённый пункт", "В каком городе проходил тренинг?"]),
        (.region, ["Облыс", "Өңір", "Область", "Регион", "Region"]),
        (.sessionDate, ["Күні", "Өткізілген күні", "Дата", "Дата проведения", "Date", "Training date"]),
        (.timestamp, ["Отметка времени", "Timestamp", "Уақыт белгісі"]),
        (.trainer, ["Тренер", "Тренердің аты-жөні", "ФИО тренера", "Trainer", "Trainer name"]),
        (.module, ["Модуль", "Тақырып", "Тема", "Module", "Topic"]),
        (.participantGroup, ["Қатысушы санаты", "Категория участника", "Participant group", "Participant category"]),
        (.overall, ["Жалпы баға", "Общая оценка", "Overall rating", "Насколько вы удовлетворены тренингом в целом?",
                    "Overall, how satisfied were you with the training?"]),
        (.delivery, ["Тренердің жұмысы", "Оцените работу тренера", "Trainer delivery", "Trainer competence"]),
        (.content, ["Мазмұнның өзектілігі", "Актуальность содержания", "Relevance of content", "Content"]),
        (.organisation, ["Ұйымдастыру", "Организация", "Organisation", "Organization", "Venue and logistics"]),
        (.applicability, ["Қолданбалылығы", "Применимость в работе", "Applicability", "Will you apply what you learned?"]),
        (.nps, ["Басқаларға ұсынасыз ба? (0-10)", "Порекомендуете ли вы тренинг коллегам? (0-10)",
                "How likely are you to recommend this training?", "NPS"]),
        (.liked, ["Ұнағаны", "Что понравилось?", "What did you like?"]),
        (.improve, ["Жақсартуға ұсыныстар", "Что улучшить?", "Suggestions for improvement"]),
        (.comment, ["Пікір", "Комментарий", "Отзыв", "Comment", "Comments"]),
    ])
    func briefSynonyms(_ field: CanonicalField, _ headers: [String]) {
        for header in headers {
            for variant in [header, header.uppercased(), "  " + header.lowercased() + " :", header.replacingOccurrences(of: " ", with: "   ")] {
                #expect(ColumnMapper.builtInField(for: variant)?.field == field, "\(variant)")
            }
        }
    }

    @Test("No synonym is listed under two fields")
    func synonymTableIsConsistent() {
        #expect(ColumnTables.synonymConflicts == [])
    }

    @Test("The vocabulary names only sets it defines, and every field it lists is tried")
    func vocabularyIsConsistent() {
        #expect(HeaderClues.shared.problems == [])
    }

    @Test("Canonical field names always map back, also as pikir's own export header")
    func canonicalNames() {
        let headers = CanonicalField.allCases.map(\.rawValue)
        let got = ColumnMapper().map(headers: headers)
        #expect(got.map(\.field) == CanonicalField.allCases)
        #expect(got.allSatisfy { $0.match == .canonical })
        #expect(ColumnMapper.builtInField(for: "Session_Date")?.field == .sessionDate)
        #expect(ColumnMapper.builtInField(for: "PARTICIPANT GROUP")?.field == .participantGroup)
    }

    @Test("Headers that match nothing stay unmapped", arguments: [
        "№", "", "   ", "Email", "Любимый цвет", "Qwerty", "Ваши рекомендации", "Телефон", "Жасыңыз",
    ])
    func unmapped(_ header: String) {
        let got = ColumnMapper().map(headers: [header])
        #expect(got.count == 1)
        #expect(got[0].field == nil)
        #expect(got[0].match == nil)
        #expect(got[0].isExtra)
    }

    @Test("Trailing empty header cells (Excel ;;;) are extras without notes")
    func trailingEmptyColumns() {
        let got = ColumnMapper().map(headers: ["Город", "Дата", "", "", ""])
        #expect(got.map(\.field) == [.city, .sessionDate, nil, nil, nil])
        #expect(got.allSatisfy { $0.note == nil })
    }

    @Test("When two columns claim one field the first wins; the second is an extra with a note")
    func duplicateClaims() {
        let got = ColumnMapper().map(headers: ["Город", "City", "Тренер", "Қала / Город"])
        #expect(got.map(\.field) == [.city, nil, .trainer, nil])
        #expect(got[1].duplicateOf == 0)
        #expect(got[3].duplicateOf == 0)
        #expect(got[1].note?.contains("city") == true)
        #expect(got[0].note == nil)
    }

    @Test("A user mapping overrides the built-ins and can ignore a column")
    func userOverride() throws {
        let user = try ColumnMapper.UserMapping(fields: [
            "ваш  город": "region",       // built-in: city
            "Комментарий": "liked",       // built-in: comment
            "Код группы": "session_id",   // built-in: nothing
            "Тренер": "ignore",           // built-in: trainer
        ])
        let got = ColumnMapper(userMapping: user).map(headers: ["Ваш город", "Комментарий", "Код группы", "Тренер", "Город"])
        #expect(got.map(\.field) == [.region, .liked, .sessionID, nil, .city])
        #expect(got.map(\.match) == [.user, .user, .user, .user, .synonym])
    }

    @Test("A user's field beats an earlier built-in claim on it")
    func userBeatsEarlierBuiltIn() throws {
        let user = try ColumnMapper.UserMapping(fields: ["Trainer (main)": "trainer"])
        let got = ColumnMapper(userMapping: user).map(headers: ["Тренер", "Trainer (main)"])
        #expect(got.map(\.field) == [nil, .trainer])
        #expect(got[0].duplicateOf == 1)
        #expect(got[0].note != nil)
    }

    @Test("A user scale is attached to the header it names")
    func userScale() throws {
        let user = try ColumnMapper.UserMapping(fields: ["Балл": "overall"], scales: ["Балл": "1-10", "NPS": "0–10"])
        let got = ColumnMapper(userMapping: user).map(headers: ["Балл", "NPS", "Город"])
        #expect(got[0].field == .overall)
        #expect(got[0].sourceScale == ColumnMapper.SourceScale(lower: 1, upper: 10))
        #expect(got[1].field == .nps)
        #expect(got[1].match == .canonical)
        #expect(got[1].sourceScale?.description == "0-10")
        #expect(got[2].sourceScale == nil)
    }

    @Test("Bad user mappings are refused")
    func badUserMapping() {
        #expect(throws: ColumnMapper.MappingError.unknownField(header: "Город", field: "town")) {
            try ColumnMapper.UserMapping(fields: ["Город": "town"])
        }
        #expect(throws: ColumnMapper.MappingError.invalidScale(header: "Балл", scale: "ten")) {
            try ColumnMapper.UserMapping(scales: ["Балл": "ten"])
        }
        #expect(throws: ColumnMapper.MappingError.self) {
            try ColumnMapper.UserMapping(fields: ["Город": "city", "город ": "region"])
        }
    }

    @Test("Source scales parse lower-upper forms", arguments: [
        ("1-10", 1, 10), ("0–10", 0, 10), ("1..5", 1, 5), (" 1 - 7 ", 1, 7), ("1 to 4", 1, 4),
    ])
    func scales(_ text: String, _ lower: Int, _ upper: Int) {
        let scale = ColumnMapper.SourceScale(parsing: text)
        #expect(scale?.lower == lower)
        #expect(scale?.upper == upper)
    }

    @Test("Unreadable scales are nil", arguments: ["10-1", "abc", "1-", "", "5-5", "-1-5"])
    func badScales(_ text: String) {
        #expect(ColumnMapper.SourceScale(parsing: text) == nil)
    }

    @Test("CanonicalField.named is lenient about case and separators")
    func fieldNamed() {
        #expect(CanonicalField.named("session_date") == .sessionDate)
        #expect(CanonicalField.named("Session date") == .sessionDate)
        #expect(CanonicalField.named("RESPONSE-ID") == .responseID)
        #expect(CanonicalField.named("town") == nil)
    }
}
