/// The cover line a printed report repeats under its title: whose data, which
/// period and, when the caller gives one, when the report was made.
enum Cover {
    /// `scope` and `period` as the report words them; `generatedAt` as given
    /// (`--generated-at` or the pipeline), an ISO day written in the report's language.
    static func lines(scope: String, period: String?, generatedAt: String?, _ f: Formatter) -> [String] {
        var lines = [scope]
        if let period { lines.append(period) }
        if let generatedAt {
            let isDay = generatedAt.count == 10 && generatedAt.split(separator: "-").compactMap { Int($0) }.count == 3
            lines.append(f.c.text("label.generated_at") + ": " + (isDay ? f.date(generatedAt) : generatedAt))
        }
        return lines
    }
}
