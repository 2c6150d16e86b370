import Foundation
import PikirEngine
import PikirModel
import PikirNormalise
import Testing

/// `pikir agg --csv` normalises only what its query reads (`ExportResponses.projects`):
/// it must keep, reject and find duplicate exactly the records a full
/// normalisation does, and give the read columns the same values.
struct ProjectionTests {
    /// The columns of several queries: the benchmark's, by trainer and month
    /// with a filter on the date, by session, module and group, by language and city.
    static let queries: [[ScanColumn]] = [
        [.region, .year, .overall, .nps],
        [.trainerID, .trainerName, .year, .month, .sessionDate, .delivery],
        [.sessionID, .module, .participantGroup, .content],
        [.lang, .city, .applicability, .organisation],
        [.overall],
    ]

    /// Every kept row's values of `columns` (text as written, numbers as numbers)
    /// with its line, and each file's accounting (not its redaction count:
    /// personal data in cells not read is not counted).
    static func read(_ paths: [String], _ columns: [ScanColumn], projects: Bool,
                     settings: NormaliserSettings = NormaliserSettings()) -> (rows: [String], files: [String]) {
        let source = ExportResponses(settings: settings, parallelism: 2)
        source.projects = projects
        var rows: [String] = []
        let reports = source.read(paths: paths, columns: [.sourceLine] + columns, parallelism: 2) { row in
            rows.append((0...columns.count).map { i in
                if let bytes = row.bytes(i) { return "'\(String(decoding: bytes, as: UTF8.self))'" }
                return row.double(i).map { "\($0)" } ?? "-"
            }.joined(separator: " | "))
        }
        let files = reports.map { r in
            "\(URL(fileURLWithPath: r.path).lastPathComponent) \(r.status.rawValue): \(r.accepted) accepted, \(r.rejected) rejected, "
                + "\(r.duplicates) duplicates, \(r.ignored) ignored \(r.message ?? "")"
        }
        return (rows, files)
    }

    @Test("sample-data: projected and full normalisation keep the same rows with the same values", arguments: queries.indices)
    func sampleData(query: Int) throws {
        let registries = repositoryRoot.appendingPathComponent("sample-data/registries")
        let settings = try NormaliserSettings.load(trainers: registries.appendingPathComponent("trainers.csv").path,
                                                   sessions: registries.appendingPathComponent("sessions.csv").path, mapping: nil)
        let full = Self.read(sampleFiles(), Self.queries[query], projects: false, settings: settings)
        let projected = Self.read(sampleFiles(), Self.queries[query], projects: true, settings: settings)
        #expect(full.rows.count == 595)
        #expect(projected.files == full.files)
        #expect(projected.rows == full.rows)
    }

    @Test("messy exports: rejects in questions not asked, duplicates by form id and by fingerprint, personal data",
          arguments: queries.indices)
    func messyExports(query: Int) throws {
        let exports = MessyExports(in: scratchDirectory())
        let full = Self.read(exports.paths, Self.queries[query], projects: false)
        let projected = Self.read(exports.paths, Self.queries[query], projects: true)
        // The planted cases are there: counted by the generator, not by pikir.
        #expect(full.files == exports.expected, "the generator's plan")
        #expect(projected.files == full.files)
        #expect(projected.rows.count == full.rows.count)
        for (p, f) in zip(projected.rows, full.rows) where p != f {
            Issue.record("projected \(p)\n     full \(f)")
            break
        }
    }
}

/// Three exports written the ways centres write them, with what decides a
/// record's fate planted in cells a query may not read:
/// - Google Forms (UTF-8, comma, CRLF, a timestamp, no id): duplicates found
///   by fingerprint only, some of them only after redaction (another phone
///   number in the comment or the contact column) or canonicalisation
///   (`Almaty` for `Алматы`); near copies that are not duplicates (another
///   delivery score, another comment); rejects for a bad delivery or
///   organisation score, an impossible date, no answer.
/// - Excel (CP1251, `sep=;`, form ids): an id given twice, an IIN as id (no id).
/// - Unicode text (UTF-16LE, tab): Kazakh answers, ids of the Excel file again.
struct MessyExports {
    var paths: [String] = []
    /// Each file's accounting as `ProjectionTests.read` prints it, from the plan.
    var expected: [String] = []

    private static let cities = ["г. Нур-Султан", "Алматы", "Қарағанды", "Шымкент", "Gotham", "Karaganda"]
    private static let modules = ["Открытая работа с молодёжью", "Жастармен цифрлық жұмыс", "Street youth work"]
    private static let trainers = ["Nurlybai Nauryzbayev", "Айгерім Жұмабекова", "Ерлан Сарсенов"]
    private static let groups = ["Представитель НПО", "Студент", "Other"]
    private static let texts = [
        "Рөлдік ойындар, талқылау, кейстер", "Разбор реальных ситуаций с подростками", "Real cases, \"role play\"",
        "Уақыт тез өтті, қызықты болды", "Больше практики\nи перерывов", "Нет", "More time for questions",
    ]

