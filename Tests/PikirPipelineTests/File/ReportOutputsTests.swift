import Testing
@testable import PikirPipeline

/// `ReportSpec.outputs()`: every language × format with the placeholders filled.
struct ReportOutputsTests {
    @Test func everyCombinationLanguagesOuter() {
        let spec = Pipeline.ReportSpec(kind: "yearly", year: 2024, region: "KZ-75", languages: ["kk", "ru"],
                                       formats: ["text", "html", "pdf"],
                                       output: "reports/{kind}/{year}-{region}-{lang}.{ext}", outputDirectory: "/srv/out")
        let outputs = spec.outputs()
        #expect(outputs.map(\.language) == ["kk", "kk", "kk", "ru", "ru", "ru"])
        #expect(outputs.map(\.format) == ["text", "html", "pdf", "text", "html", "pdf"])
        #expect(outputs.map(\.path) == [
            "/srv/out/reports/yearly/2024-KZ-75-kk.txt",
            "/srv/out/reports/yearly/2024-KZ-75-kk.html",
            "/srv/out/reports/yearly/2024-KZ-75-kk.pdf",
            "/srv/out/reports/yearly/2024-KZ-75-ru.txt",
            "/srv/out/reports/yearly/2024-KZ-75-ru.html",
            "/srv/out/reports/yearly/2024-KZ-75-ru.pdf",
        ])
    }

    @Test func sessionsRepeatsAndPathsAreNormalised() {
        let spec = Pipeline.ReportSpec(kind: "session", session: "S-2024-01", output: "./sessions/../s/{session}/{session}.{lang}.{ext}",
                                       outputDirectory: "/srv/out/")
        #expect(spec.outputs().map(\.path) == ["/srv/out/s/S-2024-01/S-2024-01.kk.html"])
    }

    @Test func unknownOrUnsetPlaceholders() {
        let spec = Pipeline.ReportSpec(kind: "trainers", output: "{kind}-{year}{region}-{nope}-{lang}{.{ext}}", outputDirectory: "/o")
        #expect(spec.outputs().map(\.path) == ["/o/trainers--{nope}-kk{.html}"])
        #expect(Placeholders.names(in: "a{b}{c{d}}{") == ["b", "d"])
    }

    @Test func anAbsoluteOutputStandsAlone() {
        let spec = Pipeline.ReportSpec(kind: "trainers", formats: ["text"], output: "/var/reports/t.{ext}", outputDirectory: "/o")
        #expect(spec.outputs().map(\.path) == ["/var/reports/t.txt"])
    }
}
