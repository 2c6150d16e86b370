import PikirStats
import PikirModel

/// Groups responses by the query's dimensions and keeps, per group and
/// measure, the histogram of answers, from which every statistic is exact.
///
/// Feed it rows read with `columns` (from the warehouse or from exports),
/// then ask for `rows()`.
///
/// - Complexity: O(1) amortised per row (a few id look-ups and a histogram
///   increment); memory O(groups × measures × distinct answer values).
public final class Aggregator {
    public let query: AggregateQuery
    /// The columns to read, in the positions the row accessors use.
    public let columns: [ScanColumn]
    private var grouping: [DimensionReader]
    private var filtering: [DimensionReader]
    private let measurePositions: [Int]
    private let datePosition: Int?
    private let from: [UInt8]?, to: [UInt8]?
    private var groupIndex = HashIndex()
    private var wideGroupIndex: [[Int32]: Int] = [:]
    private var groupKeys: [[Int32]] = []
    /// The current row's ids, one per grouping dimension.
    private var scratch: [Int32]
    /// Histograms of group g: `histograms[g * measures.count + m]`.
    private var histograms: [ScoreHistogram] = []
    /// Counts, sessions, days, files and comments of each group, read only when the query asks for them.
    private var facts: [GroupFacts] = []
    private var sessionIDs: [Set<Int32>] = []
    private var sessionInterner = Interner()
    private var firstDates: [[UInt8]?] = []
    private var comments: [CommentPicker] = []
    private let sessionPosition: Int?, factDatePosition: Int?, filePosition: Int?
    /// Comment, improve, liked: the first that says something is the response's comment.
    private let commentPositions: [Int]
    /// Responses seen and those the filters kept.
    public private(set) var rowsRead = 0
    public private(set) var rowsKept = 0

    public convenience init(query: AggregateQuery) { self.init(query: query, after: []) }

    /// An aggregator whose `columns` start with `shared`: several aggregators
    /// made one after the other, each after the previous one's columns, read
    /// the same rows of the last one's columns (see `run(_:on:)`).
    init(query: AggregateQuery, after shared: [ScanColumn]) {
        self.query = query
        var columns = shared
        func positions(_ wanted: [ScanColumn]) -> [Int] {
            wanted.map { column in
                if let i = columns.firstIndex(of: column) { return i }
                columns.append(column)
                return columns.count - 1
            }
        }
        // Several --where on one dimension must each hold (for the trainer, by id or by name).
        let filters = Dictionary(grouping: query.filters, by: \.dimension)
        grouping = query.by.map { DimensionReader(dimension: $0, positions: positions($0.columns), filter: filters[$0]) }
        filtering = filters.keys.filter { !query.by.contains($0) }.sorted { $0.rawValue < $1.rawValue }
            .map { DimensionReader(dimension: $0, positions: positions($0.columns), filter: filters[$0]) }
        measurePositions = positions(query.measures.map(\.column))
        datePosition = query.from != nil || query.to != nil ? positions([.sessionDate])[0] : nil
        sessionPosition = query.stats.contains(.sessions) ? positions([.sessionID])[0] : nil
        factDatePosition = query.stats.contains(.firstDate) || query.comments > 0 ? positions([.sessionDate])[0] : nil
        filePosition = query.collectsFiles ? positions([.fileID])[0] : nil
        commentPositions = query.comments > 0 ? positions([.comment, .improve, .liked]) : []
        from = query.from.map { Array($0.utf8) }
        to = query.to.map { Array($0.utf8) }
        self.columns = columns
        scratch = Array(repeating: 0, count: query.by.count)
        groupingFiltered = grouping.contains { $0.filter != nil }
        if query.by.isEmpty { groupIndex[0] = Int64(group(for: [])) }  // one overall row, even with no answers
    }

    /// Whether a grouping dimension has a filter too.
    private let groupingFiltered: Bool

    /// Adds one response.
    ///
    /// Every filtered dimension is read from every row, kept or not, so that
    /// `unmatchedFilters` knows all the values the data has.
    public func add(_ row: some ResponseRow) { add(row, count: 1) }

    /// Whether the output depends on the order responses come in, beyond the
    /// order groups first appear: the comments kept break ties by reading order.
    public var needsRowOrder: Bool { query.comments > 0 }

