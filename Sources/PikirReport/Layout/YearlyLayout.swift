import PikirAggregate
import PikirStats

extension YearlyReport {
    public func document(_ catalogue: Catalogue, generatedAt: String? = nil, version: String) -> Document {
        let f = Formatter(c: catalogue), c = catalogue
        // The answer first; everything after it is the evidence, each term explained once where it first appears.
        var sections = [Document.Section(id: "summary", heading: c.text("yearly.summary"), blocks: [.summary(summary(f))])]
        var explained: Set<Glossary> = []
        func glossary(_ terms: [Glossary]) -> [Document.Block] {
            let new = terms.filter { explained.insert($0).inserted }
            return new.isEmpty ? [] : [Glossary.block(new, c)]
        }

        // Regions by name in the report's language (a reader looks a region up by name), the unknown one last;
        // with the total, suppression, last year's value and the year-over-year change.
        let regions = NameOrder.sorted(self.regions.filter { $0.key != "unknown" }, language: c.language) { f.region($0.key) }
            + self.regions.filter { $0.key == "unknown" }
        var blocks: [Document.Block] = []
        let published = regions.filter { !$0.suppression.isSuppressed && $0.overall.summary.mean != nil }
        // One chart: last year beside this year. This year's intervals are in the table, so a second
        // chart of them would repeat it.
        if !published.isEmpty {
            blocks.append(pairedChart(published + [total], f))
        }
        // The response rate only when the registry knows a region's participants.
        let withRegistry = (regions + [total]).contains { $0.registered != nil }
        blocks.append(.table(table(regions + [total], label: { $0 == "total" ? c.text("label.total") : f.region($0) }, f,
                                   header: c.text("label.region"), withRegistry: withRegistry, withChange: true, reproduce: aggCommand(by: .region))))
        // Suppression is explained where a table hides something, and only there.
        func hides(_ rows: [Row]) -> Bool { rows.contains { $0.suppression.isSuppressed || $0.npsSuppression.isSuppressed } }
        let hidden = hides(regions) || regions.contains { $0.lastYear != nil && $0.change == nil }
        blocks += glossary([.interval, .nps, .significant] + (hidden ? [.suppressed] : []))
        if (regions + [total]).contains(where: { !$0.suppression.isSuppressed && $0.lastYear == nil }) {
            blocks.append(.note(c.text("yearly.no_data_note", ["mark": Self.noDataMark, "year": String(year - 1)])))
        }
        if hidden { blocks.append(.note(c.text("yearly.suppression_note", ["k": c.integer(scope.minN)]))) }
        blocks.append(.note(c.text("yearly.change_note", ["k": c.integer(scope.minN)])))
        sections.append(Document.Section(id: "regions", heading: c.text("yearly.by_region"), blocks: blocks))

        // A breakdown with no row is left out rather than printed as an empty table.
        for (id, heading, header, prefix, rows, dimension) in [
            ("groups", "yearly.by_group", "label.group", "group", groups, Dimension.group),
            ("modules", "yearly.by_module", "label.module", "module", modules, Dimension.module),
        ] where !rows.isEmpty {
            let table = table(rows, label: { f.category(prefix, $0) }, f, header: c.text(header), withRegistry: false, withChange: false,
                              reproduce: aggCommand(by: dimension))
            var blocks: [Document.Block] = [.table(table)] + glossary([.interval, .nps] + (hides(rows) ? [.suppressed] : []))
            if hides(rows) && !hidden { blocks.append(.note(c.text("yearly.suppression_note", ["k": c.integer(scope.minN)]))) }
            sections.append(Document.Section(id: id, heading: c.text(heading), blocks: blocks))
        }

        let files = c.plural("files", count: self.quality.files.count)
        var quality: [Document.Block] = [.note(c.text("yearly.quality_scope", ["year": String(year), "files": files])), .facts([
            (c.text("label.files_read"), files),
            (c.text("label.total"), c.plural("records", count: self.quality.records)),
            (c.text("label.responses"), c.plural("responses", count: self.quality.accepted)),
            (c.text("label.rejects"), c.integer(self.quality.rejected)),
            (c.text("label.duplicates"), c.integer(self.quality.duplicates)),
            (c.text("label.ignored"), c.integer(self.quality.ignored)),
            (c.text("label.redactions"), c.integer(self.quality.redactions)),
        ])]
        if !rejectsByReason.isEmpty {
            let headers = [c.text("label.reason"), c.text("label.count")]
            quality.append(.table(Document.Table(caption: c.text("label.rejects"), headers: headers, numeric: [false, true],
                                                 rows: rejectsByReason.map { [f.codedCell(f.rejectReason($0.code), code: $0.code), f.integerCell($0.count)] },
                                                 reproduce: "pikir rejects", sheetHeaders: [f.codedHeaders(headers[0]), [headers[1]]])))
        }
        if !unresolvedTrainers.isEmpty {
            quality.append(.paragraph(c.text("label.unresolved_trainers") + " (" + c.integer(unresolvedTrainers.count) + ")"))
            quality.append(.list(unresolvedTrainers))
        }
        if !scope.includeComments { quality.append(.note(c.text("yearly.comments_left_out"))) }
        let commented = regions.filter { !$0.suppression.isSuppressed && !$0.comments.isEmpty }
        if scope.includeComments && !commented.isEmpty {
            var blocks: [Document.Block] = []
            for r in commented {
                blocks.append(.paragraph(f.region(r.key) + ": " + c.plural("comments", count: max(r.commentCount, r.comments.count))))
                blocks.append(.list(r.comments))
            }
            sections.append(Document.Section(id: "comments", heading: c.text("label.comments"), blocks: blocks))
        }
        sections.append(Document.Section(id: "quality", heading: c.text("yearly.quality"), blocks: quality))

        var document = Document(language: c.language.rawValue, title: c.text("yearly.title", ["year": String(year)]),
                                subtitle: scope.region.map { f.region($0) }, sections: sections,
                                footer: Footer.blocks(f, provenance: provenance, scope: scope, generatedAt: generatedAt, version: version,
                                                      omitting: Self.unusedMethods))
        document.cover = Cover.lines(scope: scope.region.map { f.region($0) } ?? c.text("yearly.all_regions"), period: String(year),
                                     generatedAt: generatedAt, f)
        return document
    }

