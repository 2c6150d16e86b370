import Foundation
import Testing

/// `pikir report` as text for the sample warehouse, compared with the
/// committed snapshots in `Snapshots/`, and — since a snapshot written by the
/// code under test proves nothing by itself — the key numbers of each
/// snapshot checked against values computed independently:
/// `Reference/agg_golden.json` (NumPy/SciPy, per trainer and per region and
/// year) and `Snapshots/report_expected.json` (`report_expected.py`: the
/// session, the 2024 groups and modules with their suppression, the adjusted
/// scores and ranks).
///
/// To rewrite the snapshots after a deliberate change:
///
///     PIKIR_UPDATE_SNAPSHOTS=1 swift test --skip-build --filter ReportTextSnapshotTests
///
/// and read the diff before committing it.
@Suite("pikir report: text snapshots")
struct ReportTextSnapshotTests {
    static let session = "ALM-2024-11-A"

    @Test("trainers --lang ru: snapshot; tiers and per-question tables match agg_golden.json")
    func trainersRussian() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let text = try Self.render(db, ["trainers", "--lang", "ru"])
            Snapshot.assertMatches(text, named: "trainers-ru.txt")

            let golden = try Golden.load()
            let expected = try Expected.load()
            let lang = "ru"
            // Tiers: tier, name, n, mean, 95% interval and adjusted score of every registry trainer with n ≥ 5; the tier read
            // from the golden interval against the overall mean μ (shrinking towards μ keeps each end's side of it).
            let ranking = try TextReport.table(text, headerStartsWith: try CatalogueFile.text(lang, "trainers.tier"))
            let everyone = try #require(expected["adjusted"] as? [[String: Any]])
            let mu = try #require(expected["overall_mean"] as? Double)
            // Names the registry did not resolve are listed apart with n and mean, and their sections are marked.
            let registered = everyone.filter { $0["in_registry"] as? Bool == true }
            let adjusted = registered.filter { ($0["n"] as? Int ?? 0) >= 5 }
            let unresolved = everyone.filter { $0["in_registry"] as? Bool == false }
            try #require(!unresolved.isEmpty, "the sample data has a name the registry does not know")
            for trainer in unresolved {
                let name = try #require(trainer["name"] as? String), n = try #require(trainer["n"] as? Int)
                let line = "• " + name + " (нет в реестре) — n = " + String(n) + ", среднее " + Fmt.number(try #require(trainer["mean"] as? Double), 2, lang)
                #expect(text.contains(line), "\(line)")
                #expect(!ranking.contains { $0.count > 1 && $0[1] == name }, "\(name) is not in the tiers")
                #expect(text.contains("\n" + name + " (нет в реестре)\n"), "\(name)'s section is marked")
            }
            for trainer in registered where (trainer["n"] as? Int ?? 0) < 5 {
                let name = try #require(trainer["name"] as? String)
                #expect(text.contains("• " + name + " — "), "\(name) in one line under too few answers")
                #expect(!text.contains("\n" + name + "\n"), "\(name) has no section")
            }
            #expect(ranking.count == adjusted.count, "one row per registry trainer with enough answers: \(ranking)")
            var expectedRows: [(tier: Int, adjusted: Double, cells: [String])] = []
            for trainer in adjusted {
                let key = try #require(trainer["key"] as? String), name = try #require(trainer["name"] as? String)
                let overall = try golden.trainer(key, "overall"), score = try #require(trainer["adjusted"] as? Double)
                let tier = overall.low > mu ? 0 : overall.high < mu ? 2 : 1
                let tierText = try CatalogueFile.text(lang, "trainers.tier." + ["above", "in_line", "below"][tier])
                expectedRows.append((tier, score, [tierText, name, String(overall.n), Fmt.number(overall.mean, 2, lang),
                                                   Fmt.interval(overall.low, overall.high, lang), Fmt.number(score, 2, lang)]))
            }
            // Grouped by tier (above, in line, below), by adjusted score within a tier.
            let order = expectedRows.sorted { ($0.tier, -$0.adjusted) < ($1.tier, -$1.adjusted) }.map(\.cells)
            #expect(ranking == order, "\(ranking)")
            // Each trainer's section: the six questions' n, mean, interval, top-2 share and NPS.
            for trainer in adjusted {
                let key = try #require(trainer["key"] as? String), name = try #require(trainer["name"] as? String)
                let section = try TextReport.section(text, heading: name)
                let table = try TextReport.table(section, headerStartsWith: try CatalogueFile.text(lang, "label.question"))
                for measure in Golden.measures {
                    let g = try golden.trainer(key, measure)
                    let label = try CatalogueFile.text(lang, "question.\(measure)")
                    let row = try #require(table.first { $0.first == label }, "\(name): row \(label)")
                    #expect(Array(row.prefix(6)) == [label, String(g.n), Fmt.number(g.mean, 2, lang), Fmt.interval(g.low, g.high, lang),
                                                     Fmt.percent(g.top2, lang), g.nps.map { Fmt.signed($0, lang) } ?? "—"],
                            "\(name) \(measure): \(row)")
                }
                let facts = try TextReport.facts(section)
                let overall = try golden.trainer(key, "overall")
                #expect(facts[try CatalogueFile.text(lang, "question.short.overall")]
                        == Fmt.number(overall.mean, 2, lang) + " (" + Fmt.interval(overall.low, overall.high, lang) + ")", "\(name): \(facts)")
                #expect(facts[try CatalogueFile.text(lang, "label.nps")] == Fmt.signed(try golden.trainer(key, "nps").nps ?? .nan, lang), "\(name): \(facts)")
            }
        }
    }

    @Test("yearly --year 2022 --lang kk: snapshot; region row matches agg_golden.json, groups and modules report_expected.json")
    func yearlyKazakh() throws {
        try ReportFixture.withWarehouse { _, db throws in
            let text = try Self.render(db, ["yearly", "--year", "2022", "--lang", "kk"])
            Snapshot.assertMatches(text, named: "yearly-2022-kk.txt")

            let golden = try Golden.load()
            let lang = "kk"
            let regions = try TextReport.table(text, headerStartsWith: try CatalogueFile.text(lang, "label.region"))
            // 2022 has one region in the sample data: Astana (KZ-71), 77 responses in five
            // sessions: the registry's AST-2022-06-A and -B and AST-2022-11-A and -B
            // (25 + 24 + 20 + 20 = 89 participants), and one derived from answers naming
            // a trainer the registry does not know (`Айгерим`). No Astana answers in 2021.
            let overall = try golden.region("KZ-71", 2022, "overall"), nps = try golden.region("KZ-71", 2022, "nps")
            let registered = try Registry.registered(["AST-2022-06-A", "AST-2022-06-B", "AST-2022-11-A", "AST-2022-11-B"])
            #expect(registered == 89)
            // The response rate counts the answers of registered sessions only: 21 + 20 + 18 + 13
            // in sample-export.csv, not the derived session's 5.
            let answered = 21 + 20 + 18 + 13
            // The registry shows as the response rate (no participants column: the table fits a 1280 px screen).
            let published = [String(5), String(overall.n), Fmt.percent(Double(answered) / Double(registered), lang),
                             Fmt.number(overall.mean, 2, lang), Fmt.interval(overall.low, overall.high, lang), Fmt.signed(try #require(nps.nps), lang)]
            let astana = try #require(regions.first { $0.first == (try? CatalogueFile.text(lang, "region.KZ-71")) }, "\(regions)")
            // Last year's column: Astana has no 2021 answers, so the short "no data" mark the note under the table explains
            // ("—*: 2021 жылға дерек жоқ."), and no change either.
            let noData = "—*"
            #expect(text.contains(noData + ": " + (try CatalogueFile.text(lang, "yearly.no_data_note"))
                .replacingOccurrences(of: "{mark}: ", with: "").replacingOccurrences(of: "{year}", with: "2021")))
            var row = published
            row.insert(noData, at: 3)
            #expect(Array(astana.dropFirst().prefix(row.count)) == row, "Astana: \(astana)")
            #expect(astana.last == noData, "no 2021 to compare with: \(astana)")
            // The total's last year is every region's 2021 answers pooled (agg_golden.json's region × year means by n),
            // and its change is computed like a region's.
            let lastYear = golden.byRegionYear.filter { $0.key.hasSuffix("|2021|overall") }.compactMap { try? Golden.stat($0.value) }
            let lastN = lastYear.reduce(0) { $0 + $1.n }
            let lastMean = lastYear.reduce(0.0) { $0 + Double($1.n) * $1.mean } / Double(lastN)
            #expect(lastN > 0)
            row[3] = Fmt.number(lastMean, 2, lang)
            let total = try #require(regions.first { $0.first == (try? CatalogueFile.text(lang, "label.total")) }, "\(regions)")
            #expect(Array(total.dropFirst().prefix(row.count)) == row, "the total is Astana's, beside all of 2021: \(total)")
            #expect(total.last?.hasPrefix(Fmt.signed(overall.mean - lastMean, lang, decimals: 2)) == true, "the total's change: \(total)")
            #expect(regions.count == 2)

            // Groups and modules: counts, means and NPS, and which cells are suppressed.
            let expected = try Expected.load()
            let categories = try #require(expected["yearly_categories"] as? [String: Any])
            #expect(categories["year"] as? Int == 2022)
            let suppressed = try CatalogueFile.text(lang, "label.suppressed")
            for (kind, header, prefix) in [("groups", "label.group", "group"), ("modules", "label.module", "module")] {
                let table = try TextReport.table(text, headerStartsWith: try CatalogueFile.text(lang, header))
                let rows = try #require(categories[kind] as? [[String: Any]])
                #expect(table.count == rows.count, "\(kind): \(table)")
                for row in rows {
                    let key = try #require(row["key"] as? String)
                    let label = try CatalogueFile.text(lang, "\(prefix).\(key)")
                    let line = try #require(table.first { $0.first == label }, "\(kind): \(label) in \(table)")
                    if row["suppression"] as? String == "published" {
                        let sessions = try #require(row["sessions"] as? Int), responses = try #require(row["responses"] as? Int)
                        let mean = try #require(row["overall_mean"] as? Double), nps = try #require(row["nps"] as? Double)
                        #expect(Array(line.dropFirst().prefix(3)) == [String(sessions), String(responses), Fmt.number(mean, 2, lang)],
                                "\(kind) \(key): \(line)")
                        #expect(line.count == 7 && line[5] == Fmt.signed(nps, lang), "\(kind) \(key) NPS: \(line)")
                        let ci = try #require(row["overall_ci95"] as? [Double])
                        #expect(line.count == 7 && line[4] == Fmt.interval(ci[0], ci[1], lang), "\(kind) \(key) interval: \(line)")
                    } else {
                        #expect(line.dropFirst().allSatisfy { $0 == suppressed }, "\(kind) \(key) is \(row["suppression"] ?? "?"): \(line)")
                    }
                }
            }
            // The pupils' 3 responses are primary; working youth's 14, the smallest other, is the complement.
            let groups = try #require(categories["groups"] as? [[String: Any]])
            #expect(groups.map { $0["suppression"] as? String } == ["published", "primary", "published", "complementary", "published"])
            #expect(text.contains(try CatalogueFile.text(lang, "yearly.suppression_note").replacingOccurrences(of: "{k}", with: "5")))
            #expect(text.contains(try CatalogueFile.text(lang, "yearly.comments_left_out")))
        }
    }

    @Test("session ALM-2024-11-A --lang en: snapshot; questions and the trainer's earlier sessions match report_expected.json, the region's year agg_golden.json")
    func sessionEnglish() throws {
        try ReportFixture.withWarehouse { _, db throws in
            #expect(try ReportFixture.sessionIDs(db).contains(Self.session), "a real session of the sample data")
            let text = try Self.render(db, ["session", "--session", Self.session, "--lang", "en"])
            Snapshot.assertMatches(text, named: "session-\(Self.session)-en.txt")

            let golden = try Golden.load()
            let expected = try #require(try Expected.load()["session"] as? [String: Any])
            let lang = "en"
            let trainer = try #require(expected["trainer_id"] as? String), region = try #require(expected["region"] as? String)
            let year = try #require(expected["year"] as? Int), responses = try #require(expected["responses"] as? Int)
            #expect(trainer == "T01" && region == "KZ-75" && year == 2024 && responses == 20)

            let facts = try TextReport.facts(text)
            #expect(facts["Responses"] == "\(responses) answers", "\(facts)")
            #expect(facts["Region"] == "Almaty", "\(facts)")
            let registered = try Registry.registered([Self.session])
            #expect(facts["Participants"] == String(registered), "\(facts)")
            #expect(facts["Response rate"] == Fmt.percent(Double(responses) / Double(registered), lang), "\(facts)")
            #expect(text.contains("ALM-2024-11-A · 5 November 2024 · Нұрлыбай Наурызбаев"), "subtitle: session, date, trainer")

            // The trainer's reference is their sessions before this one's first day, labelled with their years;
            // the region's is the session's year (report_expected.py computes both from the export).
            let earlier = try #require(expected["trainer_earlier"] as? [String: Any])
            let earlierMeans = try #require(earlier["means"] as? [String: Double])
            let years = try #require(earlier["years"] as? [Int]), sessions = try #require(earlier["sessions"] as? Int)
            #expect(earlier["before"] as? String == "2024-11-05" && years == [2019, 2020] && sessions == 3)
            let header = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("Question ") })
            #expect(TextReport.cells(header).suffix(2) == ["Trainer's earlier sessions (2019–2020)", "Region, 2024"], "\(header)")
            #expect(text.contains("The trainer's column: their sessions before this one (3 sessions, 2019–2020)."), "the period in words")
            #expect(text.contains("The region's column: every session in Almaty in 2024, this one included."), "the region's period in words")

            let table = try TextReport.table(text, headerStartsWith: "Question")
            let questions = try #require(expected["questions"] as? [[String: Any]])
            for (measure, q) in zip(Golden.measures, questions) {
                #expect(q["measure"] as? String == measure)
                let label = try CatalogueFile.text(lang, "question.\(measure)")
                let row = try #require(table.first { $0.first == label }, "row \(label) in \(table)")
                let n = try #require(q["n"] as? Int), mean = try #require(q["mean"] as? Double)
                let low = try #require(q["ci95_low"] as? Double), high = try #require(q["ci95_high"] as? Double)
                let top2 = try #require(q["top2"] as? Double)
                let nps = (q["nps"] as? Double).map { Fmt.signed($0, lang) } ?? "—"
                let trainerMean = try #require(earlierMeans[measure]), regionMean = try golden.region(region, year, measure).mean
                #expect(row.count == 9, "\(row)")
                #expect(Array(row.prefix(6)) == [label, String(n), Fmt.number(mean, 2, lang), Fmt.interval(low, high, lang), Fmt.percent(top2, lang), nps],
                        "\(measure): \(row)")
                #expect(Array(row.suffix(2)) == [Fmt.number(trainerMean, 2, lang), Fmt.number(regionMean, 2, lang)],
                        "\(measure): trainer's and region's averages: \(row)")
            }
        }
    }

    @Test("a trainer's first session says there is nothing earlier to compare with, in kk, ru and en")
    func firstSessionOfTrainer() throws {
        // AST-2019-11-A (14 November 2019) is T01's first session in the sample data.
        let said = [
            "en": ("Trainer's earlier sessions (none)", "the trainer has no earlier session in the data to compare with", "Region, 2019"),
            "ru": ("Прежние тренинги тренера (нет)", "более ранних тренингов этого тренера в данных нет, сравнивать не с чем", "Регион, 2019"),
            "kk": ("Тренердің бұрынғы тренингтері (жоқ)", "деректерде бұл тренердің бұрынғы тренингі жоқ, салыстыратын ешнәрсе жоқ", "Өңір, 2019"),
        ]
        try ReportFixture.withWarehouse { _, db throws in
            for (lang, (column, sentence, region)) in said {
                let text = try Self.render(db, ["session", "--session", "AST-2019-11-A", "--lang", lang])
                let lines = text.components(separatedBy: "\n")
                let header = try #require(lines.first { $0.contains(column) }, "\(lang): no column \(column) in\n\(text)")
                #expect(header.contains(region), "\(lang): \(header)")
                #expect(text.contains(sentence), "\(lang): \(sentence)")
                // The column itself is empty: every question's trainer cell is "—".
                let table = try TextReport.table(text, headerStartsWith: TextReport.cells(header)[0])
                #expect(table.count == 6 && table.allSatisfy { $0.count == 9 && $0[7] == "—" }, "\(lang): \(table)")
            }
        }
    }

    @Test("text to a pipe has no colour codes and is the same as with -o")
    func noColourWhenNotATerminal() throws {
        try ReportFixture.withWarehouse { dir, db throws in
            let out = dir.appendingPathComponent("t.txt").path
            let piped = try Self.render(db, ["trainers", "--lang", "kk"])
            let run = try ReportFixture.report(db, ["trainers", "--lang", "kk", "-o", out])
            #expect(run.status == 0, "\(run)")
            #expect(try String(contentsOfFile: out, encoding: .utf8) == piped)
            #expect(!piped.contains("\u{1B}"))
        }
    }

    /// `pikir report arguments…` to stdout (a file, so not a terminal: no colour).
    static func render(_ db: String, _ arguments: [String]) throws -> String {
        let run = try ReportFixture.report(db, arguments)
        try #require(run.status == 0, "\(run)")
        #expect(run.stderr == "", "\(arguments): \(run.stderr)")
        #expect(!run.stdout.contains("\u{1B}"), "no ANSI escapes when stdout is not a terminal")
        #expect(!run.stdout.contains("⟦"), "no missing catalogue key")
        return run.stdout
    }
}

