import PikirModel

/// Writes one file's outcome inside the transaction that stores it, as
/// `FileWriter` does for SQLite: responses go to the server by `COPY …
/// FROM STDIN`, straight from the batches' `EncodedRows` buffers, a quarter
/// megabyte at a time; rejects, ignored lines and duplicates are gathered
/// and copied once the responses are in.
///
/// A response whose fingerprint matches a stored one is a duplicate at once
/// (the original's id is looked up at the end, for all of them in one
/// query). One whose form id's hash matches must be confirmed against the
/// stored id (`DuplicateIndex.byFormID`) without stopping the COPY: against
/// the form ids this file stored (kept in memory), or, for an original
/// stored before this file (so committed), through a second connection.
/// Ending the COPY for each instead cost 3,500 round trips on the
/// million-row benchmark.
final class PostgresFileWriter {
    private let connection: PGConnection
    let fileID: Int64
    private let duplicates: DuplicateIndex
    /// Responses not yet sent, and whether a COPY into `response` is open.
    private var responses = CopyTextBuffer(reserving: PostgresFileWriter.sendBytes + 4096)
    private var copying = false
    private var rejects = CopyTextBuffer(), ignored = CopyTextBuffer(), found = CopyTextBuffer()
    /// Duplicates by fingerprint: line, response id and the original's row id.
    private var byFingerprint: [(line: Int, responseID: String, original: Int64)] = []
    /// The first row id of this file, and the form id of each row stored
    /// since (`formIDs[formIDEnds[n - 1]..<formIDEnds[n]]` for row first + n; empty for none).
    private let firstRowID: Int64
    private var formIDs: [UInt8] = []
    private var formIDEnds: [Int] = []
    /// The stored response id of a row committed before this file.
    private let committedResponseID: (Int64) throws -> String?

    private static let sendBytes = 1 << 18
    /// Each response column's cell in `EncodedRows` (-1: `file_id`).
    private static let cells = ResponseColumn.allCases.map(\.cell)
    private static let responseColumns = "id, " + ResponseColumn.allCases.map(\.name).joined(separator: ", ")
    /// Where the rows are copied (`staged`: through temporary tables, for a login under row-level security).
    private let responseTarget, duplicateTarget, rejectTarget, ignoredTarget: CopyTarget

    /// Starts the file: its ledger row, after the duplicate index has caught
    /// up with what other writers stored (the caller holds the store lock).
    init(connection: PGConnection, entry: LedgerEntry, duplicates: DuplicateIndex, staged: Bool = false,
         committedResponseID: @escaping (Int64) throws -> String?) throws {
        self.connection = connection
        self.duplicates = duplicates
        responseTarget = CopyTarget(table: "response", columns: Self.responseColumns, staged: staged)
        duplicateTarget = CopyTarget(table: "duplicate", columns: "file_id, line, response_id, duplicate_of", staged: staged)
        rejectTarget = CopyTarget(table: "reject", columns: "file_id, line, reason_code, reason, raw", staged: staged)
        ignoredTarget = CopyTarget(table: "ignored_line", columns: "file_id, line, reason_code", staged: staged)
        for target in [responseTarget, duplicateTarget, rejectTarget, ignoredTarget] { try target.prepare(connection) }
        self.committedResponseID = committedResponseID
        try duplicates.refresh(connection)
        firstRowID = duplicates.highestRowID + 1
        let id = try connection.value("""
            INSERT INTO file (path, sha256, size, encoding, delimiter, line_ending, header_line,
                              records, accepted, rejected, duplicates, ignored, redactions, ingested_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, 0, 0, 0, 0, $8) RETURNING id
            """, [entry.path, entry.sha256, String(entry.size), entry.encoding, entry.delimiter, entry.lineEnding,
                  entry.headerLine.map(String.init), entry.ingestedAt])
        fileID = Int64(id ?? "") ?? 0
    }

    /// Stores a response, or records it as a duplicate (false).
    func insert(row: Int, of rows: EncodedRows) throws -> Bool {
        let meta = rows.meta[row]
        if let candidate = duplicates.candidate(fingerprint: meta.fingerprint, formIDHash: meta.formIDHash) {
            let responseID = rows.string(row: row, column: .responseID) ?? ""
            if !candidate.byFormID {
                byFingerprint.append((meta.sourceLine, responseID, candidate.row))
                return false
            }
            let formID = rows.string(row: row, column: .formID)
            let original = candidate.row >= firstRowID ? storedFormID(candidate.row) : try committedResponseID(candidate.row)
            if let original, original == formID {
                record(duplicate: meta.sourceLine, responseID: responseID, of: original)
                return false
            }
        }
        let id = duplicates.highestRowID + 1
        duplicates.add(rowID: id, fingerprint: meta.fingerprint, formIDHash: meta.formIDHash)
        if meta.formIDHash != nil, let formID = rows.string(row: row, column: .formID) { formIDs.append(contentsOf: formID.utf8) }
        formIDEnds.append(formIDs.count)
        encode(row: meta.firstCell, of: rows, id: id)
        if responses.count >= Self.sendBytes { try send() }
        return true
    }

