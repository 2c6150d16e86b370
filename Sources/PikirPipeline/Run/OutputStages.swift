import Foundation
import PikirAggregate
import PikirModel
import PikirNormalise
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
        // `where = ["trainer=Ким Д."]` finds the registry's trainer by any alias, as `pikir agg --trainers` does.
        let trainers = try pipeline.inputs.trainers.flatMap { try NormaliserSettings.load(trainers: $0, sessions: nil, mapping: nil).trainers }
        var outputs: [Manifest.File] = [], written = 0
        for table in tables {
            var query: AggregateQuery
            do {
                query = try AggregateQuery.parse(by: table.by, measures: table.measures, stats: table.stats, filters: table.filters,
                                                 minN: table.minN, sort: nil)
            } catch {
                throw RunError("table \(table.name): \(error.message)")
            }
            if let trainers { query.resolveTrainers(with: trainers) }
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
            let rows = try Aggregator.run(query, over: warehouse).rows()
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
        let kinds = try reports.map { report in
            guard let kind = ReportKind.named(report.kind) else {
                throw PipelineIssues([PipelineIssue(file: pipeline.file, line: nil, key: "stage.report.kind",
                                                    message: "unknown report kind '\(report.kind)'", allowed: ReportKind.names)])
            }
            return kind
        }
        let spec = reports.map { "\($0)" }.joined(separator: ";")
        let stageKey = try stageKey("render " + spec)
        let previous = previousOutputs("render")
        let paths = reports.flatMap { $0.outputs().map(\.path) }
        if !options.force, Manifest.load(output: pipeline.output, stage: "render")?.key == stageKey,
           paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) { return false }
        let started = Date()
        let warehouse = try runner.warehouse.open(.read)
        let writer = ReportWriter(createFolders: true)
        var outputs: [Manifest.File] = [], written = 0
        for (report, kind) in zip(reports, kinds) {
            let scope = kind.scope(year: report.year, from: report.from, to: report.to, region: report.region, session: report.session,
                                   trainer: report.trainer, minN: report.minN, comments: report.comments)
            let (regions, years) = kind.reads(scope)
            var todo: [(language: String, format: String, path: String, key: String)] = []
            for output in report.outputs() {
                let key = try key(spec: "report \(report.kind) \(report.year ?? 0) \(report.from ?? "") \(report.to ?? "") \(report.region ?? "") "
                                  + "\(report.session ?? "") \(report.trainer ?? "") \(scope.minN) \(report.comments.map(String.init) ?? "-") \(output.language) \(output.format)",
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
            let model: any ReportModel
            do {
                model = try kind.build(warehouse, scope: scope)
            } catch let empty as NoResponses {
                throw RunError("report \(report.kind)\(report.session.map { " " + $0 } ?? ""): \(empty.message)")
            } catch let unknown as UnknownTrainer {
                throw RunError("report \(report.kind): trainer: \(unknown.message)")
            }
            for t in todo {
                guard let language = Language(rawValue: t.language) else { throw RunError("unknown language \(t.language)") }
                guard let format = ReportFormat(rawValue: t.format) else { throw RunError("unknown format \(t.format)") }
                let document = model.document(Catalogue.load(language), generatedAt: nil, version: options.version)
                let data: Data
                do {
                    data = try writer.write(document, as: format, to: t.path)
                } catch let failure as PDFPrinter.Failure {
                    throw RunError(failure.message)
                } catch let refusal as ReportError {
                    throw RunError("\(t.path): \(refusal.message)")
                } catch let error as OutputError {
                    throw RunError(error)
                }
                outputs.append(Manifest.File(path: t.path, sha256: Hashing.data(data), size: data.count, mtime: nil, key: t.key))
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
        guard let format = ResponseExport.Format(rawValue: spec.format) else { throw RunError("unknown export format \(spec.format)") }
        let bytes: Int
        do {
            bytes = try ResponseExport.write(warehouse, as: format, to: spec.output, createFolders: true)
        } catch let error as OutputError {
            throw RunError(error)
        } catch let error as WorkbookError {
            throw RunError(error.description)
        }
        let file = Manifest.File(path: spec.output, sha256: try Hashing.file(spec.output), size: bytes, mtime: nil, key: key)
        summary.wrote(spec.output)
        try saveManifest("export", key: key, started: started, outputs: [file], counts: ["bytes": bytes])
        return true
    }
}