// MARK: - Snapshots

enum Snapshot {
    static let folder = PikirBinary.repo.appendingPathComponent("Tests/pikirTests/Snapshots")
    static var updating: Bool { ProcessInfo.processInfo.environment["PIKIR_UPDATE_SNAPSHOTS"] == "1" }

    /// Compares `text` with `Snapshots/name`; with `PIKIR_UPDATE_SNAPSHOTS=1` rewrites the file instead.
    static func assertMatches(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if updating {
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                Issue.record("cannot write the snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no snapshot \(url.path); make it with PIKIR_UPDATE_SNAPSHOTS=1 and read it before committing", sourceLocation: sourceLocation)
            return
        }
        let snapshot = String(decoding: data, as: UTF8.self)
        if snapshot != text {
            Issue.record("""
                \(name) differs from the output (- snapshot, + output); if the change is meant, rerun with PIKIR_UPDATE_SNAPSHOTS=1
                \(diff(snapshot, text))
                """, sourceLocation: sourceLocation)
        }
    }

    /// A line diff (longest common subsequence), changed lines with 2 lines of context, at most 60 lines.
    static func diff(_ old: String, _ new: String) -> String {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines: [(mark: Character, text: String, line: Int)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] { lines.append((" ", a[i], i + 1)); i += 1; j += 1 }
            else if i < a.count && (j == b.count || lcs[i + 1][j] >= lcs[i][j + 1]) { lines.append(("-", a[i], i + 1)); i += 1 }
            else { lines.append(("+", b[j], j + 1)); j += 1 }
        }
        let changed = Set(lines.indices.filter { lines[$0].mark != " " })
        var out: [String] = []
        var last = -10
        for k in lines.indices where (k - 2...k + 2).contains(where: changed.contains) {
            if k > last + 1 { out.append("@@ line \(lines[k].line)") }
            out.append("\(lines[k].mark) \(lines[k].text)")
            last = k
        }
        return out.prefix(60).joined(separator: "\n") + (out.count > 60 ? "\n… \(out.count - 60) more lines" : "")
    }
}

