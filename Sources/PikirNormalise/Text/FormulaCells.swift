/// Cells a spreadsheet would run as a formula, and the guard pikir's exports
/// put on them: a leading apostrophe (OWASP's CSV-injection rule), which
/// Excel and LibreOffice show as "text, not a formula".
///
/// The guard reads back: an ingest takes one leading `'` off a cell that
/// `neutralised` would have guarded, so `pikir export` → `pikir ingest`
/// stores `=SUM(A1)` as it was. A cell already starting with `'` and then
/// a formula character gets a second one, so the pair is exact both ways.
public enum FormulaCells {
    /// `=`, `+`, `-`, `@`, TAB or CR: what makes a spreadsheet read a cell as a formula.
    @inline(__always)
    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }

    /// The text with a leading `'` when, after any apostrophes it already
    /// starts with, a formula character comes first.
    public static func neutralised(_ value: String) -> String {
        guard let first = value.utf8.first(where: { $0 != 0x27 }), startsFormula(first) else { return value }
        return "'" + value
    }

    /// The cell without the `'` that ``neutralised(_:)`` adds; any other cell as it is.
    @inline(__always)
    public static func unneutralised(_ cell: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard cell.count > 1, cell[0] == 0x27 else { return cell }
        var i = 1
        while i < cell.count, cell[i] == 0x27 { i += 1 }
        guard i < cell.count, startsFormula(cell[i]) else { return cell }
        return UnsafeRawBufferPointer(rebasing: cell[1...])
    }
}
