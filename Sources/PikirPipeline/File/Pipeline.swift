import PikirAggregate

/// A batch pipeline: one `pipelines/*.toml` file, loaded and validated.
///
/// A pipeline names its inputs (survey exports plus the registries and the
/// column mapping that go with them), the warehouse it stores responses in,
/// the stages it runs, in order, and the folder its artefacts go to.
///
/// ## Paths
///
/// Every relative path in the file resolves against the folder that holds
/// the file, not the current directory, so `pipelines/demo.toml` names the
/// samples `../sample-data` and behaves the same from cron, from `make` or
/// from the shell. A leading `~/` is the home folder. Paths are normalised
/// (`a/./b/../c` is `a/c`) but symbolic links are not followed. Report and
/// export outputs resolve against the pipeline's `output` folder instead.
///
/// ## The format
///
/// ```toml
/// [pipeline]
/// name = "demo"                            # optional; default: the file's name without .toml
/// warehouse = "../out/demo/pikir.sqlite"   # optional; default: pikir.sqlite beside the file
/// output = "../out/demo"                   # required: artefacts, reports and manifests
///
/// [inputs]
/// exports = ["../sample-data/*.csv", "../sample-data/*.tsv", "../sample-data/*.txt"]
/// trainers = "../sample-data/registries/trainers.csv"   # optional
/// sessions = "../sample-data/registries/sessions.csv"   # optional
/// mapping = "mapping.csv"                                # optional
///
/// [[stage]]
/// type = "ingest"
/// jobs = 2                # optional, ≥ 1; default: the number of cores
///
/// [[stage]]
/// type = "aggregate"
///   [[stage.table]]
///   name = "region-year"              # required, unique, [a-z0-9_-]+
///   by = ["region", "year"]           # optional; default [] (one overall group)
///   measures = ["overall", "nps"]     # optional; default ["overall"]
///   stats = ["n", "mean", "ci95"]     # optional; default n, mean, ci95, median
///   where = ["year=2024"]             # optional; each DIMENSION=VALUE[,VALUE...]
///   min_n = 5                         # optional, ≥ 0; default 5
///
/// [[stage]]
/// type = "render"
///   [[stage.report]]
///   kind = "yearly"                   # trainers | yearly | session
///   year = 2024                       # yearly: required; others: optional
///   from = "2024-01-01"               # optional yyyy-mm-dd (a TOML date works too); from ≤ to
///   to = "2024-12-31"                 # optional
///   region = "KZ-75"                  # optional ISO 3166-2:KZ code
///   session = "S-2024-01"             # session: required; others: optional
///   languages = ["kk", "ru", "en"]    # optional; default ["kk"]
///   formats = ["text", "html"]        # text | html | pdf; default ["html"]
///   output = "reports/{kind}-{year}-{lang}.{ext}"   # required
///   min_n = 5                         # optional, ≥ 1
///   comments = false                  # optional
///
/// [[stage]]
/// type = "export"
/// format = "csv"                      # required: csv | json
/// output = "export/responses.csv"     # required, inside the output folder
/// ```
///
/// Inputs (`exports`, required and non-empty) are files, folders (their
/// `*.csv`, `*.tsv` and `*.txt` files, any case; not hidden files, not subfolders) or
/// globs: `*` and `?` within one path component, `[abc]`, `[a-z]` and
/// `[!abc]` sets, and `**` for any number of folders. Wildcards do not
/// match a leading dot, and a glob keeps only the regular files it matches.
/// Every pattern must match at least one file, and the registry and mapping
/// files must exist.
///
/// Every output stays inside the output folder: a report's `output` and
/// the export's are relative to it, and an absolute path, a leading `~`,
/// a `..` component, the folder itself or a path under `manifests/` is an
/// issue. Tables land in `<output>/tables/<name>.json` and `.csv`. A report's
/// `output` is a pattern with the placeholders `{kind}`, `{year}`,
/// `{region}`, `{session}`, `{lang}` and `{ext}` (`txt`, `html`, `pdf`);
/// it must contain `{lang}` when the report has several languages and
/// `{ext}` when it has several formats, may use `{year}`, `{region}` and
/// `{session}` only when the report sets them, and no two artefacts of
/// the pipeline may land on the same path. A placeholder's value is escaped
/// to stay within one file name (``Paths/component(_:)``): a session id
/// `ALM/2024/A` from a registry is written `ALM%2F2024%2FA`.
///
/// ## Stages
///
/// The order of the `[[stage]]` tables is the run order. Each type appears
/// at most once, there is at least one stage, and `ingest`, when present,
/// comes before `aggregate`, `render` and `export`.
///
/// ## Validation
///
/// ``load(_:)`` reports every mistake it finds at once, each with its line,
/// its key and, where there is a choice, the allowed values. Unknown keys
/// are errors in every table, so a misspelt key is never silently ignored.
/// List-valued keys also accept a single string (`by = "region"`).
public struct Pipeline: Sendable {
    /// The absolute path of the `.toml` file.
    public var file: String
    /// `[pipeline] name`, or the file's name without `.toml`.
    public var name: String
    /// The absolute folder that holds the file; relative paths resolve against it.
    public var baseDirectory: String
    /// The absolute path of the SQLite warehouse.
    public var warehouse: String
    /// The absolute folder artefacts, reports and manifests go to.
    public var output: String
    public var inputs: Inputs
    /// The stages in run order.
    public var stages: [Stage]