    /// No shares, quartiles or ranking in this report: their methods stay out of its footer.
    static let unusedMethods: Set<String> = ["methods.proportion", "methods.quantiles", "methods.shrinkage", "methods.min_n"]

    /// A last-year cell with no answers last year: short, so the numeric column stays narrow; the note under the table says what it means.
    static let noDataMark = "—*"

    /// Last year's value shown beside this year's: nil when last year has no answers or too few to publish.
    private func lastYearMean(_ r: Row) -> Double? {
        guard let last = r.lastYear, last.n >= max(scope.minN, 1) else { return nil }
        return r.change?.previousMean ?? QuestionStats(Measure(.overall), last).summary.mean
    }

    /// Why a row has no last-year value or change: no answers last year (the short mark), or too few to publish.
    private func lastYearMissing(_ r: Row, _ f: Formatter) -> Document.Cell {
        r.lastYear == nil ? Document.Cell(Self.noDataMark, style: "muted", values: [.empty]) : f.suppressedCell(width: 1, note: f.c.text("label.not_enough_answers", ["k": f.c.integer(scope.minN)]))
    }

    /// Last year → this year per published region and the total.
    private func pairedChart(_ rows: [Row], _ f: Formatter) -> Document.Block {
        let c = f.c
        let lastLabel = String(year - 1), currentLabel = String(year)
        let title = c.text("question.overall") + ": " + lastLabel + " → " + currentLabel
        let points = rows.map { r in
            PairedDotRow(label: r.key == "total" ? c.text("label.total") : f.region(r.key), last: lastYearMean(r),
                         current: r.overall.summary.mean!,
                         lastMissing: r.lastYear == nil ? c.text("yearly.no_data_year", ["year": lastLabel]) : c.text("label.suppressed"))
        }
        let scale = Formatter.zoomedScale(points.flatMap { [$0.current] + ($0.last.map { [$0] } ?? []) }, scale: 1...5)
        return .chart(Document.Chart(
            svg: PairedDotChart.svg(points, scale: scale, lastLabel: lastLabel, currentLabel: currentLabel, title: title,
                                    description: c.text("label.chart_alt", ["title": title]), format: { c.number($0, decimals: 2) }),
            text: ["○ " + lastLabel + "  ● " + currentLabel] + points.map { p in
                DisplayWidth.pad(String(p.label.prefix(24)), to: 24) + " "
                    + PairedDotChart.text(last: p.last, current: p.current, scale: scale, width: 32) + " "
                    + (p.last.map { c.number($0, decimals: 2) } ?? p.lastMissing) + " → " + c.number(p.current, decimals: 2)
            },
            caption: c.text("label.chart_alt", ["title": title])))
    }

