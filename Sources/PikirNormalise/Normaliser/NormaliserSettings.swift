import Foundation
import PikirIngest

/// The registries and column mapping that go with a batch of exports.
public struct NormaliserSettings: Sendable {
    public var trainers: TrainerRegistry?
    public var sessions: SessionRegistry?
    public var columns: ColumnMapper
    /// What the normaliser fills in beyond what decides a record's fate: all
    /// of it for ingest, a query's fields for `agg --csv` (see `ResponseFields`).
    public var fields: ResponseFields = .all

    public init(trainers: TrainerRegistry? = nil, sessions: SessionRegistry? = nil, columns: ColumnMapper = ColumnMapper()) {
        self.trainers = trainers
        self.sessions = sessions
        self.columns = columns
    }

    /// Loads the registry and mapping files named on the command line. They
    /// are CSV in any encoding and dialect pikir reads.
    public static func load(trainers: String?, sessions: String?, mapping: String?) throws -> NormaliserSettings {
        var settings = NormaliserSettings()
        if let mapping { settings.columns = ColumnMapper(userMapping: try loadMapping(mapping)) }
        if let trainers { settings.trainers = try loadTrainers(trainers) }
        if let sessions { settings.sessions = try loadSessions(sessions, trainers: settings.trainers) }
        return settings
    }

    /// `id,name,aliases`, aliases separated by `|`.
    static func loadTrainers(_ path: String) throws -> TrainerRegistry {
        let table = try RegistryTable(path: path, required: ["id", "name"])
        var entries: [TrainerRegistry.Entry] = []
        for row in table.rows {
            let id = row["id"], name = row["name"]
            guard !id.isEmpty, !name.isEmpty else {
                throw RegistryError(message: "\(path):\(row.line): a trainer needs an id and a name")
            }
            entries.append(TrainerRegistry.Entry(id: id, name: name, aliases: TrainerRegistry.parseAliases(row["aliases"])))
        }
        return TrainerRegistry(entries: entries)
    }

    /// `session_id,city,date_from,date_to,trainer,module,registered`.
    static func loadSessions(_ path: String, trainers: TrainerRegistry?) throws -> SessionRegistry {
        let table = try RegistryTable(path: path, required: ["session_id", "date_from"])
        var sessions: [SessionRegistry.Session] = []
        for row in table.rows {
            func date(_ column: String) throws -> Dates.CalendarDate? {
                switch Dates.parse(row[column], order: .dayFirst) {
                case nil: return nil
                case .success(let d): return d
                case .failure(let problem):
                    throw RegistryError(message: "\(path):\(row.line): \(column): \(problem.message)")
                }
            }
            guard let from = try date("date_from") else {
                throw RegistryError(message: "\(path):\(row.line): date_from is empty")
            }
            let to = try date("date_to") ?? from
            let cityText = row["city"]
            let city = cityText.isEmpty ? nil : (Places.resolve(cityText)?.city ?? TrainerRegistry.cleanedName(cityText))
            let trainer = row["trainer"]
            let registered = Int(row["registered"].filter { !$0.isWhitespace })
            if !row["registered"].isEmpty && registered == nil {
                throw RegistryError(message: "\(path):\(row.line): registered must be a whole number, not '\(row["registered"])'")
            }
            sessions.append(SessionRegistry.Session(
                id: row["session_id"], city: city, from: from, to: to,
                trainerKey: trainer.isEmpty ? nil : TrainerKey.of(trainer, registry: trainers),
                module: Modules.parse(row["module"])?.rawValue, registered: registered))
        }
        return SessionRegistry(sessions: sessions)
    }

    /// `column,field[,scale]`: a header pikir does not know, and the field it is
    /// (or `ignore`), with an optional source scale such as `1-10`.
    static func loadMapping(_ path: String) throws -> ColumnMapper.UserMapping {
        let table = try RegistryTable(path: path, required: ["column", "field"])
        var fields: [String: String] = [:], scales: [String: String] = [:]
        for row in table.rows {
            fields[row["column"]] = row["field"]
            if !row["scale"].isEmpty { scales[row["column"]] = row["scale"] }
        }
        do {
            return try ColumnMapper.UserMapping(fields: fields, scales: scales)
        } catch {
            throw RegistryError(message: "\(path): \(error)")
        }
    }
}

/// The key a trainer is known by in session matching: the registry id when
/// the name resolves, else the folded name.
enum TrainerKey {
    static func of(_ raw: String, registry: TrainerRegistry?) -> String {
        if let registry, case .resolved(let id, _) = registry.resolve(raw) { return id }
        return TextFolding.matchKey(raw)
    }
}

/// A registry or mapping file that cannot be used.
public struct RegistryError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

/// A small CSV read whole, with named columns (registries are small).
struct RegistryTable {
    struct Row {
        var line: Int
        var values: [String: String]
        subscript(_ column: String) -> String { values[column] ?? "" }
    }

    var rows: [Row] = []

    init(path: String, required: [String]) throws {
        let reader: ExportReader
        do { reader = try ExportReader(path: path) } catch let error as IngestError {
            throw RegistryError(message: error.description)
        }
        let columns = reader.format.columns.map { TextFolding.headerKey($0).replacingSpaces() }
        for name in required where !columns.contains(name) {
            throw RegistryError(message: "\(path): no '\(name)' column; the header must name \(required.joined(separator: ", "))")
        }
        let collector = Collector(columns: columns)
        _ = try reader.read(into: collector)
        if let reject = collector.rejects.first {
            throw RegistryError(message: "\(path):\(reject.line): \(reject.message)")
        }
        rows = collector.rows
    }

    private final class Collector: RecordSink {
        let columns: [String]
        var rows: [Row] = []
        var rejects: [Reject] = []
        init(columns: [String]) { self.columns = columns }
        func header(columns: [String], line: Int?) {}
        func record(_ record: RecordView) {
            var values: [String: String] = [:]
            for (i, name) in columns.enumerated() {
                values[name] = record.string(i).trimmingCharacters(in: .whitespaces)
            }
            rows.append(Row(line: record.line, values: values))
        }
        func ignored(_ ignored: IgnoredLine) {}
        func rejected(_ reject: Reject) { rejects.append(reject) }
    }
}

extension String {
    /// `session id` → `session_id`, so registry headers may use spaces.
    fileprivate func replacingSpaces() -> String { map { $0 == " " ? "_" : $0 }.reduce(into: "") { $0.append($1) } }
}