// MARK: - Reading the text report

enum TextReport {
    /// The cells of the table whose header line starts with `headerStartsWith`
    /// (columns are separated by two spaces or more; the line under the header is skipped).
    static func table(_ text: String, headerStartsWith header: String) throws -> [[String]] {
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.indices.first { $0 + 1 < lines.count && lines[$0].hasPrefix(header + " ") && lines[$0 + 1].hasPrefix("─") },
                                 "no table headed \(header)")
        var rows: [[String]] = []
        for line in lines[(start + 2)...] {
            if line.isEmpty || line.hasPrefix("$ ") { break }
            rows.append(cells(line))
        }
        return rows
    }

    static func cells(_ line: String) -> [String] {
        line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The text of the section under `heading` (a line, then a line of ═), up to the next section.
    static func section(_ text: String, heading: String) throws -> String {
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.indices.first { lines[$0] == heading && $0 + 1 < lines.count && lines[$0 + 1].hasPrefix("═") },
                                 "no section \(heading)")
        var end = start + 2
        let footerRule = String(repeating: "─", count: 40)
        while end < lines.count && !(end + 1 < lines.count && lines[end + 1].hasPrefix("═") && !lines[end].isEmpty) && lines[end] != footerRule {
            end += 1
        }
        return lines[start..<end].joined(separator: "\n")
    }

    /// The first block of `label  value` lines after a section heading (the facts).
    static func facts(_ text: String) throws -> [String: String] {
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.indices.first { $0 > 0 && lines[$0 - 1].hasPrefix("═") }, "no section")
        var facts: [String: String] = [:]
        for line in lines[start...] {
            guard !line.isEmpty, let gap = line.range(of: "  ") else { break }
            facts[String(line[..<gap.lowerBound])] = line[gap.upperBound...].trimmingCharacters(in: .whitespaces)
        }
        return facts
    }
}

