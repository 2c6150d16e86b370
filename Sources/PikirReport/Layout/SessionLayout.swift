import PikirAggregate
import PikirStats

extension SessionReport {
    public func document(_ catalogue: Catalogue, generatedAt: String? = nil, version: String) -> Document {
        let f = Formatter(c: catalogue), c = catalogue
        var facts: [(label: String, value: String)] = [
            (c.text("label.responses"), c.plural("responses", count: responses)),
            (c.text("label.region"), f.region(region)),
            (c.text("label.module"), module.map { f.category("module", $0) } ?? "—"),
        ]
        if let registered {
            facts.append((c.text("label.participants"), c.integer(registered)))
            if registered > 0 { facts.append((c.text("label.response_rate"), c.percent(Double(responses) / Double(registered)))) }
        }
        // Each comparison column says the period it covers; the note under the table says it in words.
        let period = trainerYears.map { $0.lowerBound == $0.upperBound ? String($0.lowerBound) : "\($0.lowerBound)–\($0.upperBound)" }
        let trainerHeading = period.map { c.text("session.trainer_before", ["period": $0]) } ?? c.text("session.trainer_none")
        let regionHeading = year.map { c.text("session.region_year", ["year": String($0)]) } ?? c.text("label.region")
        let table = QuestionTable.table(questions, f, reproduce: aggCommand, extra: [
            (trainerHeading, trainerAverage.map { f.meanCell($0.summary) }),
            (regionHeading, regionAverage.map { f.meanCell($0.summary) }),
        ])
        // What each comparison column covers (the summary above already says when the trainer has no earlier session).
        var columns = period.map { [c.text("session.vs_trainer", ["sessions": c.plural("sessions", count: trainerEarlierSessions), "period": $0])] } ?? []
        if let year { columns.append(c.text("session.vs_region", ["region": f.region(region), "year": String(year)])) }
        // The answer first, then the facts and the table it comes from.
        let sentences = summary(f, period: period)
        var blocks: [Document.Block] = sentences.isEmpty ? [] : [.summary(sentences)]
        blocks += [.facts(facts), .table(table), Glossary.block([.n, .interval, .topTwo, .nps], c)]
        if !columns.isEmpty { blocks.append(.note(columns.joined(separator: " "))) }
        blocks.append(.chart(QuestionTable.diverging(questions, f, title: c.text("label.distribution"))))
        blocks += Comments.blocks(comments, count: commentCount, answers: responses, minN: scope.minN, c)
        let subtitle = c.text("session.subtitle", ["session": session, "date": f.date(date), "trainer": trainer ?? "—"])
        // Whose data: the region, and the city unless the region is a city itself (Astana, Almaty, Shymkent, the first three codes).
        let isCity = region.map { Catalogue.regionCodes.prefix(3).contains($0) } ?? false
        let place = f.region(region) + (city.map { isCity ? "" : ", " + $0 } ?? "")
        var document = Document(language: c.language.rawValue, title: c.text("session.title"), subtitle: subtitle,
                                sections: [Document.Section(id: "session", heading: c.text("label.this_session"), blocks: blocks)],
                                // No quartiles, ranking or year-over-year test here: those methods stay out of the footer.
                                footer: Footer.blocks(f, provenance: provenance, scope: scope, generatedAt: generatedAt, version: version,
                                                      omitting: ["methods.quantiles", "methods.shrinkage", "methods.min_n", "methods.holm"]))
        document.cover = Cover.lines(scope: place, period: date.map { f.date($0) }, generatedAt: generatedAt, f)
        return document
    }
}
