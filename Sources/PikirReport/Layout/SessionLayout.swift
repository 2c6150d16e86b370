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
        let table = QuestionTable.table(questions, f, reproduce: aggCommand, extra: [
            (c.text("label.trainer_average"), trainerAverage.map { f.mean($0.summary) }),
            (c.text("label.region_average"), regionAverage.map { f.mean($0.summary) }),
        ])
        var blocks: [Document.Block] = [.facts(facts), .paragraph(c.text("session.vs")), .table(table),
                                        .chart(QuestionTable.diverging(questions, f, title: c.text("label.distribution")))]
        blocks += Comments.blocks(comments, count: commentCount, answers: responses, minN: scope.minN, c)
        let subtitle = c.text("session.subtitle", ["session": session, "date": f.date(date), "trainer": trainer ?? "—"])
        return Document(language: c.language.rawValue, title: c.text("session.title"), subtitle: subtitle,
                        sections: [Document.Section(id: "session", heading: c.text("label.this_session"), blocks: blocks)],
                        footer: Footer.blocks(f, provenance: provenance, scope: scope, generatedAt: generatedAt, version: version))
    }
}
