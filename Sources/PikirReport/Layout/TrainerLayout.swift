import PikirAggregate
import PikirStats

extension TrainerReport {
    /// The report in one language, ready for either renderer: with `scope.trainer` set, that trainer's
    /// page alone; else the tiers, the trainers listed apart, and a section per compared trainer.
    public func document(_ catalogue: Catalogue, generatedAt: String? = nil, version: String) -> Document {
        let f = Formatter(c: catalogue), c = catalogue
        let period = f.period(scope, sessionDates: trainers.flatMap { $0.trend.map(\.date) })
        let footer = Footer.blocks(f, provenance: provenance, scope: scope, generatedAt: generatedAt, version: version)
        if let focus { return document(of: focus, f, period: period, generatedAt: generatedAt, footer: footer) }
        var sections: [Document.Section] = []

        // Ranking: the tiers, the chart and table in one order, each trainer's adjusted score with their
        // mean's interval shrunk towards μ by the same factor.
        let placed = self.placed
        var ranking: [Document.Block] = [.summary(summary(c))]
        ranking.append(.paragraph(c.text("trainers.ranking_note", ["k": c.number(scope.shrinkageK, decimals: 0)])))
        if !placed.isEmpty {
            ranking.append(.chart(rankingChart(placed.map(\.row), title: c.text("trainers.chart"), c)))
            let headers = [c.text("trainers.tier"), c.text("label.trainer"), c.text("label.n"), c.text("label.mean"),
                           c.text("label.ci95"), c.text("label.shrunken_score")]
            ranking.append(.table(Document.Table(
                caption: nil,
                headers: headers,
                numeric: [false, false, true, true, false, true],
                rows: placed.map { p in
                    let t = p.trainer
                    return [.init(c.text("trainers.tier." + p.tier.key), style: Self.style[p.tier]), f.codedCell(t.name, code: t.id),
                            f.integerCell(t.overall.n), f.meanCell(t.overall.summary), f.intervalCell(t.overall.summary.ci95),
                            f.numberCell(p.row.estimate, decimals: 2)]
                },
                reproduce: aggCommand,
                sheetHeaders: [[headers[0]], f.codedHeaders(headers[1]), [headers[2]], [headers[3]], f.intervalHeaders(headers[4]), [headers[5]]])))
            ranking.append(Glossary.block([.adjustedScore, .interval, .n], c))
        }
        if !registryUsed && !trainers.isEmpty { ranking.append(.note(c.text("trainers.no_registry"))) }
        if trainers.isEmpty { ranking = [.paragraph(c.text("label.no_data"))] }
        sections.append(Document.Section(id: Self.rankingID, heading: c.text("trainers.ranking"), blocks: ranking))

        let tooFew = trainers(in: .tooFew), unresolved = trainers(in: .unresolved)
        if !tooFew.isEmpty {
            // One line each: under k a trainer's numbers say nothing reliable, and their comments could point at a person.
            sections.append(Document.Section(id: Self.tooFewID, heading: c.text("trainers.too_few"), blocks: [
                .note(c.text("trainers.too_few_note", ["k": c.integer(scope.minN)])),
                .list(tooFew.map { $0.name + " — " + c.plural("responses", count: $0.overall.n) }),
            ]))
        }
        if !unresolved.isEmpty {
            sections.append(Document.Section(id: Self.unresolvedID, heading: c.text("label.unresolved_trainers"), blocks: [
                .list(unresolved.map { t in
                    var line = t.name + " (" + c.text("label.not_in_registry") + ") — n = " + c.integer(t.overall.n)
                    if t.overall.n >= scope.minN { line += ", " + c.text("label.mean").lowercased() + " " + f.mean(t.overall.summary) }
                    return line
                }),
                .note(c.text("trainers.unresolved_note")),
            ]))
        }

        // A section for each compared trainer in the table's order, then the unresolved names with enough answers, marked.
        let withSections = placed.map(\.trainer) + unresolved.filter { $0.overall.n >= scope.minN }
        for (i, t) in withSections.enumerated() {
            let heading = t.inRegistry || !registryUsed ? t.name : t.name + " (" + c.text("label.not_in_registry") + ")"
            sections.append(Document.Section(id: "trainer-\(i + 1)", heading: heading, blocks: trainerBlocks(t, f)))
        }
        return Document(language: c.language.rawValue, title: c.text("trainers.title"), subtitle: subtitle(f, period: period),
                        cover: cover(f, period: period, generatedAt: generatedAt), sections: sections, footer: footer)
    }