    public init(file: String, name: String, baseDirectory: String, warehouse: String, output: String,
                inputs: Inputs, stages: [Stage]) {
        self.file = file
        self.name = name
        self.baseDirectory = baseDirectory
        self.warehouse = warehouse
        self.output = output
        self.inputs = inputs
        self.stages = stages
    }

    /// What a pipeline reads: survey exports, and the files that help read them.
    public struct Inputs: Sendable {
        /// The export patterns as written, resolved to absolute paths or
        /// absolute glob patterns. ``expand()`` turns them into files.
        public var exports: [String]
        /// The absolute path of the trainer registry, if any.
        public var trainers: String?
        /// The absolute path of the session registry, if any.
        public var sessions: String?
        /// The absolute path of the column mapping file, if any.
        public var mapping: String?
        /// Where `exports` was written, for the issues ``expand()`` reports.
        var origin = Origin()

        struct Origin: Sendable {
            /// The pipeline file as its caller named it.
            var file = ""
            /// Each pattern as written and its line, in the order of `exports`.
            var patterns: [(written: String, line: Int?)] = []
        }

        public init(exports: [String], trainers: String? = nil, sessions: String? = nil, mapping: String? = nil) {
            self.exports = exports
            self.trainers = trainers
            self.sessions = sessions
            self.mapping = mapping
        }

        /// The export files: absolute paths, sorted and de-duplicated.
        ///
        /// A folder stands for its `*.csv`, `*.tsv` and `*.txt` files; a
        /// glob for the regular files it matches.
        /// - Throws: ``PipelineIssues`` naming every pattern that matches no file.
        public func expand() throws(PipelineIssues) -> [String] {
            var found = Set<String>()
            var issues: [PipelineIssue] = []
            for (index, pattern) in exports.enumerated() {
                let files = Glob.expand(pattern)
                if files.isEmpty {
                    let written: (written: String, line: Int?) = index < origin.patterns.count ? origin.patterns[index] : (pattern, nil)
                    let shown = written.written == pattern ? "'\(pattern)'" : "'\(written.written)' (\(pattern))"
                    issues.append(PipelineIssue(
                        file: origin.file, line: written.line, key: "inputs.exports",
                        message: "\(shown): \(Glob.whyNothing(pattern))"))
                }
                found.formUnion(files)
            }
            guard issues.isEmpty else { throw PipelineIssues(issues) }
            return found.sorted(by: Glob.pathOrder)
        }
    }

    /// One step of a run.
    public enum Stage: Sendable {
        /// Read, normalise and store the exports; `jobs` worker threads, nil for one per core.
        case ingest(jobs: Int?)
        /// Compute these tables and write each as JSON and CSV.
        case aggregate([AggregateTable])
        /// Draw these reports.
        case render([ReportSpec])
        /// Write the warehouse's responses to one file.
        case export(ExportSpec)

        /// The stage's `type`: `ingest`, `aggregate`, `render` or `export`.
        public var name: String {
            switch self {
            case .ingest: "ingest"
            case .aggregate: "aggregate"
            case .render: "render"
            case .export: "export"
            }
        }
    }

    /// One `[[stage.table]]` of the aggregate stage: what `pikir agg` would
    /// be asked, with the names as its flags take them.
    public struct AggregateTable: Sendable, Equatable {
        /// The file name: `<output>/tables/<name>.json` and `.csv`.
        public var name: String
        /// Dimensions, in order; empty for one overall group.
        public var by: [String]
        public var measures: [String]
        public var stats: [String]
        /// `DIMENSION=VALUE[,VALUE...]`, as written (trimmed).
        public var filters: [String]
        public var minN: Int

