import Foundation
import PikirNormalise
import PikirReport
import PikirStore
import TOMLKit

extension Pipeline {
    /// Reads, parses and validates a pipeline file.
    ///
    /// Validation covers the whole file: TOML syntax (with the parser's
    /// line), unknown keys in every table, the type and the allowed values
    /// of every key, the stages' number, order and uniqueness, report
    /// output patterns and artefacts that would overwrite each other, that
    /// every export pattern matches a file, and that the registry and
    /// mapping files exist.
    /// - Parameter path: The file, absolute or relative to the current directory.
    /// - Throws: ``PipelineIssues`` with every mistake found, in line order.
    public static func load(_ path: String) throws(PipelineIssues) -> Pipeline {
        var loader = PipelineLoader(path: path)
        return try loader.load()
    }
}

/// One pass over a pipeline file, collecting issues as it goes.
struct PipelineLoader {
    typealias Address = SourceMap.Address

    /// A table being read: its TOMLKit value, where it is, and its key prefix in issues.
    struct Node {
        var table: TOMLTable
        var address: Address
        /// `stage.table`, `inputs`; empty for the root.
        var name: String

        func key(_ key: String) -> String { name.isEmpty ? key : "\(name).\(key)" }
    }

    /// The file as the caller named it, for issues.
    let display: String
    /// Absolute.
    let file: String
    let base: String
    private var map = SourceMap("")
    private var issues: [PipelineIssue] = []

    init(path: String) {
        display = path
        file = Paths.resolve(path, against: Paths.currentDirectory)
        base = Paths.directory(of: file)
    }

