/// Copies of records, kept so they can be worked on after the reader has
/// moved on: on another thread, by a normaliser that wants views again.
///
/// All fields and raw texts of the batch share two growing buffers, so a
/// record costs two copies of its bytes and no allocation of its own.
///
/// - Complexity: `append` is O(size of the record).
public struct RecordBatch: @unchecked Sendable {
    private var bytes: [UInt8] = []
    /// Field end offsets into `bytes`, records after records.
    private var ends: [Int] = []
    private var records: [(first: Int, count: Int, line: Int, rawStart: Int, rawCount: Int)] = []

    public init(capacity: Int = 0) {
        records.reserveCapacity(capacity)
        ends.reserveCapacity(capacity * 16)
        bytes.reserveCapacity(capacity * 512)
    }

    public var count: Int { records.count }
    public var isEmpty: Bool { records.isEmpty }

    /// Copies a record, with its raw text, and returns its index.
    @discardableResult
    public mutating func append(_ view: RecordView) -> Int {
        // A view finds field i's start at the end of field i - 1: this entry
        // is where the record's first field starts (after the raw text before it).
        ends.append(bytes.count)
        let first = ends.count
        for i in 0..<view.count {
            bytes.append(contentsOf: view[i])
            ends.append(bytes.count)
        }
        let rawStart = bytes.count
        if let raw = view.raw {
            bytes.append(contentsOf: raw.carried)
            bytes.append(contentsOf: raw.current)
        } else {
            var text = view.rawText
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
        records.append((first, view.count, view.line, rawStart, bytes.count - rawStart))
        return records.count - 1
    }

    /// Calls `body` with a view of record `index`, valid during the call.
    public func withRecord<R>(_ index: Int, _ body: (RecordView) throws -> R) rethrows -> R {
        let r = records[index]
        // Read-only access: views never write, and a mutable access would copy
        // the batch's buffers whenever another reference to them is alive.
        return try bytes.withUnsafeBufferPointer { bytes in
            try ends.withUnsafeBufferPointer { ends in
                let base = bytes.baseAddress.map { UnsafeMutablePointer(mutating: $0) } ?? RecordBatch.emptyBytes
                let raw = RawText(carried: UnsafeRawBufferPointer(start: nil, count: 0),
                                  current: UnsafeRawBufferPointer(start: base + r.rawStart, count: r.rawCount))
                let view = RecordView(bytes: base, ends: ends.baseAddress.map { UnsafeMutablePointer(mutating: $0) } ?? RecordBatch.emptyEnds,
                                      first: r.first, count: r.count, line: r.line, raw: raw)
                return try body(view)
            }
        }
    }

    nonisolated(unsafe) private static let emptyBytes: UnsafeMutablePointer<UInt8> = .allocate(capacity: 1)
    nonisolated(unsafe) private static let emptyEnds: UnsafeMutablePointer<Int> = .allocate(capacity: 1)
}
