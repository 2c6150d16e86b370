import PikirModel

/// A report that `pikir report` and a pipeline's render stage can make:
/// what it needs from its scope, which responses it reads, and how it is
/// built into a model that draws documents.
///
/// The kinds are listed once, in ``all``: the command's argument, the
/// pipeline file's `kind` values and the render stage all come from here,
/// so a new kind is added here and nowhere else.
public struct ReportKind: Sendable, Hashable, CustomStringConvertible {
    /// A scope field without which a kind cannot be built; its raw value is
    /// the pipeline file's key.
    public enum Field: String, Sendable {
        case year, session

        /// The command's flag, with what to give it.
        public var flagHint: String {
            switch self {
            case .year: "--year, e.g. --year 2024"
            case .session: "--session ID (see pikir agg --by session)"
            }
        }
    }

    /// `trainers`, `yearly`, `session`: the word the command and pipeline files take.
    public let name: String
    /// What the kind cannot be built without.
    public let required: [Field]
    /// Whether free-text comments are in when neither `--comments` nor `comments` says.
    public let commentsByDefault: Bool
    /// Whether the kind draws a one-trainer page for `--trainer` (the pipeline's `trainer`).
    public let takesTrainer: Bool
    /// Whether the responses read are only those of the scope's year and
    /// region. The yearly report also reads the year before, and its
    /// data-quality section counts every file.
    let readsOnlyScope: Bool
    private let make: @Sendable (any Warehouse, ReportScope) throws -> (any ReportModel)?

    public static let trainers = ReportKind(name: "trainers", required: [], commentsByDefault: true, takesTrainer: true, readsOnlyScope: true) {
        try TrainerReport.build($0, scope: $1)
    }
    public static let yearly = ReportKind(name: "yearly", required: [.year], commentsByDefault: false, takesTrainer: false, readsOnlyScope: false) {
        try YearlyReport.build($0, scope: $1)
    }
    public static let session = ReportKind(name: "session", required: [.session], commentsByDefault: true, takesTrainer: false, readsOnlyScope: true) {
        try SessionReport.build($0, scope: $1)
    }

    /// Every kind, in the order help and messages list them.
    public static let all: [ReportKind] = [.trainers, .yearly, .session]
    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> ReportKind? { all.first { $0.name == name } }

    public var description: String { name }

    /// The fields `required` that the scope leaves unset.
    public func missing(year: Int?, session: String?) -> [Field] {
        required.filter { field in
            switch field {
            case .year: year == nil
            case .session: session == nil
            }
        }
    }

    /// The scope with this kind's defaults for what was not given.
    public func scope(year: Int? = nil, from: String? = nil, to: String? = nil, region: String? = nil, session: String? = nil,
                      trainer: String? = nil, minN: Int? = nil, shrinkageK: Double? = nil, comments: Bool? = nil) -> ReportScope {
        var scope = ReportScope(year: year, from: from, to: to, region: region, session: session, trainer: takesTrainer ? trainer : nil,
                                includeComments: comments ?? commentsByDefault)
        if let minN { scope.minN = minN }
        if let shrinkageK { scope.shrinkageK = shrinkageK }
        return scope
    }

    /// The regions and years whose responses the report can contain (nil: any).
    public func reads(_ scope: ReportScope) -> (regions: Set<String>?, years: Set<String>?) {
        var years: Set<String>?
        if let year = scope.year, readsOnlyScope { years = [String(year)] }
        // A period of more than 200 years is read as unlimited rather than listed.
        if scope.from != nil || scope.to != nil, scope.year == nil,
           let first = Int((scope.from ?? "1900").prefix(4)), let last = Int((scope.to ?? "9999").prefix(4)), last - first < 200 {
            years = Set((first...last).map(String.init))
        }
        return (readsOnlyScope ? scope.region.map { [$0] } : nil, years)
    }

    /// The report's model. Throws ``NoResponses`` when the warehouse has no
    /// response in the scope, rather than drawing an empty report. The scope
    /// must set what ``required`` names.
    public func build(_ warehouse: any Warehouse, scope: ReportScope) throws -> any ReportModel {
        guard let model = try make(warehouse, scope), model.responses > 0 else {
            throw NoResponses(scope: scope, coverage: try warehouse.fileCoverage())
        }
        return model
    }

    public static func == (a: ReportKind, b: ReportKind) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A built report: one model, drawn as a document in each language.
public protocol ReportModel {
    /// The responses the report draws on (0: nothing to report).
    var responses: Int { get }
    func document(_ catalogue: Catalogue, generatedAt: String?, version: String) -> Document
}

extension TrainerReport: ReportModel {}
extension YearlyReport: ReportModel {
    public var responses: Int { total.responses }
}
extension SessionReport: ReportModel {}
