import PikirNormalise
import PikirStore

/// Reads one dimension from rows as a small id, remembers each id's value
/// for output, and whether the query's filter on the dimension lets it pass.
struct DimensionReader {
    let dimension: Dimension
    /// Row positions of the dimension's columns (see `Dimension.columns`).
    let positions: [Int]
    /// Each set must contain the value's filter key (or, for the trainer, its
    /// id's or its name's): the filter's values folded once, here.
    let filter: [Set<String>]?
    private var texts = Interner()
    private var numbers = HashIndex()
    /// Value of each id (index 0: missing).
    private(set) var values: [DimensionValue] = [DimensionValue()]
    private var passes: [Bool]

    init(dimension: Dimension, positions: [Int], filter: [Set<String>]?) {
        self.dimension = dimension
        self.positions = positions
        self.filter = filter.map { sets in
            switch dimension {
            case .trainer: sets  // already folded by `Dimension.canonical`
            default: sets.map { Set($0.map(dimension.filterKey)) }
            }
        }
        passes = [filter == nil]  // a missing value passes only when there is no filter
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
        let keys: [String]
        switch dimension {
        case .trainer: keys = [value.trainerID, value.text].compactMap { $0.map(TextFolding.matchKey) }
        default: keys = value.text.map { [dimension.filterKey($0)] } ?? []
        }
        passes.append(filter.allSatisfy { set in keys.contains(where: set.contains) })
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