    init(in dir: URL) {
        forms(dir)
        excel(dir)
        unicodeText(dir)
    }

    /// A quoted CSV field when it needs quotes.
    private static func field(_ s: String, _ delimiter: Character) -> String {
        s.contains(delimiter) || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    private mutating func forms(_ dir: URL) {
        let header = ["Отметка времени", "Ваш город", "Какой модуль вы прошли сегодня?", "ФИО тренера",
                      "К какой категории участников вы относитесь?", "Насколько вы удовлетворены тренингом в целом?",
                      "Насколько понятно тренер подавал материал?", "Насколько содержание тренинга актуально для вашей работы?",
                      "Как вы оцениваете организацию тренинга (место, время, раздаточные материалы)?",
                      "Сможете ли вы применить полученные знания на практике?",
                      "Насколько вероятно, что вы порекомендуете этот тренинг коллегам? (0–10)",
                      "Что вам больше всего понравилось?", "Что можно улучшить?", "Ваши комментарии и предложения", "Телефон для связи"]
        var rows: [[String]] = []
        var rejected = 0
        for i in 0..<1400 {
            let ts = String(format: "2024/%02d/%02d %d:%02d:%02d PM GMT+6", 1 + i % 12, 1 + i % 28, 1 + i / 3600, i / 60 % 60, i % 60)
            var scores = (0..<5).map { q in (i + 7 * q) % 20 == 0 ? "" : String(1 + (i * (q + 3)) % 5) }
            if i % 13 == 0 { scores[4] = "Затрудняюсь ответить" }
            var comment = Self.texts[(i * 5) % Self.texts.count]
            switch i % 9 {
            case 0: comment += ", звоните +7 701 234 \(String(format: "%02d", i % 100)) \(String(format: "%02d", i % 97))"
            case 1: comment += " aigerim.zh\(i)@mail.kz"
            case 2: comment = "ЖСН 950315300019, " + comment
            default: break
            }
            var row = [ts, Self.cities[i % Self.cities.count], Self.modules[i % 3], Self.trainers[(i / 3) % 3], Self.groups[(i / 7) % 3]]
                + scores + [String(i % 11), Self.texts[i % Self.texts.count], i % 4 == 0 ? "" : Self.texts[(i + 3) % Self.texts.count],
                            comment, i % 3 == 1 ? "" : "8 701 555 \(String(format: "%04d", i))"]
            if i % 97 == 50 { row[6] = "7"; rejected += 1 }  // delivery on 1–5
            else if i % 89 == 40 { row[8] = "9"; rejected += 1 }  // organisation on 1–5
            else if i % 101 == 60 { for c in 5...13 { row[c] = "" }; rejected += 1 }  // no answer
            else if i % 103 == 70 { row[0] = "2024/02/30 1:00:00 PM GMT+6"; rejected += 1 }  // impossible date
            rows.append(row)
        }
        // Copies of accepted rows (none planted above): duplicates, and near copies that are not.
        var duplicates = 0, accepted = 1400 - rejected
        for k in 0..<12 {
            let i = 27 * k + 9  // i % 9 == 0: the comment holds a phone number
            var same = rows[i]
            rows.append(same); duplicates += 1
            same[13] = same[13].replacingOccurrences(of: "+7 701 234", with: "8 (702) 111")
            rows.append(same); duplicates += 1  // the same once redacted
            same[14] = "+7 777 000 00 \(String(format: "%02d", k))"
            rows.append(same); duplicates += 1  // another contact number, the same once redacted
            var place = rows[i]
            place[1] = place[1] == "Алматы" ? "Almaty" : place[1] == "Қарағанды" ? "Караганда" : place[1]
            rows.append(place); duplicates += 1  // the same place however written
            var delivery = rows[i]
            delivery[6] = delivery[6] == "5" ? "4" : "5"
            rows.append(delivery); accepted += 1  // another answer to a question no query below may read
            var other = rows[i]
            other[12] += " Рахмет!"
            rows.append(other); accepted += 1
        }
        let text = ([header] + rows).map { $0.map { Self.field($0, ",") }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        let path = dir.appendingPathComponent("01_almaty_google-forms_ru-kk.csv").path
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        paths.append(path)
        expected.append("01_almaty_google-forms_ru-kk.csv ingested: \(accepted) accepted, \(rejected) rejected, \(duplicates) duplicates, 0 ignored ")
    }

    private static let excelHeader = ["№ анкеты", "Город", "Дата", "ФИО тренера", "Модуль", "Категория участника", "Общая оценка",
                                      "Подача материала тренером", "Актуальность содержания", "Организация", "Применимость",
                                      "Порекомендуете ли тренинг коллегам? (0-10)", "Что понравилось", "Что улучшить", "Комментарий"]

    /// Answers in Russian and Latin only, which CP1251 can write.
    private static let russian = (cities: ["Караганда", "Алматы", "Астана", "Gotham"],
                                  modules: ["Открытая работа с молодёжью", "Цифровая работа с молодёжью", "Street youth work"],
                                  trainers: ["Ерлан Сарсенов", "Nurlybai Nauryzbayev", "Айгерим Жумабекова"],
                                  texts: ["Разбор реальных ситуаций; с подростками", "Больше практики", "Спасибо за тёплую атмосферу", "Нет"])

    /// A row of the Excel-like files: id, place, date, labels, scores, texts.
    private static func excelRow(_ i: Int, id: String, texts: [String], russianOnly: Bool = false) -> [String] {
        let cities = russianOnly ? russian.cities : cities, modules = russianOnly ? russian.modules : modules
        let trainers = russianOnly ? russian.trainers : trainers, groups = russianOnly ? ["Студент", "Специалист МРЦ", "Other"] : groups
        return [id, cities[(i + 1) % cities.count], String(format: "%02d.%02d.2024", 1 + i % 28, 1 + i % 12), trainers[i % 3],
                modules[(i / 2) % 3], groups[i % 3]] + (0..<5).map { q in (i + q) % 17 == 0 ? "" : String(1 + (i + q) % 5) }
            + [String((i * 3) % 11), texts[i % texts.count], "", i % 5 == 0 ? "Тел. 87012345678, спасибо" : texts[(i + 2) % texts.count]]
    }

    private mutating func excel(_ dir: URL) {
        let russian = Self.russian.texts
        var rows: [[String]] = []
        var rejected = 0, duplicates = 0
        for i in 0..<700 {
            var row = Self.excelRow(i, id: String(format: "KRG24-%05d", i), texts: russian, russianOnly: true)
            if i % 61 == 30 { row[10] = "6"; rejected += 1 }  // applicability on 1–5
            else if i % 67 == 33 { row[2] = "31.02.2024"; rejected += 1 }  // impossible date
            rows.append(row)
        }
        for k in 0..<5 {
            var again = Self.excelRow(1000 + k, id: String(format: "KRG24-%05d", 100 * k + 2), texts: russian, russianOnly: true)
            again[6] = "1"
            rows.append(again); duplicates += 1  // the same form id, other answers
        }
        // An IIN where the id goes is personal data, not an id: both rows count.
        rows.append(Self.excelRow(2000, id: "950315300019", texts: russian, russianOnly: true))
        rows.append(Self.excelRow(2001, id: "950315300019", texts: russian, russianOnly: true))
        let text = "sep=;\r\n" + ([Self.excelHeader] + rows).map { $0.map { Self.field($0, ";") }.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        let path = dir.appendingPathComponent("02_karaganda_excel_ru_cp1251.csv").path
        try! Data(Self.cp1251(text)).write(to: URL(fileURLWithPath: path))
        paths.append(path)
        expected.append("02_karaganda_excel_ru_cp1251.csv ingested: \(rows.count - rejected - duplicates) accepted, \(rejected) rejected, \(duplicates) duplicates, 1 ignored ")
    }

    private mutating func unicodeText(_ dir: URL) {
        let kazakh = ["Тренинг өте пайдалы болды", "Рөлдік ойындар, талқылау", "Уақыт аз болды", "Рахмет! Хабарласыңыз: erlan@jrc.kz"]
        var rows: [[String]] = []
        for i in 0..<300 { rows.append(Self.excelRow(i + 3, id: String(format: "NUR24-%05d", i), texts: kazakh)) }
        // Form ids of the Excel file: duplicates across files and encodings.
        for k in 0..<4 { rows.append(Self.excelRow(k + 7, id: String(format: "KRG24-%05d", 10 * k + 2), texts: kazakh)) }
        let text = ([Self.excelHeader] + rows).map { $0.joined(separator: "\t") }.joined(separator: "\r\n") + "\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = dir.appendingPathComponent("03_nur-sultan_unicode-text_kk-ru.txt").path
        try! Data(bytes).write(to: URL(fileURLWithPath: path))
        paths.append(path)
        expected.append("03_nur-sultan_unicode-text_kk-ru.txt ingested: 300 accepted, 0 rejected, 4 duplicates, 0 ignored ")
    }

    /// Windows-1251: ASCII, the Russian alphabet, Ё ё and №.
    private static func cp1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { s -> UInt8 in
            switch s.value {
            case 0..<0x80: UInt8(s.value)
            case 0x410...0x44F: UInt8(s.value - 0x410 + 0xC0)
            case 0x401: 0xA8
            case 0x451: 0xB8
            case 0x2116: 0xB9
            default: preconditionFailure("not in CP1251: \(s)")
            }
        }
    }
}