// MARK: - Independent values

/// `Reference/agg_golden.json`: NumPy/SciPy statistics of `sample-export.csv`.
struct Golden {
    static let measures = ["overall", "delivery", "content", "organisation", "applicability", "nps"]

    struct Stat {
        var n: Int, mean: Double, low: Double, high: Double, top2: Double, nps: Double?
    }

    var byTrainer: [String: [String: Any]] = [:]
    var byRegionYear: [String: [String: Any]] = [:]

    static func load() throws -> Golden {
        let url = PikirBinary.repo.appendingPathComponent("Tests/pikirTests/Reference/agg_golden.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(json["responses"] as? Int == 595, "the golden file is of the 595 sample responses")
        var golden = Golden()
        for query in try #require(json["queries"] as? [[String: Any]]) {
            let by = try #require(query["by"] as? [String])
            for row in try #require(query["rows"] as? [[String: Any]]) {
                let measure = try #require(row["measure"] as? String)
                if by == ["trainer"] {
                    // The golden file was made with the trainers registry: the key is the id when resolved, else the name.
                    let key = try #require((row["trainer_id"] as? String) ?? (row["trainer"] as? String))
                    golden.byTrainer["\(key)|\(measure)"] = row
                } else if by == ["region", "year"] {
                    let region = try #require(row["region"] as? String), year = try #require(row["year"] as? Int)
                    golden.byRegionYear["\(region)|\(year)|\(measure)"] = row
                }
            }
        }
        #expect(!golden.byTrainer.isEmpty && !golden.byRegionYear.isEmpty)
        return golden
    }

    func trainer(_ key: String, _ measure: String) throws -> Stat {
        try Self.stat(try #require(byTrainer["\(key)|\(measure)"], "agg_golden.json has no trainer \(key) \(measure)"))
    }

    func region(_ region: String, _ year: Int, _ measure: String) throws -> Stat {
        try Self.stat(try #require(byRegionYear["\(region)|\(year)|\(measure)"], "agg_golden.json has no \(region) \(year) \(measure)"))
    }

    static func stat(_ row: [String: Any]) throws -> Stat {
        Stat(n: try #require(row["n"] as? Int), mean: try #require(row["mean"] as? Double),
             low: try #require(row["ci95_low"] as? Double), high: try #require(row["ci95_high"] as? Double),
             top2: try #require(row["top2"] as? Double), nps: row["nps"] as? Double)
    }
}

/// `Snapshots/report_expected.json`, written by `report_expected.py`.
enum Expected {
    static func load() throws -> [String: Any] {
        let url = Snapshot.folder.appendingPathComponent("report_expected.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(json["responses"] as? Int == 595)
        return json
    }
}

/// `sample-data/registries/sessions.csv`, read directly.
enum Registry {
    static func registered(_ sessions: [String]) throws -> Int {
        let text = try String(contentsOf: PikirBinary.repo.appendingPathComponent("sample-data/registries/sessions.csv"), encoding: .utf8)
        var total = 0
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if sessions.contains(String(cells[0])) { total += Int(cells[cells.count - 1]) ?? 0 }
        }
        return total
    }
}

/// Numbers as the report language writes them, by the rules of the issue: ru/kk
/// decimal comma, en point; U+2212 minus; U+00A0 before % in ru/kk; rounding
/// half away from zero on the number's shortest decimal form.
enum Fmt {
    static func rounded(_ x: Double, _ decimals: Int, percent: Bool = false) -> (negative: Bool, digits: String) {
        // The shortest decimal form of the double, times 100 exactly for a percentage.
        var value = Decimal(string: "\(x.magnitude)")! * (percent ? 100 : 1)
        var result = Decimal()
        NSDecimalRound(&result, &value, decimals, .plain)
        var text = "\(result)"
        if decimals > 0 {
            if !text.contains(".") { text += "." }
            let have = text.count - 1 - text.distance(from: text.startIndex, to: text.firstIndex(of: ".")!)
            text += String(repeating: "0", count: decimals - have)
        }
        return (x < 0 && result != 0, text)
    }

    static func number(_ x: Double, _ decimals: Int, _ lang: String) -> String {
        let (negative, digits) = rounded(x, decimals)
        precondition(x.magnitude < 1000, "no grouping in these tests")
        return (negative ? "\u{2212}" : "") + (lang == "en" ? digits : digits.replacingOccurrences(of: ".", with: ","))
    }

    static func integer(_ n: Int, _ lang: String) -> String {
        precondition(n < 1000)
        return String(n)
    }

    static func interval(_ low: Double, _ high: Double, _ lang: String) -> String {
        number(low, 2, lang) + "\u{A0}\u{2026}\u{A0}" + number(high, 2, lang)
    }

    static func percent(_ share: Double, _ lang: String) -> String {
        let (_, digits) = rounded(share, 0, percent: true)
        return digits + (lang == "en" ? "%" : "\u{A0}%")
    }

    /// A change or an NPS with its sign (+13, −40); no sign when it rounds to 0.
    static func signed(_ x: Double, _ lang: String, decimals: Int = 0) -> String {
        let (negative, digits) = rounded(x, decimals)
        let body = lang == "en" ? digits : digits.replacingOccurrences(of: ".", with: ",")
        if Double(digits) == 0 { return body }
        return (negative ? "\u{2212}" : "+") + body
    }
}
