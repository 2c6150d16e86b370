import PikirAggregate
import PikirStats

extension TrainerReport {
    /// The report in one language, ready for either renderer.
    public func document(_ catalogue: Catalogue, generatedAt: String? = nil, version: String) -> Document {
        let f = Formatter(c: catalogue), c = catalogue
        var sections: [Document.Section] = []

        // Ranking: the chart shows what its title says, each trainer's adjusted score with their mean's
        // interval shrunk towards μ by the same factor, in the table's rank order.
        let ranked = trainers.filter { $0.rank != nil }
        var ranking: [Document.Block] = [.paragraph(c.text("trainers.ranking_note", ["k": c.number(scope.shrinkageK, decimals: 0)]))]
        if !ranked.isEmpty {
            let rows = ranked.map(forestRow)
            let title = c.text("trainers.ranking")
            ranking.append(.chart(Document.Chart(
                svg: SVGChart.forest(rows, scale: Formatter.zoomedScale(rows.map(\.low), scale: 1...5), reference: overallMean,
                                     referenceLabel: c.text("trainers.reference_mean"), title: title,
                                     description: c.text("label.chart_alt", ["title": title]), format: { c.number($0, decimals: 2) }),
                text: rows.map { r in
                    DisplayWidth.pad(String(r.label.prefix(24)), to: 24) + " "
                        + TextChart.interval(estimate: r.estimate, low: r.low, high: r.high, scale: 1...5, width: 32)
                        + " " + c.number(r.estimate, decimals: 2) + "  n=" + c.integer(r.n)
                },
                caption: c.text("label.chart_alt", ["title": title]))))
            ranking.append(.table(Document.Table(
                caption: nil,
                headers: [c.text("label.rank"), c.text("label.trainer"), c.text("label.n"), c.text("label.mean"),
                          c.text("label.ci95"), c.text("label.shrunken_score")],
                numeric: [true, false, true, true, false, true],
                rows: ranked.map { t in
                    [.init(c.integer(t.rank ?? 0)), .init(t.name), .init(c.integer(t.overall.n)), .init(f.mean(t.overall.summary)),
                     .init(f.interval(t.overall.summary.ci95)), .init(c.number(t.adjusted ?? 0, decimals: 2))]
                },
                reproduce: aggCommand)))
        }
        // With a registry, the names it did not resolve are listed apart, one short line each, and their sections come last, marked.
        let registryUsed = self.registryUsed
        let unresolved = registryUsed ? trainers.filter { !$0.inRegistry } : []
        let unranked = trainers.filter { $0.rank == nil && ($0.inRegistry || !registryUsed) }
        if !unranked.isEmpty {
            ranking.append(.note(c.text("label.not_enough_answers", ["k": c.integer(scope.minN)]) + ": "
                + unranked.map { "\($0.name) (n = \(c.integer($0.overall.n)))" }.joined(separator: ", ")))
        }
        if !unresolved.isEmpty {
            ranking.append(.paragraph(c.text("label.unresolved_trainers") + " (" + c.text("label.not_in_registry") + ")"))
            ranking.append(.list(unresolved.map { t in
                t.name + " (" + c.text("label.not_in_registry") + ") — n = " + c.integer(t.overall.n) + ", "
                    + c.text("label.mean").lowercased() + " " + f.mean(t.overall.summary)
            }))
            ranking.append(.note(c.text("trainers.unresolved_note")))
        }
        if !registryUsed && !trainers.isEmpty { ranking.append(.note(c.text("trainers.no_registry"))) }
        if trainers.isEmpty { ranking = [.paragraph(c.text("label.no_data"))] }
        sections.append(Document.Section(id: "ranking", heading: c.text("trainers.ranking"), blocks: ranking))

        for (i, t) in trainers.enumerated() {
            let heading = registryUsed && !t.inRegistry ? t.name + " (" + c.text("label.not_in_registry") + ")" : t.name
            sections.append(Document.Section(id: "trainer-\(i + 1)", heading: heading, blocks: trainerBlocks(t, f)))
        }
        let subtitle: String?
        switch (scope.region.map(f.region), f.period(scope, sessionDates: trainers.flatMap { $0.trend.map(\.date) })) {
        case let (region?, period?): subtitle = c.text("trainers.subtitle", ["region": region, "period": period])
        case let (region, period): subtitle = region ?? period
        }
        return Document(language: c.language.rawValue, title: c.text("trainers.title"), subtitle: subtitle, sections: sections,
                        footer: Footer.blocks(f, provenance: provenance, scope: scope, generatedAt: generatedAt, version: version))
    }

    /// A ranked trainer's row of the ranking chart: the adjusted score, and the ends of their mean's
    /// interval passed through the same shrinkage, μ + (end − μ)·n/(n + k), so point and line share one scale.
    func forestRow(_ t: Trainer) -> ForestRow {
        let shrinkage = Shrinkage(k: scope.shrinkageK), n = t.overall.n
        let mean = t.overall.summary.mean ?? .nan, prior = overallMean ?? mean
        let score = t.adjusted ?? shrinkage.score(n: n, mean: mean, prior: prior)
        guard let ci = t.overall.summary.ci95 else { return ForestRow(label: t.name, estimate: score, low: .nan, high: .nan, n: n) }
        return ForestRow(label: t.name, estimate: score, low: shrinkage.score(n: n, mean: ci.low, prior: prior),
                         high: shrinkage.score(n: n, mean: ci.high, prior: prior), n: n)
    }