    private func table(_ rows: [Row], label: (String) -> String, _ f: Formatter, header: String, withRegistry: Bool, withChange: Bool,
                       reproduce: String) -> Document.Table {
        let c = f.c
        // With the registry, the response rate (responses over registered participants) and not the participants
        // themselves: one column fewer keeps the table within a 1280 px screen.
        var headers = [header, c.text("label.sessions")]
        var numeric = [false, true]
        headers += [c.text("label.responses")]
        numeric += [true]
        if withRegistry {
            headers += [c.text("label.response_rate")]
            numeric += [true]
        }
        // Beside last year's value, this year's column says its year too (the pair reads "Overall 2023 | Overall 2024").
        let overall = c.text("question.short.overall")
        if withChange {
            headers.append(overall + " " + String(year - 1))
            numeric.append(true)
        }
        let ci95 = c.text("label.ci95"), npsCI95 = c.text("label.nps") + ": " + c.text("label.ci95")
        headers += [withChange ? overall + " " + String(year) : overall, ci95, c.text("label.nps"),
                    // Named apart from the mean's interval: on a phone the header is each card line's only label.
                    npsCI95]
        numeric += [true, false, true, false]
        if withChange {
            headers.append(c.text("label.change"))
            numeric.append(true)
        }
        // A workbook splits the code from the name and each interval into its two ends.
        let sheetHeaders = headers.enumerated().map { i, h in
            i == 0 ? f.codedHeaders(h) : (h == ci95 || h == npsCI95) ? f.intervalHeaders(h) : [h]
        }
        let body = rows.map { r -> [Document.Cell] in
            var cells: [Document.Cell] = [f.codedCell(label(r.key), code: r.key == "total" || r.key == "unknown" ? nil : r.key)]
            if r.suppression.isSuppressed {
                let note = f.suppressionNote(r.suppression, minN: scope.minN)
                cells += sheetHeaders.dropFirst().map { f.suppressedCell(width: $0.count, note: note) }
                return cells
            }
            cells.append(f.integerCell(r.sessions))
            cells.append(f.integerCell(r.responses))
            if withRegistry { cells.append(f.shareCell(r.responseRate)) }
            if withChange { cells.append(lastYearMean(r).map { f.numberCell($0, decimals: 2) } ?? lastYearMissing(r, f)) }
            cells += [f.meanCell(r.overall.summary), f.intervalCell(r.overall.summary.ci95)]
            // The NPS cells have their own count: fewer people may have answered that question.
            let npsNote = f.suppressionNote(r.npsSuppression, minN: scope.minN)
            cells += r.npsSuppression.isSuppressed ? [f.suppressedCell(width: 1, note: npsNote), f.suppressedCell(width: 2, note: npsNote)]
                : [f.npsCell(r.nps.nps), f.npsIntervalCell(r.nps.nps)]
            if withChange {
                if let change = r.change {
                    let arrow = r.significant ? (change.difference > 0 ? " ▲" : " ▼") : ""
                    cells.append(.init(c.signed(change.difference, decimals: 2) + arrow,
                                       style: r.significant ? (change.difference > 0 ? "up" : "down") : nil,
                                       values: [.number(change.difference, .decimals(2))]))
                } else {
                    cells.append(lastYearMissing(r, f))
                }
            }
            return cells
        }
        return Document.Table(caption: nil, headers: headers, numeric: numeric, rows: body, reproduce: reproduce, sheetHeaders: sheetHeaders)
    }
}
