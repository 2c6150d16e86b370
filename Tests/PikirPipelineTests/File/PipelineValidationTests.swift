import Testing
@testable import PikirPipeline

/// Every mistake is reported with its exact line, key and allowed values.
struct PipelineValidationTests {
    static let stageTypes = ["ingest", "aggregate", "render", "export"]
    static let dimensions = ["region", "city", "year", "month", "session", "trainer", "module", "group", "lang"]
    static let measures = ["overall", "delivery", "content", "organisation", "applicability", "nps"]
    static let stats = ["n", "mean", "sd", "se", "ci95", "median", "p25", "p75", "min", "max", "top2", "bottom2", "nps", "dist",
                        "responses", "sessions", "first_date"]
    static let regions = ["KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39",
                          "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79"]
    static let reportKeys = ["kind", "year", "from", "to", "region", "session", "trainer", "languages", "formats", "output",
                             "min_n", "comments"]
    static let placeholders = ["{kind}", "{year}", "{region}", "{session}", "{lang}", "{ext}"]

    /// Loads `toml` beside the standard data and returns its issues.
    func issues(_ toml: String) -> [PipelineIssue] {
        let box = Sandbox()
        box.standardData()
        return box.issues(toml)
    }

    /// The one issue loading `toml` reports.
    func single(_ toml: String, sourceLocation: SourceLocation = #_sourceLocation) -> PipelineIssue? {
        let found = issues(toml)
        #expect(found.count == 1, "\(found.map(\.description))", sourceLocation: sourceLocation)
        return found.first
    }

    // MARK: - Stages

