import PikirAggregate
import PikirNormalise
import PikirReport

/// The keys and values a pipeline file may use, in the order issues list them.
///
/// Dimensions, measures, statistics, languages and region codes come from
/// the modules that implement them, so the file accepts exactly what
/// `pikir agg` and the reports do.
enum Vocabulary {
    static let rootKeys = ["pipeline", "inputs", "stage"]
    static let pipelineKeys = ["name", "warehouse", "output"]
    static let inputKeys = ["exports", "trainers", "sessions", "mapping"]

    static let stageTypes = ["ingest", "aggregate", "render", "export"]
    static func stageKeys(_ type: String) -> [String] {
        switch type {
        case "ingest": ["type", "jobs"]
        case "aggregate": ["type", "table"]
        case "render": ["type", "report"]
        case "export": ["type", "format", "output"]
        default: ["type"]
        }
    }

    static let tableKeys = ["name", "by", "measures", "stats", "where", "min_n"]
    static let dimensions = Dimension.allCases.map(\.rawValue)
    static let measures = Measure.all.map(\.name)
    static let stats = Stat.allCases.map(\.rawValue)
    static let defaultMeasures = ["overall"]
    static let defaultStats = Stat.defaults.map(\.rawValue)
    static let defaultTableMinN = AggregateQuery.defaultMinN

    static let reportKeys = ["kind", "year", "from", "to", "region", "session", "trainer", "languages", "formats",
                             "output", "min_n", "comments"]
    static let reportKinds = ReportKind.names
    static let languages = Language.allCases.map(\.rawValue)
    static let formats = ReportFormat.allCases.map(\.rawValue)
    static let defaultLanguages = ["kk"]
    static let defaultFormats = ["html"]
    static let placeholders = ["kind", "year", "region", "session", "lang", "ext"]
    /// ISO 3166-2:KZ codes, KZ-10 … KZ-79.
    static let regions = Places.subdivisions.map(\.code).sorted()
    static let years = 1900...2100

    static let exportFormats = ResponseExport.Format.allCases.map(\.rawValue)

    /// `{name}` placeholders written as such.
    static func placeholderList(_ names: [String]) -> [String] { names.map { "{\($0)}" } }
}

/// `{name}` placeholders in output patterns.
enum Placeholders {
    /// The names of the placeholders in `pattern`, in order, with repeats.
    static func names(in pattern: String) -> [String] {
        var names: [String] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}" else { continue }
            names.append(String(rest[..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `pattern` with each `{name}` that `values` knows replaced; others stay as written.
    static func fill(_ pattern: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(where: { $0 == "}" || $0 == "{" }), after[close] == "}",
               let value = values[String(after[..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result.append("{")
                rest = after
            }
        }
        return result + rest
    }
}
