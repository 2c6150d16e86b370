import Testing
@testable import PikirNormalise

struct CanonicalResponseTests {
    /// A response with every field set, as a full normalisation of a Kazakh row fills it.
    private func filled() -> CanonicalResponse {
        var r = CanonicalResponse(responseID: "R-0042", sourceFile: "exports/караганда-2025.csv", sourceLine: 42)
        r.hasFormID = true
        r.timestamp = "2025/02/17 9:41:07 AM GMT+6"
        r.region = "KZ-35"
        r.city = "Karaganda"
        r.sessionDate = "2025-02-17"
        r.year = 2025
        r.month = 2
        r.sessionID = "karaganda-2025-02-17-aigerim"
        r.trainerID = "T-07"
        r.trainerName = "Әйгерім Сәрсенова"
        r.module = "digital youth work"
        r.participantGroup = "students"
        r.lang = "kk"
        r.scores = .init(overall: 5, delivery: 4, content: 5, organisation: 3, applicability: 4, nps: 9)
        r.liked = "Өте жақсы тренинг"
        r.improve = "Больше практики"
        r.comment = "Рақмет!"
        r.extras = [(header: "Топ", value: "3")]
        r.fingerprint = 77
        return r
    }

    @Test func resetLeavesWhatANewResponseHas() {
        for file in ["exports/караганда-2025.csv", "exports/astana.csv"] {
            var r = filled()
            r.reset(responseID: "abc123def456:7", sourceFile: file, sourceLine: 7)
            let fresh = CanonicalResponse(responseID: "abc123def456:7", sourceFile: file, sourceLine: 7)
            #expect(r == fresh)
            #expect(r.sourceFile == file)
        }
        // Every field differs from a new response's, so `==` would see one left behind.
        let fresh = CanonicalResponse(responseID: "R-0042", sourceFile: "exports/караганда-2025.csv", sourceLine: 42)
        var probe = filled()
        probe.reset(responseID: "R-0042", sourceFile: "exports/караганда-2025.csv", sourceLine: 42)
        #expect(filled() != fresh)
        #expect(probe == fresh)
    }
}
