import Foundation
import Testing

/// `pikir report … --format html` end to end with the built binary: one
/// self-contained offline page per report, data escaped, small cells
/// suppressed, comments left out of the yearly report, templates
/// overridable, the same bytes every time; and the flag errors.
@Suite("pikir report: HTML structure")
struct ReportHTMLTests {
    // MARK: - Every kind × every language

    @Test("each kind in kk, ru and en: exit 0, <html lang>, no scripts or external references, every chart an accessible image")
    func everyKindEveryLanguage() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let sessions = try ReportFixture.sessionIDs(db)
            let session = try #require(sessions.first, "pikir agg --by session lists no session")
            for (name, arguments) in ReportFixture.kinds(session: session) {
                for lang in ReportFixture.languages {
                    let run = try ReportFixture.report(db, arguments + ["--format", "html", "--lang", lang])
                    #expect(run.status == 0, "\(name) \(lang): \(run)")
                    #expect(run.stderr == "", "\(name) \(lang): nothing on stderr")
                    let html = run.stdout
                    let problems = HTMLStructure.problems(html, lang: lang)
                    #expect(problems.isEmpty, "\(name) \(lang):\n\(problems.prefix(20).joined(separator: "\n"))")
                    #expect(HTMLStructure.svgCount(html) >= 1, "\(name) \(lang): at least one inline SVG chart")
                    #expect(html.contains("<style>"), "\(name) \(lang): inline CSS")
                    #expect(!html.contains("⟦"), "\(name) \(lang): a catalogue key is missing: …\(html.components(separatedBy: "⟦").dropFirst().first?.prefix(60) ?? "")")
                    #expect(html.hasSuffix("</html>\n") || html.hasSuffix("</html>"), "\(name) \(lang): the page is complete")
                }
            }
        }
    }

    @Test("the page's title and headings are in the language asked for")
    func headingsAreTranslated() throws {
        try ReportFixture.withWarehouse { _, db throws in
            for lang in ReportFixture.languages {
                let trainers = try ReportFixture.report(db, ["trainers", "--format", "html", "--lang", lang]).stdout
                let title = try CatalogueFile.text(lang, "trainers.title")
                #expect(trainers.contains("<title>\(title)</title>"), "\(lang): <title>\(title)</title>")
                #expect(trainers.contains("<h1>\(title)</h1>"), "\(lang)")
                let yearly = try ReportFixture.report(db, ["yearly", "--year", "2024", "--format", "html", "--lang", lang]).stdout
                let byRegion = try CatalogueFile.text(lang, "yearly.by_region")
                #expect(yearly.contains("<h2>\(byRegion)</h2>"), "\(lang): <h2>\(byRegion)</h2>")
            }
        }
    }

    // MARK: - Escaping

    /// A comment with markup and a trainer whose name holds a tag, ingested with the sample data.
    static let markupExport = ReportFixture.exportHeader
        + ReportFixture.exportLine(session: "MARKUP-1", city: "Almaty", date: "2024-12-01", trainer: "Ivan <i>Petrov</i>", overall: 5,
                                   comment: #""<script>alert(""x"")</script> & <b>bold</b>""#)
        + (1...5).map { ReportFixture.exportLine(session: "MARKUP-1", city: "Almaty", date: "2024-12-01", trainer: "Ivan <i>Petrov</i>", overall: 3 + $0 % 3) }.joined()

    @Test("markup in a comment and in a trainer's name shows as text, never as HTML")
    func dataIsEscaped() throws {
        try ReportFixture.withWarehouse(extra: [("markup.csv", Self.markupExport)]) { _, db throws in
            for lang in ReportFixture.languages {
                let run = try ReportFixture.report(db, ["trainers", "--format", "html", "--lang", lang])
                #expect(run.status == 0, "\(run)")
                let html = run.stdout
                #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"),
                        "\(lang): the comment, escaped, word for word")
                let lower = html.lowercased()
                #expect(!lower.contains("<script"), "\(lang): no <script> element")
                #expect(!lower.contains("<b>") && !lower.contains("</b>"), "\(lang): no <b> element")
                #expect(!lower.contains("<i>") && !lower.contains("</i>"), "\(lang): no <i> element")
                #expect(lower.contains("&lt;i&gt;petrov&lt;/i&gt;"), "\(lang): the trainer's name with its tag as text")
                // The name is in the ranking table, its section heading and the charts' titles, escaped everywhere.
                #expect(HTMLStructure.occurrences(of: "&lt;/i&gt;", in: html) >= 4, "\(lang): the name appears escaped in table, heading and charts")
                #expect(HTMLStructure.problems(html, lang: lang).isEmpty, "\(lang): \(HTMLStructure.problems(html, lang: lang))")
            }
            // The same data in a session report and a yearly report with comments.
            let session = try ReportFixture.report(db, ["session", "--session", "MARKUP-1", "--format", "html", "--lang", "en"])
            #expect(session.status == 0, "\(session)")
            #expect(session.stdout.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
            #expect(!session.stdout.lowercased().contains("<script"))
            #expect(!session.stdout.lowercased().contains("<i>"), "the trainer in the subtitle is escaped")
        }
    }

    // MARK: - Suppression

    /// Three regions in 2030 with 3, 40 and 41 responses: Almaty's 3 is
    /// primary-suppressed, and Astana's 40, the smallest other count, is
    /// suppressed too so that 3 cannot be read off the total.
    static let suppressionExport = ReportFixture.exportHeader
        + (0..<3).map { ReportFixture.exportLine(session: "SUP-ALM", city: "Almaty", date: "2030-03-01", trainer: "Ким Д.", overall: 1 + $0, comment: "almaty comment \($0)") }.joined()
        + (0..<40).map { ReportFixture.exportLine(session: "SUP-AST", city: "Astana", date: "2030-03-02", trainer: "Ким Д.", overall: 4 + $0 % 2, comment: "astana comment \($0)") }.joined()
        + (0..<41).map { ReportFixture.exportLine(session: "SUP-KAR", city: "Karaganda", date: "2030-03-03", trainer: "Ким Д.", overall: 3 + $0 % 3, comment: "karaganda comment \($0)") }.joined()

    @Test("a region under 5 responses is suppressed with its complement; only the big one and the total are published")
    func smallCellSuppression() throws {
        try ReportFixture.withWarehouse(samples: false, extra: [("regions-2030.csv", Self.suppressionExport)]) { _, db throws in
            for lang in ReportFixture.languages {
                let run = try ReportFixture.report(db, ["yearly", "--year", "2030", "--format", "html", "--lang", lang])
                #expect(run.status == 0, "\(run)")
                let html = run.stdout
                let suppressed = try CatalogueFile.text(lang, "label.suppressed")
                let almaty = try CatalogueFile.text(lang, "region.KZ-75"), astana = try CatalogueFile.text(lang, "region.KZ-71")
                let karaganda = try CatalogueFile.text(lang, "region.KZ-35"), total = try CatalogueFile.text(lang, "label.total")
                for (region, why) in [(almaty, "primary: 3 < 5"), (astana, "complementary: the smallest other count, 40")] {
                    let row = try #require(HTMLStructure.row(html, firstCell: region), "\(lang): a row for \(region)")
                    // No registered session in 2030: no response-rate column (region, sessions, responses, last year, this year,
                    // interval, NPS, interval, change).
                    #expect(row.count == 9, "\(lang) \(region): every column present")
                    #expect(row.dropFirst().allSatisfy { $0.text == suppressed && $0.cls.contains("suppressed") },
                            "\(lang) \(region) (\(why)): every cell says \(suppressed): \(row.map(\.text))")
                    #expect(row.dropFirst().allSatisfy { !$0.text.contains(where: \.isNumber) }, "\(lang) \(region): no statistic")
                }
                let published = try #require(HTMLStructure.row(html, firstCell: karaganda), "\(lang): a row for \(karaganda)")
                #expect(published[2].text == "41", "\(lang): Karaganda's 41 responses are published: \(published.map(\.text))")
                #expect(!published.contains { $0.cls.contains("suppressed") })
                let totalRow = try #require(HTMLStructure.row(html, firstCell: total))
                #expect(totalRow[2].text == "84", "\(lang): the total, 3 + 40 + 41: \(totalRow.map(\.text))")
                // The note says what was hidden and why; the chart leaves the hidden regions out.
                let note = try CatalogueFile.text(lang, "yearly.suppression_note").replacingOccurrences(of: "{k}", with: "5")
                #expect(html.contains("<p class=\"note\">\(HTMLStructure.escape(note))</p>"), "\(lang): the suppression note: \(note)")
                let chart = try #require(html.components(separatedBy: "<svg").dropFirst().first?.components(separatedBy: "</svg>").first)
                #expect(chart.contains(HTMLStructure.escape(karaganda)), "\(lang): the published region is charted")
                #expect(!chart.contains(HTMLStructure.escape(almaty)) && !chart.contains(HTMLStructure.escape(astana)),
                        "\(lang): no suppressed region in the chart")
                // Almaty's mean, 2.00, and Astana's, 4.50, appear nowhere.
                let two = lang == "en" ? "2.00" : "2,00", fourHalf = lang == "en" ? "4.50" : "4,50"
                let cells = HTMLStructure.tableTexts(html)
                #expect(!cells.contains(two) && !cells.contains(fourHalf),
                        "\(lang): no suppressed mean in a cell")
            }
        }
    }

    @Test("--min-n changes the threshold: with 3 nothing is suppressed")
    func suppressionThreshold() throws {
        try ReportFixture.withWarehouse(samples: false, extra: [("regions-2030.csv", Self.suppressionExport)]) { _, db throws in
            let run = try ReportFixture.report(db, ["yearly", "--year", "2030", "--format", "html", "--lang", "en", "--min-n", "3"])
            #expect(run.status == 0, "\(run)")
            #expect(!run.stdout.contains("class=\"num suppressed\""), "3 ≥ 3: every region published")
            #expect(HTMLStructure.row(run.stdout, firstCell: "Almaty")?[2].text == "3")
        }
    }

    // MARK: - Comments

    @Test("the yearly report leaves comments out by default and says so")
    func yearlyCommentsLeftOut() throws {
        try ReportFixture.withWarehouse(samples: false, extra: [("regions-2030.csv", Self.suppressionExport)]) { _, db throws in
            for lang in ReportFixture.languages {
                let html = try ReportFixture.report(db, ["yearly", "--year", "2030", "--format", "html", "--lang", lang]).stdout
                #expect(!html.contains("comment "), "\(lang): no comment text")
                #expect(!html.contains("<ul class=\"comments\">"), "\(lang): no comment list")
                #expect(html.contains(HTMLStructure.escape(try CatalogueFile.text(lang, "yearly.comments_left_out"))), "\(lang): says comments are left out")
                let text = try ReportFixture.report(db, ["yearly", "--year", "2030", "--lang", lang]).stdout
                #expect(!text.contains("comment "), "\(lang) text: no comment")
            }
        }
    }

    @Test("--comments puts the yearly report's comments in (never those of a suppressed cell)")
    func yearlyCommentsAskedFor() throws {
        try ReportFixture.withWarehouse(samples: false, extra: [("regions-2030.csv", Self.suppressionExport)]) { _, db throws in
            let run = try ReportFixture.report(db, ["yearly", "--year", "2030", "--format", "html", "--lang", "en", "--comments"])
            #expect(run.status == 0, "\(run)")
            let html = run.stdout
            #expect(!html.contains("Free-text comments are left out"), "no 'left out' note when asked for")
            #expect(html.contains("karaganda comment"), "a comment of the published region")
            #expect(html.contains("<ul class=\"comments\">"), "a comment list")
            #expect(!html.contains("almaty comment"), "never a comment of a primary-suppressed cell (3 people)")
        }
    }

    @Test("the trainer and session reports show comments by default and leave them out with --no-comments")
    func trainerComments() throws {
        try ReportFixture.withWarehouse(samples: false, extra: [("regions-2030.csv", Self.suppressionExport)]) { _, db throws in
            let with = try ReportFixture.report(db, ["trainers", "--format", "html", "--lang", "en"]).stdout
            #expect(with.contains("<ul class=\"comments\">"))
            #expect(with.contains(" comment "))
            let without = try ReportFixture.report(db, ["trainers", "--format", "html", "--lang", "en", "--no-comments"]).stdout
            #expect(!without.contains("<ul class=\"comments\">"))
            #expect(!without.contains(" comment "))
            let session = try ReportFixture.report(db, ["session", "--session", "SUP-KAR", "--format", "html", "--lang", "en"]).stdout
            #expect(session.contains("karaganda comment"))
            let sessionWithout = try ReportFixture.report(db, ["session", "--session", "SUP-KAR", "--format", "html", "--lang", "en", "--no-comments"]).stdout
            #expect(!sessionWithout.contains("karaganda comment"))
        }
    }

    // MARK: - Data quality

    /// The files holding 2024's responses in Reference/sample-export.csv (`source_file` of the rows with year 2024), and
    /// their `ingest` counts summed from sample-data/expected.json: 5 files, 200 records, 197 accepted, 3 rejects
    /// (too_many_fields, ambiguous_date, impossible_date), no duplicates or ignored lines. The warehouse as a whole has
    /// 15 files, 613 records and an unterminated_quote reject in a 2025 file.
    @Test("yearly data quality covers the year's files only, says so, and names reject reasons in the report's language")
    func dataQuality() throws {
        try ReportFixture.withWarehouse { _, db throws in
            func qualitySection(_ lang: String) throws -> String {
                let html = try ReportFixture.report(db, ["yearly", "--year", "2024", "--format", "html", "--lang", lang]).stdout
                return try #require(html.components(separatedBy: "<section id=\"quality\">").dropFirst().first?
                    .components(separatedBy: "</section>").first)
            }
            let quality = try qualitySection("en")
            func fact(_ label: String) -> String? {
                quality.firstMatch(of: try! Regex("<dt>\(label)</dt><dd>([^<]*)</dd>")).map { String($0.output[1].substring ?? "") }
            }
            #expect(quality.contains("Counted: the files that hold responses of 2024 (5 files), all of their records."))
            #expect(fact("Files read") == "5 files")
            #expect(fact("Total") == "200 records")
            #expect(fact("Responses") == "197 answers", "got \(fact("Responses") ?? "nothing")")
            #expect(fact("Rejected records") == "3")
            #expect(fact("Duplicates") == "0")
            #expect(fact("Ignored lines") == "0")
            #expect(fact("Personal data redacted") != nil)
            #expect(HTMLStructure.row(quality, firstCell: "More fields than the header has columns (too_many_fields)")?.last?.text == "1")
            #expect(HTMLStructure.row(quality, firstCell: "Ambiguous date (day and month could be swapped) (ambiguous_date)")?.last?.text == "1")
            #expect(HTMLStructure.row(quality, firstCell: "Impossible date (impossible_date)")?.last?.text == "1")
            #expect(!quality.contains("unterminated_quote"), "the 2025 file's reject is not 2024's")
            let ru = try qualitySection("ru")
            #expect(HTMLStructure.row(ru, firstCell: "Полей больше, чем столбцов в заголовке (too_many_fields)")?.last?.text == "1")
            #expect(HTMLStructure.row(ru, firstCell: "Невозможная дата (impossible_date)")?.last?.text == "1")
            #expect(ru.contains("Учтены файлы с ответами за 2024 год (5 файлов) — все их записи."))
            let kk = try qualitySection("kk")
            #expect(HTMLStructure.row(kk, firstCell: "Өрістер тақырыптағы бағандардан көп (too_many_fields)")?.last?.text == "1")
            #expect(HTMLStructure.row(kk, firstCell: "Екіұшты күн (күн мен ай ауысуы мүмкін) (ambiguous_date)")?.last?.text == "1")
        }
    }

    // MARK: - Templates

    @Test("--templates DIR with a style.mustache replaces the built-in style, the rest stays")
    func customStyle() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let templates = dir.appendingPathComponent("brand")
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            try templates.writeFile("style.mustache", text: "/* ministry brand */ body { background: #fafad2; }\n")
            let plain = try ReportFixture.report(db, ["trainers", "--format", "html", "--lang", "ru"])
            let branded = try ReportFixture.report(db, ["trainers", "--format", "html", "--lang", "ru", "--templates", templates.path])
            #expect(branded.status == 0, "\(branded)")
            #expect(branded.stdout.contains("/* ministry brand */ body { background: #fafad2; }"))
            #expect(!branded.stdout.contains("--ink: #1a1a1a"), "the built-in style is replaced, not added to")
            #expect(plain.stdout.contains("--ink: #1a1a1a"))
            // Everything outside <style> is the same.
            func outsideStyle(_ html: String) -> String {
                let parts = html.components(separatedBy: "<style>")
                return parts[0] + (parts.count > 1 ? parts[1].components(separatedBy: "</style>").dropFirst().joined() : "")
            }
            #expect(outsideStyle(branded.stdout) == outsideStyle(plain.stdout))
            #expect(HTMLStructure.problems(branded.stdout, lang: "ru").isEmpty)
        }
    }

    @Test("--templates DIR with a page.mustache changes the page around the built-in sections")
    func customPage() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let templates = dir.appendingPathComponent("brand")
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            try templates.writeFile("page.mustache", text: """
                <!DOCTYPE html>
                <html lang="{{lang}}"><head><meta charset="utf-8"><title>{{title}}</title><style>{{> style}}</style></head>
                <body><p class="ministry">Ministry of Culture and Information</p>{{#sections}}{{> section}}{{/sections}}</body></html>

                """)
            let run = try ReportFixture.report(db, ["trainers", "--format", "html", "--lang", "kk", "--templates", templates.path])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("<p class=\"ministry\">Ministry of Culture and Information</p>"))
            #expect(run.stdout.contains("<section id=\"ranking\">"), "built-in section template still used")
            #expect(!run.stdout.contains("<footer>"), "this page has no footer")
        }
    }

    @Test("--templates: a missing folder or a broken template is a clear error and a non-zero exit, and writes nothing")
    func templateErrors() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let missing = dir.appendingPathComponent("no-such-templates").path
            let out = dir.appendingPathComponent("out.html").path
            let run = try ReportFixture.report(db, ["trainers", "--format", "html", "--templates", missing, "-o", out])
            #expect(run.status != 0, "\(run)")
            #expect(run.stderr.contains(missing) && run.stderr.contains("no such folder"), "names the folder: \(run.stderr)")
            #expect(run.stderr.contains("style"), "lists the template names")
            #expect(!FileManager.default.fileExists(atPath: out), "no half-made report")

            let file = try dir.writeFile("a-file", text: "")
            let notFolder = try ReportFixture.report(db, ["trainers", "--format", "html", "--templates", file])
            #expect(notFolder.status != 0, "a file is not a templates folder: \(notFolder)")

            let broken = dir.appendingPathComponent("broken")
            try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
            try broken.writeFile("section.mustache", text: "<section>{{#blocks}}unclosed\n")
            let bad = try ReportFixture.report(db, ["trainers", "--format", "html", "--templates", broken.path])
            #expect(bad.status != 0, "\(bad)")
            #expect(bad.stderr.contains("section.mustache"), "names the broken file: \(bad.stderr)")
        }
    }

    // MARK: - Flag errors

    @Test("--lang xx exits 64 and lists kk, ru, en")
    func unknownLanguage() throws {
        try ReportFixture.withWarehouse { _, db throws in
            for kind in [["trainers"], ["yearly", "--year", "2024"]] {
                let run = try ReportFixture.report(db, kind + ["--lang", "xx", "--format", "html"])
                #expect(run.status == 64, "\(run)")
                #expect(run.stderr.contains("xx"), "\(run.stderr)")
                #expect(run.stderr.contains("kk, ru, en"), "\(run.stderr)")
                #expect(run.stdout == "")
            }
        }
    }

    @Test("yearly without --year exits 64 and says so")
    func yearlyNeedsYear() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let run = try ReportFixture.report(db, ["yearly", "--format", "html"])
            #expect(run.status == 64, "\(run)")
            #expect(run.stderr.contains("--year"), "\(run.stderr)")
            #expect(run.stdout == "")
        }
    }

    @Test("session without --session exits 64; an unknown session id exits non-zero with a message")
    func sessionErrors() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let none = try ReportFixture.report(db, ["session"])
            #expect(none.status == 64, "\(none)")
            #expect(none.stderr.contains("--session"))
            let out = dir.appendingPathComponent("s.html").path
            let unknown = try ReportFixture.report(db, ["session", "--session", "NO-SUCH-SESSION", "--format", "html", "-o", out])
            #expect(unknown.status != 0, "\(unknown)")
            #expect(unknown.stderr.contains("NO-SUCH-SESSION"), "\(unknown.stderr)")
            #expect(unknown.stderr.contains("pikir agg --by session"), "says how to list the sessions: \(unknown.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test("--format pdf without -o exits 64")
    func pdfNeedsOutput() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let run = try ReportFixture.report(db, ["trainers", "--format", "pdf"])
            #expect(run.status == 64, "\(run)")
            #expect(run.stderr.contains("-o"))
        }
    }

    @Test("a warehouse that does not exist is an error, not an empty report")
    func missingWarehouse() throws {
        try withTemporaryDirectory { dir throws in
            let db = dir.appendingPathComponent("nothing.sqlite").path
            let run = try ReportFixture.report(db, ["trainers", "--format", "html"])
            #expect(run.status != 0, "\(run)")
            #expect(!run.stderr.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: db), "not created by a report")
        }
    }

    // MARK: - Determinism

    @Test("the same warehouse and flags give byte-identical files, also from a second warehouse of the same exports")
    func determinism() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let session = try #require(try ReportFixture.sessionIDs(db).first)
            try ReportFixture.withWarehouse { _, second throws in
                for (name, arguments) in ReportFixture.kinds(session: session) {
                    for (format, ext) in [("html", "html"), ("text", "txt")] {
                        var outputs: [Data] = []
                        for (i, warehouse) in [db, db, second].enumerated() {
                            let file = dir.appendingPathComponent("\(name)-\(i).\(ext)").path
                            let run = try ReportFixture.report(warehouse, arguments + ["--format", format, "--lang", "ru", "-o", file])
                            #expect(run.status == 0, "\(run)")
                            #expect(run.stdout == "", "-o: nothing on stdout")
                            outputs.append(try Data(contentsOf: URL(fileURLWithPath: file)))
                        }
                        #expect(outputs[0].count > 1000, "\(name) \(format)")
                        #expect(outputs[0] == outputs[1], "\(name) \(format): two renderings differ")
                        #expect(outputs[0] == outputs[2], "\(name) \(format): a second warehouse of the same files renders differently")
                    }
                }
                // No leftovers of the atomic write beside the outputs.
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
                #expect(leftovers.isEmpty, "\(leftovers)")
            }
        }
    }

    @Test("no clock time unless --generated-at: the date appears only when given, in every kind")
    func generatedAt() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let session = try #require(try ReportFixture.sessionIDs(db).first)
            let today = Self.todayISO()
            for (name, arguments) in ReportFixture.kinds(session: session) {
                for lang in ReportFixture.languages {
                    let label = try CatalogueFile.text(lang, "label.generated_at")
                    let plain = try ReportFixture.report(db, arguments + ["--format", "html", "--lang", lang]).stdout
                    #expect(!plain.contains("2026-01-01"), "\(name) \(lang)")
                    #expect(!plain.contains("<dt>\(HTMLStructure.escape(label))</dt>"), "\(name) \(lang): no generated-at line")
                    #expect(!plain.contains(today), "\(name) \(lang): today's date \(today) is in the report")
                    let dated = try ReportFixture.report(db, arguments + ["--format", "html", "--lang", lang, "--generated-at", "2026-01-01"]).stdout
                    #expect(dated.contains("<dt>\(HTMLStructure.escape(label))</dt><dd>2026-01-01</dd>"), "\(name) \(lang): the given date with its label")
                    let text = try ReportFixture.report(db, arguments + ["--lang", lang, "--generated-at", "2026-01-01"]).stdout
                    #expect(text.contains("2026-01-01"), "\(name) \(lang) text")
                    // The cover line under the title names the date too.
                    let coverOf = { (page: String) in page.firstMatch(of: /<p class="cover">.*?<\/p>/).map { String($0.output) } ?? "" }
                    #expect(coverOf(dated).contains(HTMLStructure.escape(label)), "\(name) \(lang): the cover line says when")
                    #expect(!coverOf(plain).contains(HTMLStructure.escape(label)), "\(name) \(lang): no date on the cover")
                    // Apart from those two lines the pages are the same.
                    let withoutLine = dated.replacingOccurrences(of: "<div><dt>\(HTMLStructure.escape(label))</dt><dd>2026-01-01</dd></div>", with: "")
                        .replacingOccurrences(of: coverOf(dated), with: coverOf(plain))
                    #expect(withoutLine == plain, "\(name) \(lang): --generated-at changes nothing else")
                }
            }
        }
    }

    @Test("--generated-at text is escaped like any other text")
    func generatedAtEscaped() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let html = try ReportFixture.report(db, ["trainers", "--format", "html", "--generated-at", "<b>today</b>"]).stdout
            #expect(html.contains("&lt;b&gt;today&lt;/b&gt;"))
            #expect(!html.contains("<b>"))
        }
    }

    static func todayISO() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}

extension HTMLStructure {
    /// Text as Mustache's `{{…}}` writes it (the five characters it escapes).
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
