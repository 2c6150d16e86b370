import PikirNormalise
import PikirModel

/// Reads one dimension from rows as a small id, remembers each id's value
/// for output, and whether the query's filter on the dimension lets it pass.
struct DimensionReader {
    let dimension: Dimension
    /// Row positions of the dimension's columns (see `Dimension.columns`).
    let positions: [Int]
    /// Each filter must let the value through: one of its values stands for
    /// it (for the trainer, its id, its name, or a form of its name).
    let filter: [AggregateQuery.Filter]?
    private var texts = Interner()
    private var numbers = HashIndex()
    /// Value of each id (index 0: missing).
    private(set) var values: [DimensionValue] = [DimensionValue()]
    private var passes: [Bool]
    /// Per filter and typed value: whether a value of the data matched it.
    private(set) var matched: [[Bool]]
    /// Each typed trainer value as a one-trainer registry, which tells
    /// whether a name in the data is a spelling of it (`Ким Д.` of `Дмитрий Ким`).
    private let typedTrainers: [[TrainerRegistry]]
    /// Per filter and typed value: its forms folded by `Dimension.filterKey`,
    /// as the stored values are, once here rather than per value.
    private let keys: [[Set<String>]]

    init(dimension: Dimension, positions: [Int], filter: [AggregateQuery.Filter]?) {
        self.dimension = dimension
        self.positions = positions
        self.filter = filter
        passes = [filter == nil]  // a missing value passes only when there is no filter
        matched = (filter ?? []).map { Array(repeating: false, count: $0.typed.count) }
        keys = (filter ?? []).map { f in f.typed.map { Set($0.forms.map(dimension.filterKey)) } }
        typedTrainers = dimension != .trainer ? [] : (filter ?? []).map { f in
            f.typed.map { TrainerRegistry(entries: [TrainerRegistry.Entry(id: $0.text, name: $0.text)]) }
        }
    }

    /// Whether rows with this id pass the filter.
    @inline(__always)
    func allows(_ id: Int32) -> Bool { passes[Int(id)] }

    @inline(__always)
    mutating func id(_ row: some ResponseRow) -> Int32 {
        switch dimension {
        case .year:
            guard let year = row.integer(positions[0]) else { return 0 }
            return number(year) { DimensionValue(text: String(year), number: year) }
        case .month:
            guard let year = row.integer(positions[0]), let month = row.integer(positions[1]) else { return 0 }
            return number(year * 100 + month) { DimensionValue(text: Dimension.month(year: year, month: month)) }
        case .trainer:
            // Resolved trainers group by registry id, the others by their cleaned name.
            let idBytes = row.bytes(positions[0])
            let before = texts.count
            let id = texts.id(idBytes ?? row.bytes(positions[1]))
            if texts.count > before {
                let name = row.bytes(positions[1]).map { String(decoding: $0, as: UTF8.self) }
                let registryID = idBytes.map { String(decoding: $0, as: UTF8.self) }
                add(DimensionValue(text: name ?? registryID, trainerID: registryID))
            }
            return id
        default:
            let before = texts.count
            let id = texts.id(row.bytes(positions[0]))
            if texts.count > before { add(DimensionValue(text: texts.values[Int(id)])) }
            return id
        }
    }

    private mutating func number(_ key: Int, _ make: () -> DimensionValue) -> Int32 {
        if let id = numbers[Int64(key)] { return Int32(id) }
        let id = Int32(values.count)
        numbers[Int64(key)] = Int64(id)
        add(make())
        return id
    }

    private mutating func add(_ value: DimensionValue) {
        values.append(value)
        guard let filter else { passes.append(true); return }
        let valueKeys: [String]
        var asRegistry: TrainerRegistry?
        switch dimension {
        case .trainer:
            valueKeys = [value.trainerID, value.text].compactMap { $0.map(TextFolding.matchKey) }
            asRegistry = value.text.map { TrainerRegistry(entries: [TrainerRegistry.Entry(id: $0, name: $0)]) }
        default:
            valueKeys = value.text.map { [dimension.filterKey($0)] } ?? []
        }
        var pass = true
        for (f, one) in filter.enumerated() {
            var any = false
            for (t, typed) in one.typed.enumerated() {
                var hit = valueKeys.contains(where: keys[f][t].contains)
                if !hit, let name = value.text, let asRegistry {
                    // Either way round: the typed text a spelling of the name, or the name (an unresolved `Ким Д.`) of the text.
                    hit = typedTrainers[f][t].resolve(name).isResolved || asRegistry.resolve(typed.text).isResolved
                }
                if hit {
                    matched[f][t] = true
                    any = true
                }
            }
            if !any { pass = false }
        }
        passes.append(pass)
    }
}

/// A dimension's value in one group; all nil for a missing value.
public struct DimensionValue: Sendable, Hashable {
    /// The value as shown (the trainer's name).
    public var text: String?
    /// The value as a number, for numeric dimensions (`year`).
    public var number: Int?
    /// The trainer's registry id, when resolved.
    public var trainerID: String?
}

extension TrainerMatch {
    var isResolved: Bool {
        if case .resolved = self { return true }
        return false
    }
}
