import Foundation
import PikirIngest
import Testing
@testable import PikirNormalise

/// Whole records through the normaliser: real export lines in, canonical
/// responses or rejects out.
struct RecordNormaliserTests {
    final class Collect: RecordSink {
        let normaliser: RecordNormaliser
        var outcomes: [(line: Int, outcome: NormaliseOutcome)] = []
        init(_ normaliser: RecordNormaliser) { self.normaliser = normaliser }
        func header(columns: [String], line: Int?) {}
        func record(_ record: RecordView) { outcomes.append((record.line, normaliser.normalise(record))) }
        func ignored(_ ignored: IgnoredLine) {}
        func rejected(_ reject: Reject) {}
    }

    func normalise(_ text: String, settings: NormaliserSettings = NormaliserSettings()) throws -> [(line: Int, outcome: NormaliseOutcome)] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-norm-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        let reader = try ExportReader(path: url.path)
        let collect = Collect(try RecordNormaliser(sourceFile: url.path, fileHash: "0123456789abcdef", format: reader.format, settings: settings))
        _ = try reader.read(into: collect)
        return collect.outcomes
    }

    func response(_ outcome: NormaliseOutcome) throws -> CanonicalResponse {
        guard case .response(let r, _) = outcome else { throw Fail(message: "expected a response, got \(outcome)") }
        return r
    }

    func rejectCode(_ outcome: NormaliseOutcome) -> String? {
        if case .reject(let code, _) = outcome { return code }
        return nil
    }

    struct Fail: Error { var message: String }

    /// A timestamped export read for an aggregation that shows no texts:
    /// the texts are hashed into the fingerprint from the record's bytes (or
    /// redacted first), never kept; the fingerprint and the redactions are
    /// those of a full normalisation, row by row.
    @Test func textsReadOnlyForTheFingerprintHashAsKeptTextsDo() throws {
        let text = """
            Отметка времени,Город,Насколько вы удовлетворены тренингом?,Что понравилось?,Что улучшить?,Комментарий
            2025/02/17 9:41:07 AM GMT+6,Алматы,5,"Жаттықтырушы өте жақсы түсіндірді","Больше практики",
            2025/02/17 9:42:10 AM GMT+6,Астана,4,,,"Звоните мне: +7 701 234 56 78, aigerim@example.kz"
            2025/02/17 9:43:55 AM GMT+6,Қарағанды,3,Everything,,"ИИН 900101300123 — в анкете"
            2025/02/17 9:44:00 AM GMT+6,Шымкент,,,,"Тек пікір, баға жоқ"
            """
        var projected = NormaliserSettings()
        projected.fields = [.place]
        let full = try normalise(text)
        let read = try normalise(text, settings: projected)
        #expect(full.count == 4 && read.count == 4)
        var redacted = 0
        for (f, p) in zip(full, read) {
            guard case .response(let a, let aItems) = f.outcome, case .response(let b, let bItems) = p.outcome else {
                Issue.record("line \(f.line): \(f.outcome) / \(p.outcome)")
                continue
            }
            #expect(a.fingerprint != nil)
            #expect(a.fingerprint == b.fingerprint, "line \(f.line)")
            #expect(aItems == bItems, "line \(f.line)")
            #expect(b.liked == nil && b.improve == nil && b.comment == nil)
            redacted += aItems
        }
        #expect(redacted >= 3)  // the phone, the e-mail and the IIN
    }

    @Test func aKazakhExcelRowBecomesOneCanonicalResponse() throws {
        let text = "Қала;Күні;Тренер;Модуль;Қатысушы санаты;Жалпы баға;Басқаларға ұсынасыз ба? (0-10);Пікір\n"
            + "Алматы қ.;2024 ж. 5 қараша;Нұрлыбай Наурызбаев;Жастармен ашық жұмыс;Студент;Өте жақсы;9;Рақмет, тел. 8 (701) 234-56-78\n"
        let r = try response(try #require(try normalise(text).first).outcome)
        #expect(r.region == "KZ-75")
        #expect(r.city == "Almaty")
        #expect(r.sessionDate == "2024-11-05")
        #expect(r.year == 2024)
        #expect(r.trainerName == "Нұрлыбай Наурызбаев")
        #expect(r.module == "open")
        #expect(r.participantGroup == "student")
        #expect(r.scores.overall == 5)
        #expect(r.scores.nps == 9)
        #expect(r.scores.delivery == nil)  // no such column: missing, never 0
        #expect(r.comment == "Рақмет, тел. [PHONE]")
        #expect(r.lang == "kk")
        #expect(r.responseID == "0123456789ab:2")
    }

    /// The hot paths normalise every record of a thread into one value:
    /// nothing of an earlier record may stay in it.
    @Test func oneScratchForManyRecordsGivesWhatFreshValuesGive() throws {
        let text = "Қала;Күні;Тренер;Модуль;Қатысушы санаты;Жалпы баға;Басқаларға ұсынасыз ба? (0-10);Пікір\n"
            + "Алматы қ.;2024 ж. 5 қараша;Нұрлыбай Наурызбаев;Жастармен ашық жұмыс;Студент;Өте жақсы;9;Рақмет, тел. 8 (701) 234-56-78\n"
            + ";;;;;4;;\n"
            + "Астана;12.03.2025;Dmitriy Kim;;;11;;\n"
            + "Шымкент;;;;;;;Все понравилось\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-scratch-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try ExportReader(path: url.path)
        let normaliser = try RecordNormaliser(sourceFile: url.path, fileHash: "0123456789abcdef", format: reader.format,
                                              settings: NormaliserSettings())
        final class Both: RecordSink {
            let normaliser: RecordNormaliser
            var scratch = CanonicalResponse.scratch
            var pairs: [(fresh: String, reused: String)] = []
            init(_ normaliser: RecordNormaliser) { self.normaliser = normaliser }
            func header(columns: [String], line: Int?) {}
            func record(_ record: RecordView) {
                let fresh = normaliser.normalise(record)
                switch normaliser.normalise(record, into: &scratch) {
                case .response(let n): pairs.append(("\(fresh)", "\(NormaliseOutcome.response(scratch, redactions: n))"))
                case .reject(let code, let message): pairs.append(("\(fresh)", "\(NormaliseOutcome.reject(code: code, message: message))"))
                }
            }
            func ignored(_ ignored: IgnoredLine) {}
            func rejected(_ reject: Reject) {}
        }
        let both = Both(normaliser)
        _ = try reader.read(into: both)
        #expect(both.pairs.count == 4)
        for pair in both.pairs { #expect(pair.reused == pair.fresh) }
        #expect(both.pairs[1].fresh.contains("comment: nil") && both.pairs[1].fresh.contains("trainerName: nil"),
                "the second record has neither: \(both.pairs[1].fresh)")
        #expect(both.pairs[2].fresh.contains("score_out_of_range"), "\(both.pairs[2].fresh)")
    }

    @Test func theLanguageIsTheParticipantsNotTheFormsLabels() throws {
        let text = "Модуль;Общая оценка;Комментарий\n"
            + "Жастармен ашық жұмыс;Отлично;Очень понравилось, спасибо\n"
            + "Жастармен ашық жұмыс;5;\n"
            + "Open youth work;Excellent;Great trainer, call me +7 701 234 5678\n"
        let rows = try normalise(text).map { try response($0.outcome) }
        #expect(rows.map(\.lang) == ["ru", "kk", "en"])
    }

    @Test func historicalNamesMapToTodaysCityAndRegionColumnsAreSeparate() throws {
        let text = "Город,Общая оценка\nНур-Султан,5\nАлма-Ата,4\nАлматинская область,3\n"
        let rows = try normalise(text).map { try response($0.outcome) }
        #expect(rows.map(\.city) == ["Astana", "Almaty", nil])
        #expect(rows.map(\.region) == ["KZ-71", "KZ-75", "KZ-19"])
    }

    @Test func eachRejectReasonHasItsCodeAndNamesTheColumn() throws {
        let text = """
            Дата;Общая оценка;NPS (0-10)
            05.11.2024;5;9
            31.02.2024;5;9
            05/06/2024;5;9
            вчера;5;9
            05.11.2024;6;9
            05.11.2024;превосходно-ужасно;9
            05.11.2024;;

            """
        let outcomes = try normalise(text)
        #expect(outcomes.map { rejectCode($0.outcome) ?? "ok" } == [
            "ok", "impossible_date", "ambiguous_date", "unrecognised_date", "score_out_of_range", "score_unrecognised", "no_answers",
        ])
        for (_, outcome) in outcomes.dropFirst() {
            if case .reject(let code, let message) = outcome, code != "no_answers" {
                #expect(message.hasPrefix("Дата:") || message.hasPrefix("Общая оценка:"), "\(message)")
            }
        }
    }

    @Test func aDeclaredSourceScaleIsRescaled() throws {
        let mapping = try ColumnMapper.UserMapping(fields: ["Баға 1-10": "overall"], scales: ["Баға 1-10": "1-10"])
        let settings = NormaliserSettings(columns: ColumnMapper(userMapping: mapping))
        let rows = try normalise("Қала;Баға 1-10\nАлматы;10\nАстана;1\n", settings: settings).map { try response($0.outcome) }
        #expect(rows.map(\.scores.overall) == [5, 1])
    }

    @Test func slashDatesFollowTheOrderTheFileShows() throws {
        // 13/05/2024 can only be day-first: so 05/06/2024 in the same column is 5 June.
        let rows = try normalise("Date,Overall rating\n13/05/2024,5\n05/06/2024,4\n").map { try response($0.outcome) }
        #expect(rows.map(\.sessionDate) == ["2024-05-13", "2024-06-05"])
    }

    @Test func unknownColumnsAreKeptAsExtrasAndRedacted() throws {
        let r = try response(try #require(try normalise("City,Overall rating,Email\nAlmaty,5,aigerim@mail.kz\n").first).outcome)
        #expect(r.extras.count == 1)
        #expect(r.extras.first?.header == "Email")
        #expect(r.extras.first?.value == "[EMAIL]")
    }

    @Test func aFileWithoutKnownQuestionsOrHeaderCannotBeSetUp() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-norm-\(UUID().uuidString).csv")
        try Data("Foo;Bar\n1;2\n".utf8).write(to: url)
        let reader = try ExportReader(path: url.path)
        #expect(throws: NormaliseSetupError.self) {
            try RecordNormaliser(sourceFile: url.path, fileHash: "x", format: reader.format, settings: NormaliserSettings())
        }
    }
}