        public init(name: String, by: [String] = [], measures: [String] = ["overall"],
                    stats: [String] = ["n", "mean", "ci95", "median"], filters: [String] = [], minN: Int = AggregateQuery.defaultMinN) {
            self.name = name
            self.by = by
            self.measures = measures
            self.stats = stats
            self.filters = filters
            self.minN = minN
        }

        /// The JSON and CSV files the table is written to, under `output`.
        public func files(output: String) -> (json: String, csv: String) {
            let base = Paths.join(output, "tables/\(name)")
            return (base + ".json", base + ".csv")
        }
    }

    /// One `[[stage.report]]` of the render stage.
    public struct ReportSpec: Sendable, Equatable {
        /// `trainers`, `yearly` or `session`.
        public var kind: String
        public var year: Int?
        /// First and last day, `yyyy-mm-dd`.
        public var from: String?
        public var to: String?
        /// An ISO 3166-2:KZ code such as `KZ-75`.
        public var region: String?
        public var session: String?
        /// One trainer's page (trainers reports only): a registry id or a name.
        public var trainer: String?
        /// `kk`, `ru`, `en`, in the order written.
        public var languages: [String]
        /// `text`, `html`, `pdf`, in the order written.
        public var formats: [String]
        /// The output pattern as written, relative to ``outputDirectory``.
        public var output: String
        /// The pipeline's absolute output folder.
        public var outputDirectory: String
        public var minN: Int?
        public var comments: Bool?

        public init(kind: String, year: Int? = nil, from: String? = nil, to: String? = nil, region: String? = nil,
                    session: String? = nil, languages: [String] = ["kk"], formats: [String] = ["html"],
                    output: String, outputDirectory: String, minN: Int? = nil, comments: Bool? = nil, trainer: String? = nil) {
            self.kind = kind
            self.year = year
            self.from = from
            self.to = to
            self.region = region
            self.session = session
            self.trainer = trainer
            self.languages = languages
            self.formats = formats
            self.output = output
            self.outputDirectory = outputDirectory
            self.minN = minN
            self.comments = comments
        }

        /// The file extension of a format: `txt` for `text`, else the format's name.
        public static func fileExtension(of format: String) -> String {
            format == "text" ? "txt" : format
        }

        /// Every language × format this report is drawn in, languages outer,
        /// in the order written, with the output pattern filled in and made
        /// absolute. A placeholder whose value the report does not set is
        /// left empty (validation rejects such patterns).
        public func outputs() -> [(language: String, format: String, path: String)] {
            languages.flatMap { language in
                formats.map { format in
                    (language, format, Paths.resolve(fill(language: language, format: format), against: outputDirectory))
                }
            }
        }

        /// The output pattern with every placeholder replaced by its value,
        /// escaped to stay within one path component (``Paths/component(_:)``).
        func fill(language: String, format: String) -> String {
            let values: [String: String] = [
                "kind": kind,
                "year": year.map(String.init) ?? "",
                "region": region ?? "",
                "session": session ?? "",
                "lang": language,
                "ext": Self.fileExtension(of: format),
            ]
            return Placeholders.fill(output, values.mapValues(Paths.component))
        }
    }

    /// The export stage: every stored response, in one file.
    public struct ExportSpec: Sendable, Equatable {
        /// `csv` or `json`.
        public var format: String
        /// The absolute path of the file.
        public var output: String

        public init(format: String, output: String) {
            self.format = format
            self.output = output
        }
    }
}

extension Pipeline {
    /// The stage of this type, if the pipeline has one.
    public func stage(named name: String) -> Stage? {
        stages.first { $0.name == name }
    }

    /// Every file the pipeline writes: tables, reports, the export and the stages' manifests.
    public var artefacts: [String] {
        stages.flatMap { stage -> [String] in
            let manifest = Paths.join(output, "manifests/\(stage.name).json")
            switch stage {
            case .ingest: return [manifest]
            case .aggregate(let tables): return tables.flatMap { [$0.files(output: output).json, $0.files(output: output).csv] } + [manifest]
            case .render(let reports): return reports.flatMap { $0.outputs().map(\.path) } + [manifest]
            case .export(let spec): return [spec.output, manifest]
            }
        }
    }
}
