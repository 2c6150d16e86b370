/// A report whose scope holds no response: an error, not an empty report,
/// so a mistyped `--year` or region is noticed. Its message is one line that
/// names the years the warehouse does have, so the next command is obvious.
public struct NoResponses: Error, Sendable, CustomStringConvertible {
    /// The session asked for, when the report is a session's.
    public let session: String?
    /// e.g. `no responses for 2031; the warehouse has responses for 2023–2024`.
    public let message: String

    /// `coverage` is ``Warehouse/fileCoverage()``: each file's `region|year` pairs.
    init(scope: ReportScope, coverage: [String: Set<String>]) {
        session = scope.session
        let pairs = coverage.values.reduce(into: Set<String>()) { $0.formUnion($1) }.map { pair -> (region: String, year: Int?) in
            let parts = pair.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return (parts[0], parts.count > 1 ? Int(parts[1]) : nil)
        }
        let years = Set(pairs.compactMap(\.year))
        message = Self.message(scope: scope, years: years,
                               regionYears: scope.region.map { region in Set(pairs.filter { $0.region == region }.compactMap(\.year)) })
    }

    public var description: String { message }

    static func message(scope: ReportScope, years: Set<Int>, regionYears: Set<Int>?) -> String {
        if let session = scope.session { return "the warehouse has no responses for session '\(session)'" }
        var asked: [String] = []
        if let year = scope.year { asked.append("for \(year)") }
        switch (scope.from, scope.to) {
        case let (from?, to?): asked.append("from \(from) to \(to)")
        case let (from?, nil): asked.append("from \(from)")
        case let (nil, to?): asked.append("up to \(to)")
        case (nil, nil): break
        }
        if let region = scope.region { asked.append("in \(region)") }
        let head = asked.isEmpty ? "no responses" : "no responses " + asked.joined(separator: " ")
        guard !years.isEmpty else { return head + "; the warehouse has no responses yet (add some with pikir ingest)" }
        if let region = scope.region, let regionYears {
            if regionYears.isEmpty { return head + "; the warehouse has none in \(region), and responses for \(Self.span(years)) elsewhere" }
            return head + "; the warehouse has responses in \(region) for \(Self.span(regionYears))"
        }
        return head + "; the warehouse has responses for \(Self.span(years))"
    }

    /// `2024`, `2019–2026` when every year between is there, else `2019, 2023, 2024`.
    static func span(_ years: Set<Int>) -> String {
        let sorted = years.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        if first == last { return String(first) }
        if last - first + 1 == sorted.count { return "\(first)–\(last)" }
        return sorted.map(String.init).joined(separator: ", ")
    }
}