    @Test func aMisspeltStageTypeNamesTheLineTheKeyAndTheTypes() throws {
        let box = Sandbox()
        box.standardData()
        let text = minimal(stages: "[[stage]]\ntype = \"ingest\"\n\n[[stage]]\ntype = \"ingets\"\n")
        let path = box.write("pipelines/demo.toml", text)
        #expect(throws: PipelineIssues.self) { try Pipeline.load(path) }
        do {
            _ = try Pipeline.load(path)
        } catch {
            #expect(error.issues == [PipelineIssue(file: path, line: 11, key: "stage.type",
                                                   message: "unknown stage 'ingets'", allowed: Self.stageTypes)])
            #expect(error.description == "\(path):11: stage.type: unknown stage 'ingets'; allowed: ingest, aggregate, render, export")
        }
        #expect(line("ingets", in: text) == 11)
    }

    @Test func theIssueNamesTheFileAsTheCallerDid() {
        let issue = PipelineIssue(file: "pipelines/demo.toml", line: 12, key: "stage.type",
                                  message: "unknown stage 'ingets'", allowed: Self.stageTypes)
        #expect(issue.description == "pipelines/demo.toml:12: stage.type: unknown stage 'ingets'; allowed: ingest, aggregate, render, export")
        #expect(PipelineIssue(file: "p.toml", line: nil, key: "stage", message: "m").description == "p.toml: stage: m")
        #expect(PipelineIssue(file: "p.toml", line: 3, key: "", message: "m").description == "p.toml:3: m")
    }

    @Test func aStageWithoutTypeIsReportedAtItsHeader() {
        let text = minimal(stages: "[[stage]]\njobs = 2\n")
        let issue = single(text)
        #expect(issue?.line == line("[[stage]]", in: text))
        #expect(issue?.key == "stage.type")
        #expect(issue?.message == "missing required key")
        #expect(issue?.allowed == Self.stageTypes)
    }

    @Test func aStageTypeAppearsAtMostOnce() {
        let text = minimal(stages: """
        [[stage]]
        type = "ingest"
        [[stage]]
        type = "export"
        format = "csv"
        output = "a.csv"
        [[stage]]
        type = "ingest"   # again
        """)
        let issue = single(text)
        #expect(issue?.line == line("# again", in: text))
        #expect(issue?.key == "stage.type")
        #expect(issue?.message == "a second 'ingest' stage at line 8; each type runs at most once")
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[7] == "type = \"ingest\"")
    }

    @Test func ingestMustComeBeforeTheOtherStages() {
        let text = minimal(stages: """
        [[stage]]
        type = "render"
        [[stage.report]]
        kind = "trainers"
        output = "t.{ext}"
        [[stage]]
        type = "ingest"
        """)
        let issue = single(text)
        #expect(issue?.line == line("\"ingest\"", in: text))
        #expect(issue?.key == "stage.type")
        #expect(issue?.message == "'ingest' must come before aggregate, render and export; it comes after 'render' at line \(line("\"render\"", in: text))")
    }

    @Test func aPipelineNeedsAStage() {
        let none = single(minimal(stages: ""))
        #expect(none?.key == "stage")
        #expect(none?.line == nil)
        #expect(none?.allowed == Self.stageTypes)
        let text = "stage = []\n" + minimal(stages: "")
        let empty = single(text)
        #expect(empty?.key == "stage")
        #expect(empty?.line == 1)
        let notTables = single("stage = [\"ingest\"]\n" + minimal(stages: ""))
        #expect(notTables?.line == 1)
        #expect(notTables?.message == "must be an array of tables ([[stage]]), not an array of strings")
    }

    @Test func aggregateAndRenderNeedTheirTables() {
        let text = minimal(stages: "[[stage]]\ntype = \"ingest\"\n[[stage]]\ntype = \"aggregate\"\n[[stage]]\ntype = \"render\"\n")
        let found = issues(text)
        #expect(found.map(\.key) == ["stage.table", "stage.report"])
        #expect(found.map(\.line) == [line("\"aggregate\"", in: text) - 1, line("\"render\"", in: text) - 1])
        #expect(found.map(\.message) == ["an aggregate stage needs at least one [[stage.table]]",
                                         "a render stage needs at least one [[stage.report]]"])
    }

    // MARK: - Unknown keys

    struct UnknownKey: Sendable, CustomStringConvertible {
        var text: String
        var marker: String
        var key: String
        var allowed: [String]
        var description: String { key }
    }

    static let unknownKeys: [UnknownKey] = [
        .init(text: "stages = 3\n" + minimal(), marker: "stages = 3", key: "stages", allowed: ["pipeline", "inputs", "stage"]),
        .init(text: minimal() + "\n[stages]\nx = 1\n", marker: "[stages]", key: "stages", allowed: ["pipeline", "inputs", "stage"]),
        .init(text: minimal(pipeline: "outptu = \"x\""), marker: "outptu", key: "pipeline.outptu", allowed: ["name", "warehouse", "output"]),
        .init(text: minimal(inputs: "trainer = \"x.csv\""), marker: "trainer =", key: "inputs.trainer",
              allowed: ["exports", "trainers", "sessions", "mapping"]),
        .init(text: minimal(stages: "[[stage]]\ntype = \"ingest\"\njob = 2\n"), marker: "job =", key: "stage.job", allowed: ["type", "jobs"]),
        .init(text: minimal(stages: "[[stage]]\ntype = \"aggregate\"\n[[stage.table]]\nname = \"a\"\n[[stage.tabel]]\nname = \"b\"\n"),
              marker: "[[stage.tabel]]", key: "stage.tabel", allowed: ["type", "table"]),
        .init(text: minimal(stages: "[[stage]]\ntype = \"aggregate\"\n[[stage.table]]\nname = \"a\"\nmeasure = [\"nps\"]\n"),
              marker: "measure =", key: "stage.table.measure", allowed: ["name", "by", "measures", "stats", "where", "min_n"]),
        .init(text: minimal(stages: "[[stage]]\ntype = \"render\"\nformat = \"html\"\n[[stage.report]]\nkind = \"trainers\"\noutput = \"t.{ext}\"\n"),
              marker: "format =", key: "stage.format", allowed: ["type", "report"]),
        .init(text: minimal(stages: "[[stage]]\ntype = \"render\"\n[[stage.report]]\nkind = \"trainers\"\noutput = \"t.{ext}\"\nlanguage = \"ru\"\n"),
              marker: "language =", key: "stage.report.language", allowed: reportKeys),
        .init(text: minimal(stages: "[[stage]]\ntype = \"export\"\nformat = \"csv\"\noutput = \"a.csv\"\npath = \"b.csv\"\n"),
              marker: "path =", key: "stage.path", allowed: ["type", "format", "output"]),
    ]

    @Test(arguments: unknownKeys)
    func anUnknownKeyInAnyTableIsAnError(_ example: UnknownKey) {
        let issue = single(example.text)
        #expect(issue?.line == line(example.marker, in: example.text))
        #expect(issue?.key == example.key)
        #expect(issue?.message == "unknown key '\(example.key.split(separator: ".").last!)'")
        #expect(issue?.allowed == example.allowed)
    }

    // MARK: - Values

    /// A render stage with one report made of `lines`.
    static func report(_ lines: String) -> String {
        minimal(stages: "[[stage]]\ntype = \"ingest\"\n\n[[stage]]\ntype = \"render\"\n  [[stage.report]]\n" + lines + "\n")
    }

    /// An aggregate stage with one table made of `lines`.
    static func table(_ lines: String) -> String {
        minimal(stages: "[[stage]]\ntype = \"aggregate\"\n  [[stage.table]]\n  name = \"t\"\n" + lines + "\n")
    }

    @Test func anUnknownReportKind() {
        let text = Self.report("kind = \"yearli\"\nyear = 2024\noutput = \"r.{ext}\"")
        let issue = single(text)
        #expect(issue == PipelineIssue(file: issue?.file ?? "", line: line("yearli", in: text), key: "stage.report.kind",
                                       message: "unknown report kind 'yearli'", allowed: ["trainers", "yearly", "session"]))
    }

    struct BadChoice: Sendable, CustomStringConvertible {
        var text: String
        var marker: String
        var key: String
        var message: String
        var allowed: [String]
        var description: String { key }
    }

    static let badChoices: [BadChoice] = [
        .init(text: report("kind = \"trainers\"\nlanguages = [\"kk\", \"kz\"]\noutput = \"r-{lang}.{ext}\""),
              marker: "languages", key: "stage.report.languages", message: "unknown language 'kz'", allowed: ["kk", "ru", "en"]),
        .init(text: report("kind = \"trainers\"\nformats = [\n  \"html\",\n  \"docx\",\n]\noutput = \"r.{ext}\""),
              marker: "\"docx\"", key: "stage.report.formats", message: "unknown format 'docx'", allowed: ["text", "html", "pdf", "xlsx"]),
        .init(text: table("  by = [\"region\", \"oblast\"]"),
              marker: "oblast", key: "stage.table.by", message: "unknown dimension 'oblast'", allowed: dimensions),
        .init(text: table("  measures = \"overal\""),
              marker: "overal", key: "stage.table.measures", message: "unknown measure 'overal'", allowed: measures),
        .init(text: table("  stats = [\"n\", \"avg\"]"),
              marker: "avg", key: "stage.table.stats", message: "unknown statistic 'avg'", allowed: stats),
        .init(text: table("  where = [\"oblast=KZ-75\"]"),
              marker: "oblast", key: "stage.table.where", message: "unknown dimension 'oblast' in 'oblast=KZ-75'", allowed: dimensions),
        .init(text: table("  where = [\"KZ-75\"]"),
              marker: "where", key: "stage.table.where", message: "'KZ-75' must be DIMENSION=VALUE[,VALUE...], e.g. region=KZ-75",
              allowed: dimensions),
        .init(text: table("  where = [\"year=\"]"),
              marker: "where", key: "stage.table.where", message: "'year=' names no value; give one or more, separated by commas",
              allowed: []),
        .init(text: table("  stats = []"),
              marker: "stats", key: "stage.table.stats", message: "names no statistic; leave the key out for the default",
              allowed: stats),
        .init(text: report("kind = \"trainers\"\nregion = \"Almaty\"\noutput = \"r.{ext}\""),
              marker: "Almaty", key: "stage.report.region",
              message: "'Almaty' is not an ISO 3166-2:KZ code (Almaty is KZ-75)", allowed: regions),
        .init(text: report("kind = \"trainers\"\nregion = \"KZ-99\"\noutput = \"r.{ext}\""),
              marker: "KZ-99", key: "stage.report.region", message: "'KZ-99' is not an ISO 3166-2:KZ code", allowed: regions),
        .init(text: minimal(stages: "[[stage]]\ntype = \"export\"\nformat = \"parquet\"\noutput = \"a.parquet\"\n"),
              marker: "format = \"parquet\"", key: "stage.format", message: "unknown export format 'parquet'", allowed: ["csv", "json", "xlsx"]),
    ]

    @Test(arguments: badChoices)
    func anUnknownValueListsTheAllowedOnes(_ example: BadChoice) {
        let issue = single(example.text)
        #expect(issue?.line == line(example.marker, in: example.text))
        #expect(issue?.key == example.key)
        #expect(issue?.message == example.message)
        #expect(issue?.allowed == example.allowed)
    }

    @Test func theWrongTypeOfValue() {
        let cases: [(String, String, String, String)] = [
            (minimal(stages: "[[stage]]\ntype = \"ingest\"\njobs = 0\n"), "jobs", "stage.jobs", "must be 1 or more, not 0"),
            (minimal(stages: "[[stage]]\ntype = \"ingest\"\njobs = \"2\"\n"), "jobs", "stage.jobs", "must be an integer (1 or more), not a string"),
            (minimal(stages: "[[stage]]\ntype = 4\n"), "type", "stage.type", "must be a string, not an integer"),
            (Self.table("  min_n = -1"), "min_n", "stage.table.min_n", "must be 0 or more, not -1"),
            (Self.report("kind = \"trainers\"\nmin_n = 0\noutput = \"r.{ext}\""), "min_n", "stage.report.min_n", "must be 1 or more, not 0"),
            (Self.report("kind = \"trainers\"\ncomments = \"no\"\noutput = \"r.{ext}\""), "comments", "stage.report.comments", "must be true or false, not a string"),
            (Self.report("kind = \"yearly\"\nyear = 24\noutput = \"r.{ext}\""), "year =", "stage.report.year", "must be a year from 1900 to 2100, not 24"),
            (Self.report("kind = \"yearly\"\nyear = 2024.0\noutput = \"r.{ext}\""), "year =", "stage.report.year", "must be a year from 1900 to 2100, not a number with a fraction"),
            (minimal(pipeline: "name = \"\""), "name", "pipeline.name", "is empty"),
            (minimal(stages: "[[stage]]\ntype = \"ingest\"\n", pipeline: "[pipeline.extra]"), "[pipeline.extra]", "pipeline.extra", "unknown key 'extra'"),
            ("pipeline = 3\n" + minimal().replacingOccurrences(of: "[pipeline]\noutput = \"../out\"", with: ""), "pipeline = 3", "pipeline", "must be a table ([pipeline]), not an integer"),
        ]
        for (text, marker, key, message) in cases {
            let issue = single(text)
            #expect(issue?.line == line(marker, in: text), "\(key)")
            #expect(issue?.key == key)
            #expect(issue?.message == message)
        }
    }

    @Test func requiredTablesAndKeys() {
        let noPipeline = minimal().replacingOccurrences(of: "[pipeline]\noutput = \"../out\"", with: "")
        let issue = single(noPipeline)
        #expect(issue?.line == nil)
        #expect(issue?.key == "pipeline")
        #expect(issue?.message == "missing table [pipeline] (with its required key output)")

        let noOutput = minimal().replacingOccurrences(of: "output = \"../out\"", with: "name = \"x\"")
        let missing = single(noOutput)
        #expect(missing?.line == 1)
        #expect(missing?.key == "pipeline.output")
        #expect(missing?.message == "missing required key")

        let noExports = minimal().replacingOccurrences(of: "exports = [\"../sample-data\"]", with: "")
        let exports = single(noExports)
        #expect(exports?.line == line("[inputs]", in: noExports))
        #expect(exports?.key == "inputs.exports")

        let emptyExports = minimal().replacingOccurrences(of: "[\"../sample-data\"]", with: "[]")
        #expect(single(emptyExports)?.message == "names no export; give files, folders or globs")

        let noInputs = minimal().replacingOccurrences(of: "[inputs]\nexports = [\"../sample-data\"]", with: "")
        #expect(single(noInputs)?.key == "inputs")

        let noReportOutput = Self.report("kind = \"trainers\"")
        let output = single(noReportOutput)
        #expect(output?.line == line("[[stage.report]]", in: noReportOutput))
        #expect(output?.key == "stage.report.output")
    }

    // MARK: - Inputs

    @Test func aGlobThatMatchesNothing() {
        let text = minimal(inputs: "").replacingOccurrences(of: "[\"../sample-data\"]", with: "[\n  \"../sample-data/*.csv\",\n  \"../sample-data/*.xlsx\",\n]")
        let box = Sandbox()
        box.standardData()
        let issue = box.issues(text).first
        #expect(box.issues(text).count == 1)
        #expect(issue?.line == line("xlsx", in: text))
        #expect(issue?.key == "inputs.exports")
        #expect(issue?.message == "'../sample-data/*.xlsx' (\(box.path("sample-data/*.xlsx"))): matches no files")
    }

    @Test func aMissingFileOrAnEmptyFolderMatchesNothing() {
        let box = Sandbox()
        box.standardData()
        box.mkdir("empty")
        let text = minimal().replacingOccurrences(of: "[\"../sample-data\"]", with: "[\"../nowhere.csv\", \"../empty\"]")
        let found = box.issues(text)
        #expect(found.map(\.message) == [
            "'../nowhere.csv' (\(box.path("nowhere.csv"))): no such file or folder",
            "'../empty' (\(box.path("empty"))): the folder holds no .csv, .tsv or .txt files",
        ])
        #expect(found.map(\.line) == [5, 5])
    }

    @Test func aMissingRegistryFile() {
        let box = Sandbox()
        box.standardData()
        let text = minimal(inputs: "trainers = \"../sample-data/registries/trainer.csv\"\nsessions = \"../sample-data/registries\"\nmapping = \"mapping.csv\"")
        let found = box.issues(text)
        #expect(found == [
            PipelineIssue(file: box.path("pipelines/test.toml"), line: line("trainer.csv", in: text), key: "inputs.trainers",
                          message: "'../sample-data/registries/trainer.csv' (\(box.path("sample-data/registries/trainer.csv"))): no such file"),
            PipelineIssue(file: box.path("pipelines/test.toml"), line: line("sessions =", in: text), key: "inputs.sessions",
                          message: "'../sample-data/registries' is a folder, not a file"),
        ])
    }

    // MARK: - Reports

    @Test func aYearlyReportNeedsAYearAndASessionReportASession() {
        let yearly = Self.report("kind = \"yearly\"\noutput = \"r.{ext}\"")
        let year = single(yearly)
        #expect(year == PipelineIssue(file: year?.file ?? "", line: line("[[stage.report]]", in: yearly),
                                      key: "stage.report.year", message: "a yearly report needs a year"))
        let sessionText = Self.report("kind = \"session\"\nyear = 2024\noutput = \"r.{ext}\"")
        let session = single(sessionText)
        #expect(session == PipelineIssue(file: session?.file ?? "", line: line("[[stage.report]]", in: sessionText),
                                         key: "stage.report.session", message: "a session report needs a session"))
    }

    @Test func badDates() {
        let cases: [(String, String, String)] = [
            ("from = \"2024-02-30\"", "from", "'2024-02-30' is not a date; write yyyy-mm-dd, e.g. 2024-01-31"),
            ("to = \"2024-13-01\"", "to", "'2024-13-01' is not a date; write yyyy-mm-dd, e.g. 2024-01-31"),
            ("from = \"01.02.2024\"", "from", "'01.02.2024' is not a date; write yyyy-mm-dd, e.g. 2024-01-31"),
            ("from = 2024", "from", "must be a date yyyy-mm-dd, not an integer"),
            ("to = 2024-01-01T10:00:00", "to", "must be a date yyyy-mm-dd, not a date-time"),
            ("from = \"2024-12-31\"\nto = 2024-01-01", "to", "'2024-01-01' is before from '2024-12-31'"),
        ]
        for (lines, key, message) in cases {
            let text = Self.report("kind = \"trainers\"\n" + lines + "\noutput = \"r.{ext}\"")
            let issue = single(text)
            #expect(issue?.line == line("\(key) =", in: text))
            #expect(issue?.key == "stage.report.\(key)")
            #expect(issue?.message == message)
        }
        // A leap day is a date.
        #expect(issues(Self.report("kind = \"trainers\"\nfrom = \"2024-02-29\"\nto = \"2024-02-29\"\noutput = \"r.{ext}\"")).isEmpty)
    }

    @Test func outputPatternsThatWouldCollide() {
        let noLang = Self.report("kind = \"trainers\"\nlanguages = [\"kk\", \"ru\"]\noutput = \"r.{ext}\"")
        let lang = single(noLang)
        #expect(lang?.line == line("output = \"r.{ext}\"", in: noLang))
        #expect(lang?.key == "stage.report.output")
        #expect(lang?.message == "'r.{ext}' has no {lang} but the report has 2 languages (kk, ru): their outputs would overwrite each other; add {lang}")

        let noExt = Self.report("kind = \"trainers\"\nformats = [\"text\", \"html\", \"pdf\"]\noutput = \"r.html\"")
        let ext = single(noExt)
        #expect(ext?.key == "stage.report.output")
        #expect(ext?.message == "'r.html' has no {ext} but the report has 3 formats (text, html, pdf): their outputs would overwrite each other; add {ext}")

        let twoReports = Self.report("kind = \"trainers\"\noutput = \"reports/a.{ext}\"\n[[stage.report]]\nkind = \"yearly\"\nyear = 2024\noutput = \"reports/a.html\" # second")
        let clash = single(twoReports)
        #expect(clash?.line == line("# second", in: twoReports))
        #expect(clash?.key == "stage.report.output")
        #expect(clash?.message == "the yearly report at line \(line("# second", in: twoReports)) (kk, html) would overwrite reports/a.html, which the trainers report at line \(line("reports/a.{ext}", in: twoReports)) (kk, html) also writes")

        let withExport = Self.report("kind = \"trainers\"\nformats = [\"text\"]\noutput = \"export/all.txt\"") + """
        [[stage]]
        type = "export"
        format = "csv"
        output = "export/all.txt"   # clash
        """
        let export = single(withExport)
        #expect(export?.line == line("# clash", in: withExport))
        #expect(export?.key == "stage.output")
        #expect(export?.message.hasPrefix("the export would overwrite export/all.txt, which the trainers report") == true)

        let tableClash = minimal(stages: """
        [[stage]]
        type = "aggregate"
        [[stage.table]]
        name = "x"
        [[stage]]
        type = "export"
        format = "json"
        output = "tables/x.json"
        """)
        #expect(single(tableClash)?.message == "the export would overwrite tables/x.json, which table 'x' also writes")
    }

    @Test func placeholdersMustBeKnownAndSet() {
        let unknown = Self.report("kind = \"trainers\"\noutput = \"r-{language}.{ext}\"")
        let issue = single(unknown)
        #expect(issue?.line == line("r-{language}", in: unknown))
        #expect(issue?.message == "unknown placeholder {language} in 'r-{language}.{ext}'")
        #expect(issue?.allowed == Self.placeholders)

        let unset = Self.report("kind = \"trainers\"\noutput = \"r-{year}-{region}.{ext}\"")
        #expect(issues(unset).map(\.message) == [
            "'r-{year}-{region}.{ext}' uses {year} but the report sets no year",
            "'r-{year}-{region}.{ext}' uses {region} but the report sets no region",
        ])
    }

    // MARK: - Tables

    @Test func duplicateAndMalformedTableNames() {
        let text = minimal(stages: """
        [[stage]]
        type = "aggregate"
          [[stage.table]]
          name = "by-region"
          [[stage.table]]
          name = "by-region"   # again
          [[stage.table]]
          name = "By Region"
        """)
        let found = issues(text)
        #expect(found.map(\.line) == [line("# again", in: text), line("By Region", in: text)])
        #expect(found.map(\.key) == ["stage.table.name", "stage.table.name"])
        #expect(found.map(\.message) == [
            "duplicate table name 'by-region' at line 10",
            "'By Region' may use only a-z, 0-9, - and _ (it names files)",
        ])
    }

    // MARK: - Syntax and several issues

    @Test func aSyntaxErrorGivesTheParsersLine() {
        let text = minimal(stages: "[[stage]]\ntype = \"ingest\njobs = 2\n")
        let issue = single(text)
        #expect(issue?.line == line("type = \"ingest", in: text))
        #expect(issue?.key == "stage.type")
        #expect(issue?.message.hasPrefix("TOML syntax error: ") == true)

        let duplicate = minimal(pipeline: "output = \"again\"")
        let twice = single(duplicate)
        #expect(twice?.line == line("again", in: duplicate))
        #expect(twice?.message.hasPrefix("TOML syntax error: ") == true)

        let garbage = "[pipeline\noutput = 1\n"
        #expect(single(garbage)?.line == 1)
    }

    @Test func severalIssuesAreReportedTogetherInLineOrder() {
        let box = Sandbox()
        box.standardData()
        let text = """
        [pipeline]
        output = "../out"
        colour = "blue"

        [inputs]
        exports = ["../sample-data/*.xls"]
        trainers = "nowhere.csv"

        [[stage]]
        type = "render"
          [[stage.report]]
          kind = "yearly"
          languages = ["kk", "de"]
          output = "r.{ext}"

        [[stage]]
        type = "ingest"
        jobs = 0

        [[stage]]
        type = "agregate"
        """
        let found = box.issues(text)
        #expect(found.map(\.line) == [3, 6, 7, 11, 13, 17, 18, 21])
        #expect(found.map(\.key) == ["pipeline.colour", "inputs.exports", "inputs.trainers", "stage.report.year",
                                     "stage.report.languages", "stage.type", "stage.jobs", "stage.type"])
        #expect(found.last?.allowed == Self.stageTypes)
    }

    @Test func aFileThatCannotBeRead() {
        let box = Sandbox()
        for (path, message) in [(box.path("none.toml"), "no such file"), (box.root, "is a folder, not a pipeline file")] {
            #expect(throws: PipelineIssues.self) { try Pipeline.load(path) }
            do { _ = try Pipeline.load(path) } catch {
                #expect(error.issues == [PipelineIssue(file: path, line: nil, key: "", message: message)])
            }
        }
    }
}
