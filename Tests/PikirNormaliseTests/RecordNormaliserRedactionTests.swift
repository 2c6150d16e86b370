import Foundation
import PikirIngest
import Testing
@testable import PikirNormalise

/// Issue 11: every cell is redacted before any rule reads it, so nothing
/// stored or derived from a record holds an IIN, a phone or an e-mail.
extension RecordNormaliserTests {
    static let personalData = ["950315300019", "050712600425", "9503 1530 0019", "+7 701 123 45 67", "8 (702) 765-43-21",
                               "87011112233", "87774445566", "a@b.kz", "c@d.kz", "иван@mail.ru", "701", "702"]

    /// Every text of a response, as it would be stored.
    func texts(_ r: CanonicalResponse) -> [String] {
        [r.responseID, r.timestamp, r.region, r.city, r.sessionDate, r.sessionID, r.trainerID, r.trainerName, r.module,
         r.participantGroup, r.lang, r.liked, r.improve, r.comment].compactMap { $0 } + r.extras.flatMap { [$0.header, $0.value] }
    }

    @Test func sessionIDTrainerKeyAndFingerprintAreDerivedFromTheRedactedCells() throws {
        let header = "timestamp,city,session_date,trainer,module,participant_group,overall,comment,contact\n"
        // Two rows that differ only in their personal data.
        let text = header
            + "2024/11/05 10:00:01 AM GMT+6,Almaty a@b.kz,05.11.2024,Dmitriy Kim +7 701 123 45 67,open,student,5,Thanks 87011112233,950315300019\n"
            + "2024/11/05 10:00:01 AM GMT+6,Almaty c@d.kz,05.11.2024,Dmitriy Kim 8 (702) 765-43-21,open,student,5,Thanks 87774445566,050712600425\n"
        let outcomes = try normalise(text)
        let rows = try outcomes.map { try response($0.outcome) }
        #expect(rows[0].trainerName == "Dmitriy Kim [PHONE]")
        #expect(rows[0].city == "Almaty [EMAIL]")
        #expect(rows[0].comment == "Thanks [PHONE]")
        #expect(rows[0].extras.map(\.value) == ["[IIN]"])
        let expectedSession = SessionKey.derived(city: "Almaty [EMAIL]", date: "2024-11-05",
                                                 trainerKey: TextFolding.matchKey("Dmitriy Kim [PHONE]"))
        #expect(rows[0].sessionID == expectedSession)
        #expect(rows[1].sessionID == expectedSession)
        // The same answers at the same moment: one fingerprint, whatever the redacted data was.
        #expect(rows[0].fingerprint != nil)
        #expect(rows[0].fingerprint == rows[1].fingerprint)
        #expect(rows[0].fingerprint == rows[0].contentFingerprint)
        for r in rows {
            for text in texts(r) {
                for pd in Self.personalData { #expect(!text.contains(pd), "\(text) holds \(pd)") }
            }
        }
        // City, trainer, comment and the extra: four items in each row.
        for (_, outcome) in outcomes {
            guard case .response(_, let redactions) = outcome else { throw Fail(message: "not a response") }
            #expect(redactions == 4)
        }
    }

    @Test func everyFieldIsRedactedAndCounted() throws {
        let text = "response_id,timestamp,city,region,session_date,session_id,trainer,module,participant_group,lang,overall,liked,improve,comment\n"
            + "R-1 иван@mail.ru,2024-11-05 10:15:32 tel 87011112233,Almaty 9503 1530 0019,Алматы a@b.kz,05.11.2024,"
            + "S-1 +7 701 123 45 67,Aigerim 050712600425,Open youth work 87774445566,Студент c@d.kz,ru 8 (702) 765-43-21,"
            + "5,liked 950315300019,improve a@b.kz,comment +7 701 123 45 67\n"
        let outcome = try #require(try normalise(text).first).outcome
        guard case .response(let r, let redactions) = outcome else { throw Fail(message: "expected a response, got \(outcome)") }
        #expect(redactions == 12)  // one in each of the twelve text cells
        #expect(!r.hasFormID)
        #expect(r.responseID == "0123456789ab:2")
        #expect(r.timestamp == "2024-11-05 10:15:32 tel [PHONE]")
        #expect(r.sessionID == "S-1 [PHONE]")
        #expect(r.trainerName == "Aigerim [IIN]")
        #expect(r.lang == "ru" || r.lang == "en" || r.lang == "kk")
        for text in texts(r) {
            for pd in Self.personalData { #expect(!text.contains(pd), "\(text) holds \(pd)") }
        }
    }

    @Test func aFormIDHoldingPersonalDataIsNoFormID() throws {
        let rows = try normalise("response_id,overall\n950315300019,5\n050712600425,4\nR-17,3\n").map { try response($0.outcome) }
        #expect(rows.map(\.hasFormID) == [false, false, true])
        // Not `[IIN]` for both, which would make the second a duplicate of the first.
        #expect(rows.map(\.responseID) == ["0123456789ab:2", "0123456789ab:3", "R-17"])
    }

    @Test func messagesQuoteTheRedactedCell() throws {
        let outcomes = try normalise("session_date,overall\n05.11.2024,950315300019\n950315300019,5\n05.11.2024,tel 87011112233\n")
        #expect(outcomes.map { rejectCode($0.outcome) } == ["score_unrecognised", "unrecognised_date", "score_unrecognised"])
        for (_, outcome) in outcomes {
            guard case .reject(_, let message) = outcome else { continue }
            #expect(message.contains("[IIN]") || message.contains("[PHONE]"), "\(message)")
            #expect(!message.contains("950315300019") && !message.contains("87011112233"), "\(message)")
        }
    }

    @Test func theHeaderIsRedactedAndCountedOnceForTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-norm-\(UUID().uuidString).csv")
        try Data("city,overall,Questions? call +7 701 234 56 78\nAlmaty,5,yes\nAstana,4,no\n".utf8).write(to: url)
        let reader = try ExportReader(path: url.path)
        let normaliser = try RecordNormaliser(sourceFile: url.path, fileHash: "0123456789abcdef", format: reader.format,
                                              settings: NormaliserSettings())
        #expect(normaliser.headerRedactions == 1)
        let collect = Collect(normaliser)
        _ = try reader.read(into: collect)
        for (_, outcome) in collect.outcomes {
            guard case .response(let r, let redactions) = outcome else { throw Fail(message: "not a response") }
            #expect(r.extras.map(\.header) == ["Questions? call [PHONE]"])
            #expect(redactions == 0)  // the header's item is the file's, not each row's
        }
    }

    @Test func aTrainerNameKeepsItsTokensAsTheyAre() {
        #expect(TrainerRegistry.cleanedName("dmitriy kim [PHONE]") == "Dmitriy Kim [PHONE]")
        #expect(TrainerRegistry.cleanedName("алматы [EMAIL]/[IIN]") == "Алматы [EMAIL]/[IIN]")
    }
}
