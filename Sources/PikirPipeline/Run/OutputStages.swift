import Foundation
import PikirAggregate
import PikirModel
import PikirReport

/// The stages that read the warehouse and write files: aggregate, render, export.
extension StageContext {
    // MARK: - aggregate

    mutating func aggregate(_ tables: [Pipeline.AggregateTable], summary: inout PipelineRunner.Summary) throws -> Bool {
        let spec = tables.map { "\($0.name) \($0.by) \($0.measures) \($0.stats) \($0.filters) \($0.minN)" }.joined(separator: ";")
        let stageKey = try stageKey("aggregate " + spec)
        let previous = previousOutputs("aggregate")
        let paths = tables.flatMap { [$0.files(output: pipeline.output).json, $0.files(output: pipeline.output).csv] }
        if !options.force, Manifest.load(output: pipeline.output, stage: "aggregate")?.key == stageKey,
           paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) { return false }
        let started = Date()
        let warehouse = try runner.warehouse.open(.read)
        var outputs: [Manifest.File] = [], written = 0
        for table in tables {
            let query: AggregateQuery
            do {
                query = try AggregateQuery.parse(by: table.by, measures: table.measures, stats: table.stats, filters: table.filters,
                                                 minN: table.minN, sort: nil)
            } catch {
                throw RunError("table \(table.name): \(error.message)")
            }
            let (regions, years) = Self.scope(filters: table.filters)
            let key = try key(spec: "table \(table.name) \(table.by) \(table.measures) \(table.stats) \(table.filters) \(table.minN)",
                              regions: regions, years: years)
            let files = table.files(output: pipeline.output)
            if keep(files.json, key: key, previous: previous), keep(files.csv, key: key, previous: previous) {
                outputs += [previous[files.json]!, previous[files.csv]!]
                summary.outputsKept += 2
                continue
            }
            if options.dryRun {
                log.info("aggregate", "would write \(files.json) and \(files.csv)")
                continue
            }
            let aggregator = Aggregator(query: query)
            try warehouse.scanResponses(aggregator.columns) { aggregator.add($0) }
            let rows = aggregator.rows()
            let output = AggregateOutput(query: query)
            for (path, format) in [(files.json, AggregateOutput.Format.json), (files.csv, .csv)] {
                outputs.append(try write(Data(output.render(rows, as: format).utf8), to: path, key: key))
                summary.wrote(path)
                written += 1
            }
        }
        if !options.dryRun {
            try saveManifest("aggregate", key: stageKey, started: started, outputs: outputs, counts: ["tables": tables.count, "written": written])
            log.info("aggregate", "\(Counted.english(written, "file")) written, \(outputs.count - written) unchanged")
        }
        return true
    }

    /// Regions and years a `--where` list limits a table to (nil: not limited).
    static func scope(filters: [String]) -> (regions: Set<String>?, years: Set<String>?) {
        var regions: Set<String>?, years: Set<String>?
        for filter in filters {
            let parts = filter.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let values = parts[1].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            switch parts[0].trimmingCharacters(in: .whitespaces).lowercased() {
            case "region": regions = Set(values.map { Dimension.region.canonical($0) })
            case "year": years = Set(values)
            default: break
            }
        }
        return (regions, years)
    }

    // MARK: - render

    mutating func render(_ reports: [Pipeline.ReportSpec], summary: inout PipelineRunner.Summary) throws -> Bool {
        let spec = reports.map { "\($0)" }.joined(separator: ";")
        let stageKey = try stageKey("render " + spec)
        let previous = previousOutputs("render")
        let paths = reports.flatMap { $0.outputs().map(\.path) }
        if !options.force, Manifest.load(output: pipeline.output, stage: "render")?.key == stageKey,
           paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) { return false }
        let started = Date()
        let warehouse = try runner.warehouse.open(.read)
        var outputs: [Manifest.File] = [], written = 0
        for report in reports {
            let scope = ReportScope(year: report.year, from: report.from, to: report.to, region: report.region, session: report.session,
                                    minN: report.minN ?? 5, includeComments: report.comments ?? (report.kind != "yearly"))
            var years: Set<String>?
            if let year = report.year, report.kind != "yearly" { years = [String(year)] }
            if report.from != nil || report.to != nil, report.year == nil,
               let first = Int((report.from ?? "1900").prefix(4)), let last = Int((report.to ?? "9999").prefix(4)), last - first < 200 {
                years = Set((first...last).map(String.init))
            }
            // The yearly report's data-quality section counts every file, so it depends on all of them.
            let regions = report.kind == "yearly" ? nil : report.region.map { Set([$0]) }
            var todo: [(language: String, format: String, path: String, key: String)] = []
            for output in report.outputs() {
                let key = try key(spec: "report \(report.kind) \(report.year ?? 0) \(report.from ?? "") \(report.to ?? "") \(report.region ?? "") "
                                  + "\(report.session ?? "") \(report.minN ?? 5) \(report.comments.map(String.init) ?? "-") \(output.language) \(output.format)",
                                  regions: regions, years: years)
                if keep(output.path, key: key, previous: previous) {
                    outputs.append(previous[output.path]!)
                    summary.outputsKept += 1
                } else {
                    todo.append((output.language, output.format, output.path, key))
                }
            }
            if todo.isEmpty { continue }
            if options.dryRun {
                for t in todo { log.info("render", "would write \(t.path)") }
                continue
            }
            // One model per report, drawn in each language and format.
            let version = options.version
            let draw: (Catalogue) throws -> Document
            switch report.kind {
            case "trainers":
                let model = try TrainerReport.build(warehouse, scope: scope)
                draw = { model.document($0, version: version) }
            case "yearly":
                let model = try YearlyReport.build(warehouse, scope: scope)
                draw = { model.document($0, version: version) }
            default:
                guard let model = try SessionReport.build(warehouse, scope: scope) else {
                    throw RunError("report session \(report.session ?? ""): the warehouse has no responses for this session")
                }
                draw = { model.document($0, version: version) }
            }
            let html = try HTMLRenderer()
            for t in todo {
                guard let language = Language(rawValue: t.language) else { throw RunError("unknown language \(t.language)") }
                let document = try draw(Catalogue.load(language))
                switch t.format {
                case "text":
                    outputs.append(try write(Data(TextRenderer().render(document).utf8), to: t.path, key: t.key))
                case "pdf":
                    do {
                        try PDFPrinter.print(html: html.render(document), to: t.path, createFolders: true)
                    } catch let failure as PDFPrinter.Failure {
                        throw RunError(failure.message)
                    } catch let error as OutputError {
                        throw RunError(error)
                    }
                    let data = FileManager.default.contents(atPath: t.path) ?? Data()
                    outputs.append(Manifest.File(path: t.path, sha256: Hashing.data(data), size: data.count, mtime: nil, key: t.key))
                default:
                    outputs.append(try write(Data(html.render(document).utf8), to: t.path, key: t.key))
                }
                summary.wrote(t.path)
                written += 1
            }
        }
        if !options.dryRun {
            try saveManifest("render", key: stageKey, started: started, outputs: outputs, counts: ["reports": paths.count, "written": written])
            log.info("render", "\(Counted.english(written, "report")) written, \(outputs.count - written) unchanged")
        }
        return true
    }

    // MARK: - export

    mutating func export(_ spec: Pipeline.ExportSpec, summary: inout PipelineRunner.Summary) throws -> Bool {
        let key = try stageKey("export \(spec.format) \(spec.output)")
        if keep(spec.output, key: key, previous: previousOutputs("export")),
           Manifest.load(output: pipeline.output, stage: "export")?.key == key { return false }
        if options.dryRun {
            log.info("export", "would write \(spec.output)")
            return true
        }
        let started = Date()
        let warehouse = try runner.warehouse.open(.read)
        var data = Data()
        try warehouse.writeExport(spec.format == "json" ? .json : .csv) { data.append(contentsOf: $0.utf8) }
        let file = try write(data, to: spec.output, key: key)
        summary.wrote(spec.output)
        try saveManifest("export", key: key, started: started, outputs: [file], counts: ["bytes": data.count])
        return true
    }
}