    mutating func load() throws(PipelineIssues) -> Pipeline {
        guard let text = read() else { throw PipelineIssues(issues) }
        map = SourceMap(text)
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            issues.append(PipelineIssue(file: display, line: line, key: map.keyWritten(at: line) ?? "",
                                        message: "TOML syntax error: \(error.description)"))
            throw PipelineIssues(issues)
        } catch {
            issues.append(PipelineIssue(file: display, line: nil, key: "", message: "TOML syntax error: \(error)"))
            throw PipelineIssues(issues)
        }
        let pipeline = read(root: Node(table: root, address: [], name: ""))
        guard issues.isEmpty, let pipeline else {
            throw PipelineIssues(issues.enumerated().sorted { a, b in
                let (la, lb) = (a.element.line ?? 0, b.element.line ?? 0)
                return la != lb ? la < lb : a.offset < b.offset
            }.map(\.element))
        }
        return pipeline
    }

    // MARK: - The file

    private mutating func read() -> String? {
        func fail(_ message: String) -> String? {
            issues.append(PipelineIssue(file: display, line: nil, key: "", message: message))
            return nil
        }
        switch Paths.kind(file) {
        case .missing: return fail("no such file")
        case .directory: return fail("is a folder, not a pipeline file")
        case .file: break
        }
        guard let data = FileManager.default.contents(atPath: file) else { return fail("cannot read the file") }
        guard var text = String(validating: data, as: UTF8.self) else { return fail("is not UTF-8 text") }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    // MARK: - Tables

    private mutating func read(root: Node) -> Pipeline? {
        checkKeys(root, allowed: Vocabulary.rootKeys)

        // [pipeline]
        var name = Paths.fileName(of: file)
        if name.lowercased().hasSuffix(".toml") { name = String(name.dropLast(5)) }
        var warehouse = Paths.join(base, "pikir.sqlite")
        var output: String?
        if let section = table(root, "pipeline", required: "output") {
            checkKeys(section, allowed: Vocabulary.pipelineKeys)
            if let text = text(section, "name") { name = text }
            if let text = text(section, "warehouse"), WarehouseLocations.isServer(text) {
                warehouse = text
            } else if let text = text(section, "warehouse") {
                warehouse = Paths.resolve(text, against: base)
                if Paths.kind(warehouse) == .directory {
                    issue(section, "warehouse", "'\(text)' is a folder; name the SQLite file, e.g. \(text)/pikir.sqlite")
                }
            }
            if let text = text(section, "output", required: true) {
                output = Paths.resolve(text, against: base)
                if Paths.kind(output!) == .file { issue(section, "output", "'\(text)' is a file, not a folder") }
            }
        }

        // [inputs]
        var inputs = Pipeline.Inputs(exports: [])
        if let section = table(root, "inputs", required: "exports") {
            checkKeys(section, allowed: Vocabulary.inputKeys)
            inputs = readInputs(section)
        }

        // [[stage]]
        let stages = readStages(root, output: output ?? base)

        guard let output else { return nil }
        return Pipeline(file: file, name: name, baseDirectory: base, warehouse: warehouse, output: output,
                        inputs: inputs, stages: stages)
    }

    private mutating func readInputs(_ section: Node) -> Pipeline.Inputs {
        var inputs = Pipeline.Inputs(exports: [])
        if let patterns = list(section, "exports", required: true) {
            if patterns.isEmpty {
                issue(section, "exports", "names no export; give files, folders or globs")
            }
            inputs.exports = patterns.map { Paths.resolve($0.0, against: base) }
            inputs.origin = .init(file: display, patterns: patterns.map { ($0.0, $0.1) })
            do { _ = try inputs.expand() } catch { issues += error.issues }
        }
        for key in ["trainers", "sessions", "mapping"] {
            guard let text = text(section, key) else { continue }
            let path = Paths.resolve(text, against: base)
            switch Paths.kind(path) {
            case .file: break
            case .directory: issue(section, key, "'\(text)' is a folder, not a file")
            case .missing:
                let shown = path == text ? "'\(text)'" : "'\(text)' (\(path))"
                issue(section, key, "\(shown): no such file")
            }
            switch key {
            case "trainers": inputs.trainers = path
            case "sessions": inputs.sessions = path
            default: inputs.mapping = path
            }
        }
        return inputs
    }

    // MARK: - Stages

    private mutating func readStages(_ root: Node, output: String) -> [Pipeline.Stage] {
        guard let elements = tables(root, "stage") else {
            if root.table["stage"] == nil {
                issues.append(PipelineIssue(file: display, line: nil, key: "stage",
                                            message: "no stages; add at least one [[stage]] with a type",
                                            allowed: Vocabulary.stageTypes))
            }
            return []
        }
        if elements.isEmpty {
            issue(root, "stage", "no stages; add at least one [[stage]] with a type", allowed: Vocabulary.stageTypes)
        }
        var stages: [Pipeline.Stage] = []
        /// Each type's first stage and the line of its type.
        var seen: [String: Int?] = [:]
        var order: [(type: String, line: Int?)] = []
        var artefacts = Artefacts(output: output)
        for (index, element) in elements.enumerated() {
            let node = Node(table: element, address: [("stage", index)], name: "stage")
            guard let type = text(node, "type", required: true, allowed: Vocabulary.stageTypes) else { continue }
            let typeLine = map.keyLine(node.address, "type")
            guard Vocabulary.stageTypes.contains(type) else {
                issue(node, "type", "unknown stage '\(type)'", allowed: Vocabulary.stageTypes)
                continue
            }
            checkKeys(node, allowed: Vocabulary.stageKeys(type))
            if let first = seen[type] {
                issue(node, "type", "a second '\(type)' stage\(at(first)); each type runs at most once")
                continue
            }
            seen[type] = typeLine
            order.append((type, typeLine))
            switch type {
            case "ingest":
                let jobs = integer(node, "jobs", minimum: 1)
                stages.append(.ingest(jobs: jobs))
            case "aggregate":
                stages.append(.aggregate(readTables(node, artefacts: &artefacts)))
            case "render":
                stages.append(.render(readReports(node, output: output, artefacts: &artefacts)))
            default:
                let format = text(node, "format", required: true, allowed: Vocabulary.exportFormats)
                if let format, !Vocabulary.exportFormats.contains(format) {
                    issue(node, "format", "unknown export format '\(format)'", allowed: Vocabulary.exportFormats)
                }
                if let path = text(node, "output", required: true), staysInside(node, path, output: output) {
                    let resolved = Paths.resolve(path, against: output)
                    artefacts.add(resolved, line: map.keyLine(node.address, "output"), key: "stage.output",
                                  what: "the export", into: &issues, file: display)
                    if let format, Vocabulary.exportFormats.contains(format) {
                        stages.append(.export(.init(format: format, output: resolved)))
                    }
                }
            }
        }
        if let ingest = order.firstIndex(where: { $0.type == "ingest" }), ingest > 0 {
            let before = order[..<ingest].map { "'\($0.type)'\(at($0.line))" }.joined(separator: ", ")
            issues.append(PipelineIssue(file: display, line: order[ingest].line, key: "stage.type",
                                        message: "'ingest' must come before aggregate, render and export; it comes after \(before)"))
        }
        return stages
    }

    private mutating func readTables(_ stage: Node, artefacts: inout Artefacts) -> [Pipeline.AggregateTable] {
        guard let elements = tables(stage, "table", required: "an aggregate stage needs at least one [[stage.table]]") else { return [] }
        var result: [Pipeline.AggregateTable] = []
        var names: [String: Int?] = [:]
        for (index, element) in elements.enumerated() {
            let node = Node(table: element, address: stage.address + [("table", index)], name: "stage.table")
            checkKeys(node, allowed: Vocabulary.tableKeys)
            var valid = true
            let name = text(node, "name", required: true)
            if let name {
                let line = map.keyLine(node.address, "name")
                if !name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) {
                    issue(node, "name", "'\(name)' may use only a-z, 0-9, - and _ (it names files)")
                    valid = false
                } else if let first = names[name] {
                    issue(node, "name", "duplicate table name '\(name)'\(at(first))")
                    valid = false
                } else {
                    names[name] = line
                }
            } else {
                valid = false
            }
            let by = choices(node, "by", Vocabulary.dimensions, what: "dimension", empty: true) ?? []
            let measures = choices(node, "measures", Vocabulary.measures, what: "measure") ?? Vocabulary.defaultMeasures
            let stats = choices(node, "stats", Vocabulary.stats, what: "statistic") ?? Vocabulary.defaultStats
            let filters = readFilters(node)
            let minN = integer(node, "min_n", minimum: 0) ?? Vocabulary.defaultTableMinN
            guard valid, let name else { continue }
            let table = Pipeline.AggregateTable(name: name, by: by, measures: measures, stats: stats,
                                                filters: filters, minN: minN)
            let files = table.files(output: artefacts.output)
            for path in [files.json, files.csv] {
                artefacts.add(path, line: map.keyLine(node.address, "name"), key: "stage.table.name",
                              what: "table '\(name)'", into: &issues, file: display)
            }
            result.append(table)
        }
        return result
    }

    private mutating func readFilters(_ node: Node) -> [String] {
        guard let items = list(node, "where") else { return [] }
        var filters: [String] = []
        for (text, line) in items {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let eq = trimmed.firstIndex(of: "=") else {
                issue(node, "where", "'\(text)' must be DIMENSION=VALUE[,VALUE...], e.g. region=KZ-75",
                      allowed: Vocabulary.dimensions, line: line)
                continue
            }
            let dimension = trimmed[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            guard Vocabulary.dimensions.contains(dimension) else {
                issue(node, "where", "unknown dimension '\(dimension)' in '\(text)'", allowed: Vocabulary.dimensions, line: line)
                continue
            }
            let values = trimmed[trimmed.index(after: eq)...].split(separator: ",")
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard !values.isEmpty else {
                issue(node, "where", "'\(text)' names no value; give one or more, separated by commas", line: line)
                continue
            }
            filters.append(trimmed)
        }
        return filters
    }

    private mutating func readReports(_ stage: Node, output: String, artefacts: inout Artefacts) -> [Pipeline.ReportSpec] {
        guard let elements = tables(stage, "report", required: "a render stage needs at least one [[stage.report]]") else { return [] }
        var result: [Pipeline.ReportSpec] = []
        for (index, element) in elements.enumerated() {
            let node = Node(table: element, address: stage.address + [("report", index)], name: "stage.report")
            checkKeys(node, allowed: Vocabulary.reportKeys)
            var valid = true
            func invalid<T>(_ value: T?, _ key: String) -> T? {
                if value == nil, node.table[key] != nil { valid = false }
                return value
            }
            let kind = text(node, "kind", required: true, allowed: Vocabulary.reportKinds)
            let reportKind = kind.flatMap(ReportKind.named)
            if let kind, reportKind == nil {
                issue(node, "kind", "unknown report kind '\(kind)'", allowed: Vocabulary.reportKinds)
                valid = false
            }
            let year = invalid(integer(node, "year", range: Vocabulary.years), "year")
            let from = invalid(date(node, "from"), "from")
            let to = invalid(date(node, "to"), "to")
            if let from, let to, from > to {
                issue(node, "to", "'\(to)' is before from '\(from)'")
                valid = false
            }
            let region = invalid(readRegion(node), "region")
            let session = invalid(text(node, "session"), "session")
            let trainer = invalid(text(node, "trainer"), "trainer")
            if trainer != nil, let reportKind, !reportKind.takesTrainer {
                issue(node, "trainer", "a \(reportKind) report takes no trainer (only trainers reports draw one trainer's page)")
                valid = false
            }
            for field in reportKind?.missing(year: year, session: session) ?? [] where node.table[field.rawValue] == nil {
                issue(node, field.rawValue, "a \(reportKind!) report needs a \(field.rawValue)")
                valid = false
            }
            let languages = invalid(choices(node, "languages", Vocabulary.languages, what: "language"), "languages")
                ?? Vocabulary.defaultLanguages
            let formats = invalid(choices(node, "formats", Vocabulary.formats, what: "format"), "formats")
                ?? Vocabulary.defaultFormats
            let minN = invalid(integer(node, "min_n", minimum: 1), "min_n")
            let comments = invalid(bool(node, "comments"), "comments")
            guard let pattern = text(node, "output", required: true) else { continue }
            var placeholdersValid = staysInside(node, pattern, output: output)
            let used = Placeholders.names(in: pattern)
            for name in used where !Vocabulary.placeholders.contains(name) {
                issue(node, "output", "unknown placeholder {\(name)} in '\(pattern)'",
                      allowed: Vocabulary.placeholderList(Vocabulary.placeholders))
                placeholdersValid = false
            }
            for (name, isSet) in [("year", year != nil), ("region", region != nil), ("session", session != nil)]
            where used.contains(name) && !isSet && node.table[name] == nil {
                issue(node, "output", "'\(pattern)' uses {\(name)} but the report sets no \(name)")
                placeholdersValid = false
            }
            if languages.count > 1, !used.contains("lang") {
                issue(node, "output", "'\(pattern)' has no {lang} but the report has \(languages.count) languages (\(languages.joined(separator: ", "))): their outputs would overwrite each other; add {lang}")
                placeholdersValid = false
            }
            if formats.count > 1, !used.contains("ext") {
                issue(node, "output", "'\(pattern)' has no {ext} but the report has \(formats.count) formats (\(formats.joined(separator: ", "))): their outputs would overwrite each other; add {ext}")
                placeholdersValid = false
            }
            guard valid, let kind else { continue }
            let report = Pipeline.ReportSpec(kind: kind, year: year, from: from, to: to, region: region, session: session,
                                             languages: languages, formats: formats, output: pattern,
                                             outputDirectory: output, minN: minN, comments: comments, trainer: trainer)
            if placeholdersValid {
                let line = map.keyLine(node.address, "output")
                for item in report.outputs() {
                    artefacts.add(item.path, line: line, key: "stage.report.output",
                                  what: "the \(kind) report\(at(line)) (\(item.language), \(item.format))",
                                  into: &issues, file: display)
                }
            }
            result.append(report)
        }
        return result
    }

    /// Whether an `output` as written lands inside the output folder, and
    /// outside its `manifests/`; an issue says why not. Placeholder values
    /// cannot lead out: they are escaped (``Paths/component(_:)``).
    private mutating func staysInside(_ node: Node, _ written: String, output: String) -> Bool {
        if let why = Paths.leavesOutputFolder(written) {
            let parts = written.split(separator: "/").filter { !["", ".", "..", "~"].contains($0) }
            let example = (written.hasPrefix("/") || written.hasPrefix("~") ? parts.suffix(1) : parts[...]).joined(separator: "/")
            issue(node, "output", "'\(written)' \(why), but outputs stay inside the output folder \(output); write a path relative to it"
                  + (example.isEmpty ? "" : ", e.g. \(example)"))
            return false
        }
        let resolved = Paths.resolve(written, against: output)
        if resolved == output {
            issue(node, "output", "'\(written)' is the output folder itself; name a file in it")
            return false
        }
        if resolved == output + "/manifests" || resolved.hasPrefix(output + "/manifests/") {
            issue(node, "output", "'\(written)' is in manifests/, where pikir keeps what each stage did; choose another folder")
            return false
        }
        return true
    }

    private mutating func readRegion(_ node: Node) -> String? {
        guard let text = text(node, "region") else { return nil }
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        if Vocabulary.regions.contains(code) { return code }
        var message = "'\(text)' is not an ISO 3166-2:KZ code"
        if let place = Places.resolve(text) { message += " (\(place.regionName) is \(place.region))" }
        issue(node, "region", message, allowed: Vocabulary.regions)
        return nil
    }

    // MARK: - Values

    /// Reports each key of `node` that `allowed` does not name.
    private mutating func checkKeys(_ node: Node, allowed: [String]) {
        for key in node.table.keys where !allowed.contains(key) {
            let line = map.keyLine(node.address, key, fallback: false)
                ?? map.headerLine(node.address + [(key, nil)])
                ?? map.headerLine(node.address + [(key, 0)])
                ?? map.headerLine(node.address)
            issue(node, key, "unknown key '\(key)'", allowed: allowed, line: line)
        }
    }

    /// A sub-table that must be a table; missing ones are reported when `required` names a required key in them.
    private mutating func table(_ node: Node, _ key: String, required: String? = nil) -> Node? {
        guard let value = node.table[key] else {
            if let required {
                issues.append(PipelineIssue(file: display, line: nil, key: node.key(key),
                                            message: "missing table [\(node.key(key))] (with its required key \(required))"))
            }
            return nil
        }
        guard let table = value.table else {
            issue(node, key, "must be a table ([\(node.key(key))]), not \(describe(value.type))")
            return nil
        }
        return Node(table: table, address: node.address + [(key, nil)], name: node.key(key))
    }

    /// An array of tables (`[[key]]`); a missing one is reported with `required` as the message.
    private mutating func tables(_ node: Node, _ key: String, required: String? = nil) -> [TOMLTable]? {
        guard let value = node.table[key] else {
            if let required { issue(node, key, required) }
            return nil
        }
        guard let array = value.array else {
            issue(node, key, "must be an array of tables ([[\(node.key(key))]]), not \(describe(value.type))")
            return nil
        }
        var result: [TOMLTable] = []
        for element in array {
            guard let table = element.table else {
                issue(node, key, "must be an array of tables ([[\(node.key(key))]]), not an array of \(describe(element.type, article: false))s")
                return nil
            }
            result.append(table)
        }
        if result.isEmpty, let required { issue(node, key, required) }
        return result
    }

    /// A string: nil when absent (an issue if `required`), not a string or empty (issues).
    private mutating func text(_ node: Node, _ key: String, required: Bool = false, allowed: [String] = []) -> String? {
        guard let value = node.table[key] else {
            if required { issue(node, key, "missing required key", allowed: allowed) }
            return nil
        }
        guard let string = value.string else {
            issue(node, key, "must be a string, not \(describe(value.type))", allowed: allowed)
            return nil
        }
        guard !string.trimmingCharacters(in: .whitespaces).isEmpty else {
            issue(node, key, "is empty", allowed: allowed)
            return nil
        }
        return string
    }

    private mutating func integer(_ node: Node, _ key: String, minimum: Int) -> Int? {
        guard let value = node.table[key] else { return nil }
        guard let int = value.int else {
            issue(node, key, "must be an integer (\(minimum) or more), not \(describe(value.type))")
            return nil
        }
        guard int >= minimum else {
            issue(node, key, "must be \(minimum) or more, not \(int)")
            return nil
        }
        return int
    }

    private mutating func integer(_ node: Node, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let value = node.table[key] else { return nil }
        guard let int = value.int, range.contains(int) else {
            let found = value.int.map(String.init) ?? describe(value.type)
            issue(node, key, "must be a year from \(range.lowerBound) to \(range.upperBound), not \(found)")
            return nil
        }
        return int
    }

    private mutating func bool(_ node: Node, _ key: String) -> Bool? {
        guard let value = node.table[key] else { return nil }
        guard let bool = value.bool else {
            issue(node, key, "must be true or false, not \(describe(value.type))", allowed: ["true", "false"])
            return nil
        }
        return bool
    }

    /// A day as `yyyy-mm-dd`: a TOML local date, or a string.
    private mutating func date(_ node: Node, _ key: String) -> String? {
        guard let value = node.table[key] else { return nil }
        let string: String
        if let date = value.date {
            func digits(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
            string = "\(digits(date.year, 4))-\(digits(date.month, 2))-\(digits(date.day, 2))"
        } else if let text = value.string {
            string = text
        } else {
            issue(node, key, "must be a date yyyy-mm-dd, not \(describe(value.type))")
            return nil
        }
        switch Dates.day(string, forms: .iso) {
        case .success(let day): return day
        case .failure(let refusal):
            issue(node, key, refusal.message)
            return nil
        }
    }

    /// A list of strings, each with its line: an array of strings, or one string.
    private mutating func list(_ node: Node, _ key: String, required: Bool = false) -> [(String, Int?)]? {
        guard let value = node.table[key] else {
            if required { issue(node, key, "missing required key") }
            return nil
        }
        if let string = value.string { return [(string, map.keyLine(node.address, key))] }
        guard let array = value.array else {
            issue(node, key, "must be an array of strings, not \(describe(value.type))")
            return nil
        }
        var items: [(String, Int?)] = []
        for element in array {
            guard let string = element.string else {
                issue(node, key, "must be an array of strings, but holds \(describe(element.type))")
                return nil
            }
            items.append((string, map.valueLine(node.address, key, string)))
        }
        return items
    }

    /// A list of names from `allowed`, lower-cased and de-duplicated, in
    /// the order written; nil when absent or invalid. An empty list is an
    /// issue unless `empty` allows it.
    private mutating func choices(_ node: Node, _ key: String, _ allowed: [String], what: String,
                                  empty: Bool = false) -> [String]? {
        guard let items = list(node, key) else { return nil }
        if items.isEmpty, !empty {
            issue(node, key, "names no \(what); leave the key out for the default", allowed: allowed)
            return nil
        }
        var names: [String] = []
        var valid = true
        for (item, line) in items {
            let name = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard allowed.contains(name) else {
                issue(node, key, "unknown \(what) '\(item)'", allowed: allowed, line: line)
                valid = false
                continue
            }
            if !names.contains(name) { names.append(name) }
        }
        return valid ? names : nil
    }

    // MARK: - Issues

    /// Records an issue about `key` of `node`, at the key's line (or the table's header when the key is absent).
    private mutating func issue(_ node: Node, _ key: String, _ message: String, allowed: [String] = [],
                                line: Int?? = nil) {
        let line = line ?? map.keyLine(node.address, key)
        issues.append(PipelineIssue(file: display, line: line, key: node.key(key), message: message, allowed: allowed))
    }

    private func at(_ line: Int??) -> String {
        guard let line = line ?? nil else { return "" }
        return " at line \(line)"
    }

    private func describe(_ type: TOMLType, article: Bool = true) -> String {
        let name: String = switch type {
        case .table: "table"
        case .array: "array"
        case .string: "string"
        case .int: "integer"
        case .double: "number with a fraction"
        case .bool: "boolean"
        case .date: "date"
        case .time: "time"
        case .dateTime: "date-time"
        }
        guard article else { return name }
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }
}

/// The files a pipeline writes, so that no two artefacts land on one path.
struct Artefacts {
    let output: String
    private var written: [String: String] = [:]

    init(output: String) { self.output = output }

    mutating func add(_ path: String, line: Int?, key: String, what: String,
                      into issues: inout [PipelineIssue], file: String) {
        if let earlier = written[path] {
            let shown = path.hasPrefix(output + "/") ? String(path.dropFirst(output.count + 1)) : path
            issues.append(PipelineIssue(file: file, line: line, key: key,
                                        message: "\(what) would overwrite \(shown), which \(earlier) also writes"))
        } else {
            written[path] = what
        }
    }
}