    /// Adds `count` responses with the same values (a group of a
    /// `GroupedResponseSource`); the same as adding the row `count` times,
    /// except for the comments kept (see `needsRowOrder`).
    public func add(_ row: some ResponseRow, count: Int) {
        rowsRead += count
        var keep = true
        if let datePosition {
            // ISO dates compare as bytes.
            if let date = row.bytes(datePosition) {
                if let from, date.lexicographicallyPrecedes(from) { keep = false }
                if let to, to.lexicographicallyPrecedes(date) { keep = false }
            } else {
                keep = false
            }
            if !keep && filtering.isEmpty && !groupingFiltered { return }
        }
        for i in filtering.indices {
            // Two statements: in one expression the reader would be read before `id` adds the new value.
            let id = filtering[i].id(row)
            if !filtering[i].allows(id) { keep = false }
        }
        if !keep && !groupingFiltered { return }
        var key: UInt64 = 0
        var wide = grouping.count > 4
        for i in grouping.indices {
            if !keep && grouping[i].filter == nil { continue }
            let id = grouping[i].id(row)
            if !grouping[i].allows(id) { keep = false }
            if id > 0xFFFF { wide = true }
            key = key << 16 | UInt64(id & 0xFFFF)
            scratch[i] = id
        }
        guard keep else { return }
        rowsKept += count
        let g: Int
        if !wide {
            if let found = groupIndex[Int64(bitPattern: key)] { g = Int(found) } else {
                g = group(for: scratch)
                groupIndex[Int64(bitPattern: key)] = Int64(g)
            }
        } else {
            // More than four dimensions, or more than 65,535 values in one: the slower key.
            if let found = wideGroupIndex[scratch] { g = found } else {
                g = group(for: scratch)
                wideGroupIndex[scratch] = g
            }
        }
        let base = g * measurePositions.count
        for (m, position) in measurePositions.enumerated() {
            if let value = row.double(position) { histograms[base + m].ingest(value, count: count) }
        }
        facts[g].responses += count
        if let sessionPosition {
            let session = sessionInterner.id(row.bytes(sessionPosition))
            if session != 0 { sessionIDs[g].insert(session) }
        }
        if let filePosition, let file = row.integer(filePosition) { facts[g].files.insert(Int64(file)) }
        if let factDatePosition { addDated(row, group: g, date: row.bytes(factDatePosition), count: count) }
    }

    /// The group's earliest day, and its comment.
    private func addDated(_ row: some ResponseRow, group g: Int, date: UnsafeRawBufferPointer?, count: Int) {
        if let date, firstDates[g].map({ date.lexicographicallyPrecedes($0) }) ?? true { firstDates[g] = Array(date) }
        guard !commentPositions.isEmpty else { return }
        let day = date ?? UnsafeRawBufferPointer(start: nil, count: 0)
        for position in commentPositions {
            guard let bytes = row.bytes(position) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            if !CommentFilter.isNonAnswer(text) {
                for _ in 0..<count { comments[g].add(date: Array(day), order: rowsKept, text: text) }
                return
            }
        }
    }

    private func group(for ids: [Int32]) -> Int {
        groupKeys.append(ids)
        histograms.append(contentsOf: repeatElement(ScoreHistogram(), count: query.measures.count))
        facts.append(GroupFacts())
        sessionIDs.append([])
        firstDates.append(nil)
        comments.append(CommentPicker(limit: query.comments))
        return groupKeys.count - 1
    }

    /// A `--where` value that no value of the data matched, with the values
    /// of its dimension closest to it.
    public struct UnmatchedValue: Sendable, Equatable {
        public var dimension: Dimension
        public var value: String
        /// Up to three, closest first (edit distance on the folded forms).
        public var closest: [String]
    }

    /// The `--where` values nothing in the data matched, in the order typed.
    public func unmatchedFilters() -> [UnmatchedValue] {
        var out: [UnmatchedValue] = []
        var seen: Set<Dimension> = []
        let readers = grouping + filtering
        for dimension in query.filters.map(\.dimension) where seen.insert(dimension).inserted {
            guard let reader = readers.first(where: { $0.dimension == dimension }), let filter = reader.filter else { continue }
            let known = reader.values.dropFirst().compactMap(\.text)
            for (f, one) in filter.enumerated() {
                for (t, typed) in one.typed.enumerated() where !reader.matched[f][t] {
                    out.append(UnmatchedValue(dimension: reader.dimension, value: typed.text,
                                              closest: ClosestValues.closest(to: typed.text, among: known, count: 3)))
                }
            }
        }
        return out
    }

    /// One row per group and measure, sorted (by the dimensions unless the query says otherwise).
    ///
    /// Suppression follows `SmallCellSuppression` with k = `minN`: per
    /// measure, a group with 1 ≤ n < k answers, and with `complementary` the
    /// groups that protect it, the measure's groups being one table with a
    /// published total.
    public func rows() -> [AggregateRow] {
        let measures = query.measures.count
        let policy = SmallCellSuppression(threshold: query.minN)
        var marks = Array(repeating: CellSuppression.published, count: histograms.count)
        for m in 0..<measures {
            let counts = groupKeys.indices.map { histograms[$0 * measures + m].n }
            for (g, mark) in policy.suppress(counts: counts, complementary: query.complementary).enumerated() { marks[g * measures + m] = mark }
        }
        var rows: [AggregateRow] = []
        for (g, ids) in groupKeys.enumerated() {
            let values = ids.enumerated().map { grouping[$0.offset].values[Int($0.element)] }
            var group = facts[g]
            if sessionPosition != nil { group.sessions = sessionIDs[g].count }
            group.firstDate = firstDates[g].map { String(decoding: $0, as: UTF8.self) }
            group.comments = comments[g].kept.map(\.text)
            group.commentCount = comments[g].count
            for (m, measure) in query.measures.enumerated() {
                rows.append(AggregateRow(dimensions: zip(query.by, values).map { ($0, $1) }, measure: measure,
                                         histogram: histograms[g * measures + m], suppression: marks[g * measures + m], group: group))
            }
        }
        return AggregateRow.sorted(rows, by: query)
    }
}
