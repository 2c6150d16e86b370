import Testing
@testable import PikirPipeline

/// A valid file loads to the model: paths absolute and resolved against the
/// file's folder, defaults filled in.
struct PipelineLoadTests {
    static let full = """
    # The demo pipeline.
    [pipeline]
    name = "demo"
    warehouse = "../out/demo/pikir.sqlite"
    output = "../out/demo"

    [inputs]
    exports = [
        "../sample-data/*.csv",
        "../sample-data/*.tsv",
        "../sample-data/*.txt",
    ]
    trainers = "../sample-data/registries/trainers.csv"
    sessions = "../sample-data/registries/sessions.csv"
    mapping = "mapping.csv"

    [[stage]]
    type = "ingest"
    jobs = 2

    [[stage]]
    type = "aggregate"
      [[stage.table]]
      name = "region-year"
      by = ["region", "year"]
      measures = ["overall", "nps"]
      stats = ["n", "mean", "ci95", "nps"]
      where = ["year=2024"]
      min_n = 3

      [[stage.table]]
      name = "overall"

    [[stage]]
    type = "render"
      [[stage.report]]
      kind = "yearly"
      year = 2024
      from = "2024-01-01"
      to = 2024-12-31
      region = "KZ-75"
      languages = ["kk", "ru", "en"]
      formats = ["text", "html"]
      output = "reports/{kind}-{year}-{region}-{lang}.{ext}"
      min_n = 5
      comments = false

      [[stage.report]]
      kind = "session"
      session = "S-2024-01"
      output = "reports/session-{session}.{ext}"

    [[stage]]
    type = "export"
    format = "csv"
    output = "export/responses.csv"
    """

