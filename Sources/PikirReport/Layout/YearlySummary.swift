import PikirStats

/// The yearly report's first screen: the answer in plain words, from the
/// region table's numbers and only the tests that passed there (the
/// Holm-corrected change per region, the total's own test).
extension YearlyReport {
    /// What a row of the region table says about the year against last year.
    enum Verdict: Equatable {
        /// The change passed its test.
        case rose, fell
        /// Compared, and the test found no change.
        case held
        /// Published, with nothing to compare with: no answers last year, or too few to publish.
        case noData, tooFewLastYear
        /// Hidden: too few answers (primary), or hidden with a small one (complementary).
        case tooFew, hiddenWith
    }

    func verdict(_ r: Row) -> Verdict {
        switch r.suppression {
        case .primary: return .tooFew
        case .complementary: return .hiddenWith
        case .published: break
        }
        guard r.overall.summary.mean != nil else { return .tooFew }
        guard let change = r.change else { return r.lastYear == nil ? .noData : .tooFewLastYear }
        guard r.significant else { return .held }
        return change.difference > 0 ? .rose : .fell
    }

    /// The sentences, each pointing at the region table: the total first, then
    /// the regions that rose, fell, held, could not be compared and were hidden.
    func summary(_ f: Formatter) -> [Document.Sentence] {
        let c = f.c
        let last = String(year - 1)
        var sentences = [totalSentence(f)]
        // One published region compared with the same answers as the total (a report for one region):
        // its sentence would repeat the total's.
        if self.regions.count == 1, !self.regions[0].suppression.isSuppressed, self.regions[0].lastYear?.n == total.lastYear?.n {
            return sentences
        }
        let regions = NameOrder.sorted(self.regions, language: c.language) { f.region($0.key) }
        var by: [Verdict: [Row]] = [:]
        for r in regions { by[verdict(r), default: []].append(r) }

        for (verdict, key) in [(Verdict.rose, "yearly.summary_rose"), (.fell, "yearly.summary_fell")] {
            guard let rows = by[verdict] else { continue }
            let named = rows.map { r in
                c.text("yearly.summary_region_change", ["region": f.region(r.key),
                                                         "change": c.number(abs(r.change!.difference), decimals: 2)])
            }
            sentences.append(.init(c.text(key, ["regions": Self.list(named, c)])))
        }
        if let held = by[.held] {
            // Every region that could be compared held: the "nothing changed" answer, said as such.
            let all = by[.rose] == nil && by[.fell] == nil
            sentences.append(.init(Self.plural(all ? "yearly_held_all" : "yearly_held", held.count, ["last_year": last], c)))
        }
        // Without any answer last year the total's sentence already says there is no comparison.
        let listed: [(Verdict, String)] = (total.lastYear == nil ? [] : [(.noData, "yearly_no_data")])
            + [(.tooFewLastYear, "yearly_too_few_last"), (.tooFew, "yearly_too_few"), (.hiddenWith, "yearly_hidden_with")]
        for (verdict, key) in listed {
            guard let rows = by[verdict] else { continue }
            sentences.append(.init(Self.plural(key, rows.count, ["last_year": last, "regions": Self.list(rows.map { f.region($0.key) }, c)], c)))
        }
        return sentences.map { Document.Sentence($0.text, target: "regions") }
    }

    private func totalSentence(_ f: Formatter) -> Document.Sentence {
        let c = f.c
        var arguments = ["year": String(year), "last_year": String(year - 1), "mean": f.mean(total.overall.summary),
                         "responses": c.plural("responses", count: total.overall.n), "k": c.integer(scope.minN)]
        if let change = total.change { arguments["last_mean"] = c.number(change.previousMean, decimals: 2) }
        let key: String
        switch verdict(total) {
        case .rose: key = "yearly.summary_total_rose"
        case .fell: key = "yearly.summary_total_fell"
        case .held: key = "yearly.summary_total_held"
        case .noData: key = "yearly.summary_total_no_data"
        case .tooFewLastYear: key = "yearly.summary_total_too_few_last"
        case .tooFew, .hiddenWith: key = "yearly.summary_total_too_few"
        }
        return Document.Sentence(c.text(key, arguments), target: "regions")
    }

    /// A counted sentence (`plural.<name>`) with its other placeholders filled in.
    static func plural(_ name: String, _ count: Int, _ arguments: [String: String], _ c: Catalogue) -> String {
        Catalogue.substitute(c.plural(name, count: count), arguments)
    }

    /// "A", "A and B", "A, B and C" in the catalogue's language.
    static func list(_ items: [String], _ c: Catalogue) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return c.text("format.list_and", ["list": items.dropLast().joined(separator: ", "), "last": last])
    }
}
