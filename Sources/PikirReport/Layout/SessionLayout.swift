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
        // Each comparison column says the period it covers; the paragraph above the table says it in words.
        let period = trainerYears.map { $0.lowerBound == $0.upperBound ? String($0.lowerBound) : "\($0.lowerBound)–\($0.upperBound)" }
        let trainerHeading = period.map { c.text("session.trainer_before", ["period": $0]) } ?? c.text("session.trainer_none")
        let regionHeading = year.map { c.text("session.region_year", ["year": String($0)]) } ?? c.text("label.region")
        let table = QuestionTable.table(questions, f, reproduce: aggCommand, extra: [
            (trainerHeading, trainerAverage.map { f.mean($0.summary) }),
            (regionHeading, regionAverage.map { f.mean($0.summary) }),
        ])
        let trainerNote = period.map { c.text("session.vs_trainer", ["sessions": c.plural("sessions", count: trainerEarlierSessions), "period": $0]) }
            ?? c.text("session.vs_trainer_none")
        var comparison = trainerNote
        if let year { comparison += " " + c.text("session.vs_region", ["region": f.region(region), "year": String(year)]) }
        var blocks: [Document.Block] = [.facts(facts), .paragraph(comparison), .table(table),
                                        .chart(QuestionTable.diverging(questions, f, title: c.text("label.distribution")))]
        blocks += Comments.blocks(comments, count: commentCount, answers: responses, minN: scope.minN, c)
        let subtitle = c.text("session.subtitle", ["session": session, "date": f.date(date), "trainer": trainer ?? "—"])
        return Document(language: c.language.rawValue, title: c.text("session.title"), subtitle: subtitle,
                        sections: [Document.Section(id: "session", heading: c.text("label.this_session"), blocks: blocks)],
                        footer: Footer.blocks(f, provenance: provenance, scope: scope, generatedAt: generatedAt, version: version))
    }
}
