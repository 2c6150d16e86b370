import Foundation
import Testing

/// `pikir report trainers --trainer ID`: one trainer's page from the binary, and the usage errors.
@Suite("pikir report trainers --trainer", .serialized)
struct ReportTrainerPageTests {
    /// The registry's trainers (sample-data/registries/trainers.csv).
    static let registry = ["T01": "Нұрлыбай Наурызбаев", "T02": "Айгерім Жұмабекова", "T03": "Жанар Омарова",
                           "T04": "Ерлан Сарсенов", "T05": "Дмитрий Ким"]

    @Test("by id or by a spelling of the name: that trainer's page, no other trainer's name; the full report names them all")
    func onePage() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let full = try ReportFixture.report(db, ["trainers", "--lang", "en"])
            try #require(full.status == 0, "\(full)")
            let present = Self.registry.filter { full.stdout.contains($0.value) }
            try #require(present.count >= 2, "the sample data has several registry trainers: \(full.stdout.prefix(400))")
            for (id, name) in present {
                let html = dir.appendingPathComponent("\(id).html").path
                let run = try ReportFixture.report(db, ["trainers", "--trainer", id.lowercased(), "--lang", "ru", "-o", html])
                try #require(run.status == 0, "\(run)")
                let page = try String(contentsOfFile: html, encoding: .utf8)
                #expect(page.contains("<title>Отзывы участников о тренере</title>"))
                #expect(page.contains(name))
                for (other, otherName) in present where other != id {
                    #expect(!page.contains(otherName), "\(id)'s page names \(other)")
                }
                #expect(!page.contains("id=\"ranking\""), "no ranking table")
            }
            // A surname with an initial, as the registry's names resolve it, in text on standard output.
            let (id, name) = present.sorted { $0.key < $1.key }[0]
            let surname = String(name.split(separator: " ").last!)
            let byName = try ReportFixture.report(db, ["trainers", "--trainer", "\(surname) \(name.first!).", "--lang", "en"])
            #expect(byName.status == 0, "\(byName)")
            #expect(byName.stdout.contains(name), "\(id): \(byName.stdout.prefix(300))")
        }
    }

    @Test("an unknown trainer: exit 64, one line naming the closest; --trainer on another kind is a usage error")
    func unknown() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let out = dir.appendingPathComponent("x.html").path
            let typo = try ReportFixture.report(db, ["trainers", "--trainer", "Омарва", "-o", out])
            #expect(typo.status == 64, "\(typo)")
            #expect(typo.stderr.hasPrefix("pikir: --trainer: no trainer 'Омарва' in the report's scope; closest: T03 (Жанар Омарова)"),
                    "\(typo.stderr)")
            #expect(typo.stderr.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
            let yearly = try ReportFixture.report(db, ["yearly", "--year", "2024", "--trainer", "T03"])
            #expect(yearly.status == 64, "\(yearly)")
            #expect(yearly.stderr.contains("--trainer is for the trainers report"), "\(yearly.stderr)")
        }
    }

    @Test("a pipeline's trainers report with trainer = a name: that page, through the same report kind; on another kind, a mistake with its line")
    func pipeline() throws {
        try withTemporaryDirectory { dir in
            let text = RunWorkspace.pipelineText().replacingOccurrences(of: "[[stage]]\ntype = \"export\"", with: """
                  [[stage.report]]
                  kind = "trainers"
                  trainer = "Омарова Ж."
                  languages = ["en"]
                  formats = ["text"]
                  output = "reports/trainer-omarova.{ext}"

                [[stage]]
                type = "export"
                """)
            let workspace = try RunWorkspace.make(in: dir, pipeline: text)
            let run = try workspace.run("run")
            try #require(run.status == 0, "\(run)")
            let page = try String(contentsOfFile: workspace.path("reports/trainer-omarova.txt"), encoding: .utf8)
            #expect(page.hasPrefix("Participants' feedback on a trainer\n"), "\(page.prefix(200))")
            #expect(page.contains("Жанар Омарова"))
            for other in ["Айгерім Жұмабекова", "Ерлан Сарсенов", "Нұрлыбай Наурызбаев", "Дмитрий Ким"] {
                #expect(!page.contains(other), "names \(other)")
            }

            let wrong = text.replacingOccurrences(of: "year = 2023\n", with: "year = 2023\n  trainer = \"T03\"\n")
            let invalid = try RunWorkspace.make(in: dir.appendingPathComponent("wrong"), pipeline: wrong)
            let validate = try PikirBinary.run(["pipeline", "validate", invalid.pipeline], in: dir)
            #expect(validate.status == 65, "\(validate)")
            #expect(validate.stderr.contains("stage.report.trainer: a yearly report takes no trainer"), "\(validate.stderr)")
        }
    }
}
