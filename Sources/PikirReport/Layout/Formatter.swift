import PikirAggregate
import PikirStats

/// Numbers as a report writes them in one language: means to 2 decimals
/// with their interval, shares as percentages, NPS as a signed whole number.
struct Formatter {
    let c: Catalogue

    func mean(_ s: Summary) -> String { s.mean.map { c.number($0, decimals: 2) } ?? "—" }

    func interval(_ i: Interval?, decimals: Int = 2) -> String {
        guard let i else { return "—" }
        return c.interval(i.low, i.high, decimals: decimals)
    }

    func share(_ p: Proportion?) -> String { p.map { c.percent($0.share) } ?? "—" }

    func nps(_ r: NPSResult?) -> String { r.map { c.signed($0.score, decimals: 0) } ?? "—" }

    func npsInterval(_ r: NPSResult?) -> String { interval(r?.ci95, decimals: 0) }

    /// A question's name.
    func question(_ m: Measure) -> String { c.text("question." + m.name) }
    func shortQuestion(_ m: Measure) -> String { c.text("question.short." + m.name) }

    func region(_ code: String?) -> String {
        guard let code else { return c.text("region.unknown") }
        let name = c.text("region." + code)
        return name.hasPrefix("⟦") ? code : name
    }

    /// A label for a category key (group, module), or the key itself when the catalogue has none.
    func category(_ prefix: String, _ key: String) -> String {
        let text = c.text(prefix + "." + key)
        return text.hasPrefix("⟦") ? key : text
    }

    /// An ISO date in the language's words.
    func date(_ iso: String?) -> String {
        guard let iso else { return "—" }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        return c.date(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The period as the scope limits it; nil when it covers every date.
    func period(_ scope: ReportScope) -> String? {
        switch (scope.from, scope.to) {
        case let (from?, to?): return date(from) + " – " + date(to)
        case let (from?, nil): return date(from) + " –"
        case let (nil, to?): return "– " + date(to)
        case (nil, nil): return scope.year.map(String.init)
        }
    }

    /// The period a report covers: the scope's when it limits one, else the
    /// years of the sessions it shows (`2024`, `2023–2024`), so a report
    /// always says when; nil only without any dated session.
    func period(_ scope: ReportScope, sessionDates: [String?]) -> String? {
        if let period = period(scope) { return period }
        let years = sessionDates.compactMap { $0.flatMap { Int($0.prefix(4)) } }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first == last ? String(first) : "\(first)–\(last)"
    }

    /// A chart axis from a little below the lowest interval to the top of the scale,
    /// on half points, so differences between trainers are visible.
    static func zoomedScale(_ lows: [Double], scale: ClosedRange<Double>) -> ClosedRange<Double> {
        guard let lowest = lows.filter({ $0.isFinite }).min() else { return scale }
        let lower = max(scale.lowerBound, ((lowest - 0.1) * 2).rounded(.down) / 2)
        return lower < scale.upperBound ? lower...scale.upperBound : scale
    }
}