    /// One trainer's page, to hand to them: their sentences, their chart row against μ and their section;
    /// no other trainer's name or number. Under k (or unresolved under k), the sentences and their counts only.
    private func document(of t: Trainer, _ f: Formatter, period: String?, generatedAt: String?, footer: [Document.Block]) -> Document {
        let c = f.c, id = "trainer", tier = tier(of: t)
        // What their sentence rests on is their own sessions' period (the scope's when it sets one); μ covers the scope's.
        let own = f.period(scope, sessionDates: t.trend.map(\.date))
        var blocks: [Document.Block] = [.summary(summary(of: t, period: own, target: id, f))]
        if tier.isCompared {
            let title = c.text("trainers.chart")
            blocks.append(.chart(rankingChart([forestRow(t)], title: title, c)))
            blocks.append(Glossary.block([.adjustedScore, .interval], c))
        }
        if t.overall.n >= scope.minN {
            blocks += trainerBlocks(t, f)
        } else {
            blocks.append(.facts([(c.text("label.sessions"), c.plural("sessions", count: t.sessions)),
                                  (c.text("label.responses"), c.plural("responses", count: t.responses))]))
            blocks.append(.note(c.text("trainers.too_few_note", ["k": c.integer(scope.minN)])))
        }
        let heading = tier == .unresolved ? t.name + " (" + c.text("label.not_in_registry") + ")" : t.name
        return Document(language: c.language.rawValue, title: c.text("trainers.one.title"), subtitle: subtitle(f, period: period),
                        cover: [t.name] + cover(f, period: period, generatedAt: generatedAt),
                        sections: [Document.Section(id: id, heading: heading, blocks: blocks)], footer: footer)
    }

    /// Table cell styles of the tiers that stand out.
    private static let style: [TrainerTier: String] = [.above: "up", .below: "down"]

    private func subtitle(_ f: Formatter, period: String?) -> String? {
        switch (scope.region.map(f.region), period) {
        case let (region?, period?): f.c.text("trainers.subtitle", ["region": region, "period": period])
        case let (region, period): region ?? period
        }
    }

    /// The printed cover line: region (or every region), period, and the generation date when given.
    private func cover(_ f: Formatter, period: String?, generatedAt: String?) -> [String] {
        Cover.lines(scope: scope.region.map(f.region) ?? f.c.text("trainers.all_regions"), period: period, generatedAt: generatedAt, f)
    }

    /// The forest chart of `rows`, with μ as its labelled reference line.
    private func rankingChart(_ rows: [ForestRow], title: String, _ c: Catalogue) -> Document.Chart {
        Document.Chart(
            svg: SVGChart.forest(rows, scale: Formatter.zoomedScale(rows.map(\.low), scale: 1...5), reference: overallMean,
                                 referenceLabel: c.text("trainers.reference_mean"), title: title,
                                 description: c.text("label.chart_alt", ["title": title]), format: { c.number($0, decimals: 2) }),
            text: rows.map { r in
                DisplayWidth.pad(String(r.label.prefix(24)), to: 24) + " "
                    + TextChart.interval(estimate: r.estimate, low: r.low, high: r.high, scale: 1...5, width: 32)
                    + " " + c.number(r.estimate, decimals: 2) + "  n=" + c.integer(r.n)
            },
            caption: c.text("label.chart_alt", ["title": title]))
    }

    /// A compared trainer's row of the ranking chart: the adjusted score, and the ends of their mean's
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
        let tier = tier(of: t)
        blocks.append(.facts((tier.isCompared ? [(c.text("trainers.tier"), c.text("trainers.tier." + tier.key))] : []) + [
            (c.text("label.sessions"), c.plural("sessions", count: t.sessions)),
            (c.text("label.responses"), c.plural("responses", count: t.responses)),
            (f.shortQuestion(t.overall.measure), f.mean(t.overall.summary) + " (" + f.interval(t.overall.summary.ci95) + ")"),
            (c.text("label.nps"), f.nps(t.questions[5].nps)),
        ]))
        blocks.append(.table(QuestionTable.table(t.questions, f, reproduce: Shell.command(query(for: t).commandLine))))
        blocks.append(Glossary.block([.n, .interval, .topTwo, .nps], c))
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
    static func table(_ questions: [QuestionStats], _ f: Formatter, reproduce: String?, extra: [(header: String, values: [Document.Cell])] = []) -> Document.Table {
        let c = f.c
        var headers = [c.text("label.question"), c.text("label.n"), c.text("label.mean"), c.text("label.ci95"),
                       c.text("label.top2"), c.text("label.nps"), c.text("label.distribution")]
        var numeric = [false, true, true, false, true, true, false]
        // The distribution's three shares get a column each in a workbook.
        var sheetHeaders = headers.map { [$0] }
        sheetHeaders[3] = f.intervalHeaders(headers[3])
        sheetHeaders[6] = ["low_mid_high_low", "low_mid_high_mid", "low_mid_high_high"].map { headers[6] + ": " + c.text("label." + $0) }
        for column in extra {
            headers.append(column.header)
            numeric.append(true)
            sheetHeaders.append([column.header])
        }
        let rows = questions.enumerated().map { i, q -> [Document.Cell] in
            var cells: [Document.Cell] = [.init(f.question(q.measure)), f.integerCell(q.n), f.meanCell(q.summary),
                                          f.intervalCell(q.summary.ci95), .init(f.share(q.top2), values: [q.top2.map { .number($0.share, .percent(0)) } ?? .empty]),
                                          f.npsCell(q.nps)]
            if let shares = q.lowMidHigh {
                cells.append(.init([shares.low, shares.mid, shares.high].map { c.percent($0) }.joined(separator: " / "),
                                   values: [shares.low, shares.mid, shares.high].map { .number($0, .percent(0)) }))
            } else {
                cells.append(.init("—", style: "muted", values: [.empty, .empty, .empty]))
            }
            for column in extra { cells.append(column.values[i]) }
            return cells
        }
        return Document.Table(caption: nil, headers: headers, numeric: numeric, rows: rows, reproduce: reproduce, sheetHeaders: sheetHeaders)
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