    @Test func theFullFileLoadsToTheModel() throws {
        let box = Sandbox()
        box.standardData()
        let pipeline = try box.load(Self.full, name: "demo.toml")
        #expect(pipeline.file == box.path("pipelines/demo.toml"))
        #expect(pipeline.baseDirectory == box.path("pipelines"))
        #expect(pipeline.name == "demo")
        #expect(pipeline.warehouse == box.path("out/demo/pikir.sqlite"))
        #expect(pipeline.output == box.path("out/demo"))
        #expect(pipeline.inputs.exports == ["*.csv", "*.tsv", "*.txt"].map { box.path("sample-data/" + $0) })
        #expect(pipeline.inputs.trainers == box.path("sample-data/registries/trainers.csv"))
        #expect(pipeline.inputs.sessions == box.path("sample-data/registries/sessions.csv"))
        #expect(pipeline.inputs.mapping == box.path("pipelines/mapping.csv"))
        #expect(try pipeline.inputs.expand() == [
            box.path("sample-data/2023_almaty.csv"),
            box.path("sample-data/2024_astana.tsv"),
            box.path("sample-data/2024_karaganda.txt"),
        ])

        #expect(pipeline.stages.map(\.name) == ["ingest", "aggregate", "render", "export"])
        guard pipeline.stages.count == 4 else { return }
        guard case .ingest(let jobs) = pipeline.stages[0] else { Issue.record("not ingest"); return }
        #expect(jobs == 2)

        guard case .aggregate(let tables) = pipeline.stages[1] else { Issue.record("not aggregate"); return }
        #expect(tables == [
            Pipeline.AggregateTable(name: "region-year", by: ["region", "year"], measures: ["overall", "nps"],
                                    stats: ["n", "mean", "ci95", "nps"], filters: ["year=2024"], minN: 3),
            Pipeline.AggregateTable(name: "overall", by: [], measures: ["overall"],
                                    stats: ["n", "mean", "ci95", "median"], filters: [], minN: 5),
        ])
        #expect(tables[0].files(output: pipeline.output).json == box.path("out/demo/tables/region-year.json"))

        guard case .render(let reports) = pipeline.stages[2] else { Issue.record("not render"); return }
        #expect(reports == [
            Pipeline.ReportSpec(kind: "yearly", year: 2024, from: "2024-01-01", to: "2024-12-31", region: "KZ-75",
                                languages: ["kk", "ru", "en"], formats: ["text", "html"],
                                output: "reports/{kind}-{year}-{region}-{lang}.{ext}",
                                outputDirectory: box.path("out/demo"), minN: 5, comments: false),
            Pipeline.ReportSpec(kind: "session", session: "S-2024-01", languages: ["kk"], formats: ["html"],
                                output: "reports/session-{session}.{ext}", outputDirectory: box.path("out/demo")),
        ])
        #expect(reports[1].outputs().map(\.path) == [box.path("out/demo/reports/session-S-2024-01.html")])

        guard case .export(let export) = pipeline.stages[3] else { Issue.record("not export"); return }
        #expect(export == Pipeline.ExportSpec(format: "csv", output: box.path("out/demo/export/responses.csv")))
        #expect(pipeline.stage(named: "export") != nil)
    }

    @Test func aWarehouseOnAServerIsKeptAsWrittenNotTakenForAPath() throws {
        let box = Sandbox()
        box.standardData()
        let pipeline = try box.load("""
        [pipeline]
        warehouse = "postgresql://centre@db.example:5432/pikir?sslmode=require"
        output = "out"
        [inputs]
        exports = "../sample-data"
        [[stage]]
        type = "ingest"
        """, name: "shared.toml")
        #expect(pipeline.warehouse == "postgresql://centre@db.example:5432/pikir?sslmode=require")
    }

    @Test func defaultsFillWhatIsLeftOut() throws {
        let box = Sandbox()
        box.standardData()
        let pipeline = try box.load("""
        [pipeline]
        output = "out"
        [inputs]
        exports = "../sample-data"
        [[stage]]
        type = "ingest"
        [[stage]]
        type = "aggregate"
        [[stage.table]]
        name = "all"
        [[stage]]
        type = "render"
        [[stage.report]]
        kind = "trainers"
        output = "trainers.{ext}"
        """, name: "nightly.toml")
        #expect(pipeline.name == "nightly")
        #expect(pipeline.warehouse == box.path("pipelines/pikir.sqlite"))
        #expect(pipeline.output == box.path("pipelines/out"))
        #expect(pipeline.inputs.exports == [box.path("sample-data")])
        #expect(pipeline.inputs.trainers == nil && pipeline.inputs.sessions == nil && pipeline.inputs.mapping == nil)
        guard pipeline.stages.count == 3 else { Issue.record("\(pipeline.stages)"); return }
        guard case .ingest(let jobs) = pipeline.stages[0] else { Issue.record("not ingest"); return }
        #expect(jobs == nil)
        guard case .aggregate(let tables) = pipeline.stages[1] else { Issue.record("not aggregate"); return }
        #expect(tables == [Pipeline.AggregateTable(name: "all")])
        #expect(tables.first?.minN == 5 && tables.first?.measures == ["overall"])
        #expect(tables.first?.stats == ["n", "mean", "ci95", "median"] && tables.first?.by == [])
        guard case .render(let reports) = pipeline.stages[2] else { Issue.record("not render"); return }
        #expect(reports.first?.languages == ["kk"])
        #expect(reports.first?.formats == ["html"])
        #expect(reports.first?.year == nil && reports.first?.minN == nil && reports.first?.comments == nil)
        #expect(reports.first?.outputs().map(\.path) == [box.path("pipelines/out/trainers.html")])
    }

    @Test func onlyTheStagesWrittenRunInTheOrderWritten() throws {
        let box = Sandbox()
        box.standardData()
        let pipeline = try box.load(minimal(stages: """
        [[stage]]
        type = "export"
        format = "json"
        output = "elsewhere/all.json"
        [[stage]]
        type = "render"
        [[stage.report]]
        kind = "trainers"
        output = "t.{ext}"
        """))
        #expect(pipeline.stages.map(\.name) == ["export", "render"])
        guard case .export(let spec) = pipeline.stages.first else { Issue.record("not export"); return }
        #expect(spec.output == box.path("out/elsewhere/all.json"))
    }

    @Test func namesAreCaseInsensitiveAndListsDeduplicated() throws {
        let box = Sandbox()
        box.standardData()
        let pipeline = try box.load(minimal(stages: """
        [[stage]]
        type = "aggregate"
        [[stage.table]]
        name = "t"
        by = "Region"
        measures = ["NPS", "nps"]
        [[stage]]
        type = "render"
        [[stage.report]]
        kind = "trainers"
        region = "kz-79"
        languages = ["ru", "RU", "en"]
        output = "t-{region}-{lang}.{ext}"
        """))
        guard case .aggregate(let tables) = pipeline.stages.first else { Issue.record("not aggregate"); return }
        #expect(tables.first?.by == ["region"])
        #expect(tables.first?.measures == ["nps"])
        guard case .render(let reports) = pipeline.stages.last else { Issue.record("not render"); return }
        #expect(reports.first?.region == "KZ-79")
        #expect(reports.first?.languages == ["ru", "en"])
    }

    @Test func crlfLineEndsAndAByteOrderMarkAreRead() throws {
        let box = Sandbox()
        box.standardData()
        let text = "\u{FEFF}" + minimal().replacingOccurrences(of: "\n", with: "\r\n")
        let pipeline = try box.load(text)
        #expect(pipeline.stages.map(\.name) == ["ingest"])
        let bad = minimal(stages: "[[stage]]\ntype = \"ingets\"\n")
        let issues = box.issues("\u{FEFF}" + bad.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(issues.map(\.line) == [line("ingets", in: bad)])
        #expect(issues.map(\.line) == [8])
    }

    @Test func dottedKeysAndInlineTablesAreUnderstood() throws {
        let box = Sandbox()
        box.standardData()
        let text = """
        pipeline.output = "../out"
        inputs = { exports = ["../sample-data"] }
        stage = [
          { type = "ingest" },
          { type = "aggregate", table = [{ name = "x" }] },
        ]
        """
        let pipeline = try box.load(text)
        #expect(pipeline.output == box.path("out"))
        #expect(pipeline.stages.map(\.name) == ["ingest", "aggregate"])
        let bad = text.replacingOccurrences(of: "pipeline.output", with: "pipeline.outptu")
        let issues = box.issues(bad)
        #expect(issues.contains { $0.key == "pipeline.outptu" && $0.line == 1 })
        #expect(issues.contains { $0.key == "pipeline.output" && $0.line == 1 && $0.message == "missing required key" })
        #expect(issues.count == 2)
    }
}

/// The pipelines the repository ships load without issues.
struct ShippedPipelineTests {
    static let folder = Paths.normalise(Paths.directory(of: #filePath) + "/../../../pipelines")
    static let files = Paths.entries(of: folder).filter { $0.hasSuffix(".toml") }.sorted()

    @Test(arguments: files)
    func aShippedPipelineIsValid(_ name: String) throws {
        let pipeline = try Pipeline.load(Self.folder + "/" + name)
        #expect(pipeline.stages.first?.name == "ingest")
        #expect(try !pipeline.inputs.expand().isEmpty)
    }
}