    /// The form id of a row this file stored.
    private func storedFormID(_ row: Int64) -> String? {
        let n = Int(row - firstRowID)
        guard n < formIDEnds.count else { return nil }
        let start = n == 0 ? 0 : formIDEnds[n - 1]
        return start == formIDEnds[n] ? nil : String(decoding: formIDs[start..<formIDEnds[n]], as: UTF8.self)
    }

    private func encode(row first: Int, of rows: EncodedRows, id: Int64) {
        responses.integer(id)
        rows.bytes.withUnsafeBufferPointer { bytes in
            rows.cells.withUnsafeBufferPointer { cells in
                for cellOffset in Self.cells {
                    guard cellOffset >= 0 else { responses.integer(fileID); continue }
                    let cell = cells[first + cellOffset]
                    switch cell.kind {
                    case .null: responses.null()
                    case .integer: responses.integer(cell.value)
                    case .real: responses.real(Double(bitPattern: UInt64(bitPattern: cell.value)))
                    case .text:
                        // `EncodedRows.append` made every text cell a range of `bytes`.
                        responses.text(UnsafeBufferPointer(rebasing: bytes[Int(cell.value)..<Int(cell.value) + Int(cell.count)]))
                    }
                }
            }
        }
        responses.endRow()
    }

    private func send() throws {
        if !copying {
            try connection.beginCopyIn(responseTarget.copy)
            copying = true
        }
        try responses.bytes.withUnsafeBufferPointer { try connection.send($0) }
        responses.removeAll()
    }

    /// Sends what is left and ends the COPY, so the rows can be read.
    private func endCopy() throws {
        if !responses.isEmpty { try send() }
        guard copying else { return }
        copying = false
        try connection.endCopy()
        try responseTarget.moveIn(connection)
    }

    /// A duplicate recorded as given (a copied warehouse's, see `WriteItem.duplicate`).
    func insert(duplicate line: Int, responseID: String, of original: String) {
        record(duplicate: line, responseID: responseID, of: original)
    }

    private func record(duplicate line: Int, responseID: String, of original: String) {
        found.integer(fileID)
        found.integer(Int64(line))
        found.text(responseID)
        found.text(original)
        found.endRow()
    }

    func insert(reject line: Int, code: String, message: String, raw: String) {
        rejects.integer(fileID)
        rejects.integer(Int64(line))
        rejects.text(code)
        rejects.text(message)
        rejects.text(raw)
        rejects.endRow()
    }

    func insert(ignored line: Int, code: String) {
        ignored.integer(fileID)
        ignored.integer(Int64(line))
        ignored.text(code)
        ignored.endRow()
    }

    /// Stores what is gathered and writes the final counts into the ledger row.
    func finish(_ counts: Accounting) throws {
        try endCopy()
        if !byFingerprint.isEmpty {
            let ids = "{" + Set(byFingerprint.map(\.original)).map(String.init).joined(separator: ",") + "}"
            let result = try connection.execute("SELECT id, response_id FROM response WHERE id = ANY($1::bigint[])", [ids])
            var originals: [Int64: String] = [:]
            for row in 0..<result.rows { originals[Int64(result[row, 0] ?? "") ?? 0] = result[row, 1] }
            for duplicate in byFingerprint {
                guard let original = originals[duplicate.original] else {
                    throw StoreError(postgres: "the response \(duplicate.original) a duplicate was found of is not stored", sqlState: "XX000",
                                     path: connection.name)
                }
                record(duplicate: duplicate.line, responseID: duplicate.responseID, of: original)
            }
        }
        try copy(found, duplicateTarget)
        try copy(rejects, rejectTarget)
        try copy(ignored, ignoredTarget)
        try connection.execute("""
            UPDATE file SET records = $1, accepted = $2, rejected = $3, duplicates = $4, ignored = $5, redactions = $6 WHERE id = $7
            """, [counts.records, counts.accepted, counts.rejected, counts.duplicates, counts.ignored, counts.redactions, Int(fileID)]
                .map { String($0) })
    }

    private func copy(_ rows: CopyTextBuffer, _ target: CopyTarget) throws {
        guard !rows.isEmpty else { return }
        try connection.beginCopyIn(target.copy)
        try rows.bytes.withUnsafeBufferPointer { try connection.send($0) }
        try connection.endCopy()
        try target.moveIn(connection)
    }
}