    private func trainerBlocks(_ t: Trainer, _ f: Formatter) -> [Document.Block] {
        let c = f.c
        var blocks: [Document.Block] = []
        blocks.append(.facts([
            (c.text("label.sessions"), c.plural("sessions", count: t.sessions)),
            (c.text("label.responses"), c.plural("responses", count: t.responses)),
            (f.shortQuestion(t.overall.measure), f.mean(t.overall.summary) + " (" + f.interval(t.overall.summary.ci95) + ")"),
            (c.text("label.nps"), f.nps(t.questions[5].nps)),
        ]))
        // A name the registry did not resolve is unranked for that reason, said in its heading, whatever its count.
        if t.rank == nil && (t.inRegistry || !registryUsed) {
            blocks.append(.note(c.text("label.not_enough_answers", ["k": c.integer(scope.minN)])))
        }
        blocks.append(.table(QuestionTable.table(t.questions, f, reproduce: Shell.command(query(for: t).commandLine))))
        blocks.append(.chart(QuestionTable.diverging(t.questions, f, title: c.text("label.distribution") + ": " + t.name)))
        if t.trend.count >= 2 {
            let title = c.text("label.trend") + ": " + t.name
            let points = t.trend.compactMap { p in
                p.overall.mean.map { TrendPoint(label: f.date(p.date), value: $0, low: p.overall.ci95?.low, high: p.overall.ci95?.high,
                                                    day: CivilDay.day(iso: p.date)) }
            }
            blocks.append(.chart(Document.Chart(
                svg: SVGChart.trend(points, scale: 1...5, title: title, description: c.text("label.chart_alt", ["title": title]),
                                    format: { c.number($0, decimals: 2) }, bandLabel: c.text("label.trend_band"),
                                    dateLabel: { year, month, withYear in
                                        month.map { withYear ? c.monthYear(year: year, month: $0) : c.month($0) } ?? String(year) }),
                text: [TextChart.sparkline(points.map(\.value), range: 1...5) + "  " + points.map { c.number($0.value, decimals: 2) }.joined(separator: " ")],
                caption: title)))
        }
        blocks += Comments.blocks(t.comments, count: t.commentCount, answers: t.overall.n, minN: scope.minN, c)
        return blocks
    }
}

/// The per-question table and distribution chart shared by the trainer and session reports.
enum QuestionTable {
    static func table(_ questions: [QuestionStats], _ f: Formatter, reproduce: String?, extra: [(header: String, values: [String])] = []) -> Document.Table {
        let c = f.c
        var headers = [c.text("label.question"), c.text("label.n"), c.text("label.mean"), c.text("label.ci95"),
                       c.text("label.top2"), c.text("label.nps"), c.text("label.distribution")]
        var numeric = [false, true, true, false, true, true, false]
        for column in extra {
            headers.append(column.header)
            numeric.append(true)
        }
        let rows = questions.enumerated().map { i, q -> [Document.Cell] in
            var cells: [Document.Cell] = [.init(f.question(q.measure)), .init(c.integer(q.n)), .init(f.mean(q.summary)),
                                          .init(f.interval(q.summary.ci95)), .init(f.share(q.top2)), .init(f.nps(q.nps))]
            if let shares = q.lowMidHigh {
                cells.append(.init([shares.low, shares.mid, shares.high].map { c.percent($0) }.joined(separator: " / ")))
            } else {
                cells.append(.init("—", style: "muted"))
            }
            for column in extra { cells.append(.init(column.values[i])) }
            return cells
        }
        return Document.Table(caption: nil, headers: headers, numeric: numeric, rows: rows, reproduce: reproduce)
    }

    static func diverging(_ questions: [QuestionStats], _ f: Formatter, title: String) -> Document.Chart {
        let c = f.c
        let shown = questions.filter { $0.lowMidHigh != nil }
        let rows = shown.map { q in
            let s = q.lowMidHigh!
            return DivergingRow(label: f.shortQuestion(q.measure), low: s.low, mid: s.mid, high: s.high, n: q.n)
        }
        let legend = (low: c.text("label.low_mid_high_low") + " · " + c.text("label.detractors"),
                      mid: c.text("label.low_mid_high_mid") + " · " + c.text("label.passives"),
                      high: c.text("label.low_mid_high_high") + " · " + c.text("label.promoters"))
        return Document.Chart(
            svg: SVGChart.diverging(rows, legend: legend, title: title, description: c.text("label.chart_alt", ["title": title]),
                                    format: { c.percent($0) }),
            text: rows.map { r in
                DisplayWidth.pad(String(r.label.prefix(16)), to: 16) + " " + TextChart.diverging(low: r.low, mid: r.mid, high: r.high, width: 30)
                    + " " + [r.low, r.mid, r.high].map { c.percent($0) }.joined(separator: " / ")
            },
            caption: c.text("label.chart_alt", ["title": title]))
    }
}
