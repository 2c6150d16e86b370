import PikirStats

/// A table cell's text and, beside it, the number it shows for a workbook: a
/// spreadsheet reader sorts and sums values, so each cell carries the value the
/// aggregate gave, not its rounded text.
extension Formatter {
    func meanCell(_ s: Summary) -> Document.Cell {
        Document.Cell(mean(s), values: [s.mean.map { .number($0, .decimals(2)) } ?? .empty])
    }

    /// The two ends apart: a sheet has a column for each (see `intervalHeaders`).
    func intervalCell(_ i: Interval?, decimals: Int = 2) -> Document.Cell {
        Document.Cell(interval(i, decimals: decimals),
                      values: i.map { [.number($0.low, .decimals(decimals)), .number($0.high, .decimals(decimals))] } ?? [.empty, .empty])
    }

    func integerCell(_ n: Int) -> Document.Cell { Document.Cell(c.integer(n), values: [.number(Double(n), .integer)]) }

    func numberCell(_ x: Double, decimals: Int) -> Document.Cell {
        Document.Cell(c.number(x, decimals: decimals), values: [.number(x, .decimals(decimals))])
    }

    /// A share 0…1 shown as a percent, or "—" when there is none.
    func shareCell(_ share: Double?) -> Document.Cell {
        Document.Cell(share.map { c.percent($0) } ?? "—", values: [share.map { .number($0, .percent(0)) } ?? .empty])
    }

    func npsCell(_ r: NPSResult?) -> Document.Cell {
        Document.Cell(nps(r), values: [r.map { .number($0.score, .decimals(0)) } ?? .empty])
    }

    func npsIntervalCell(_ r: NPSResult?) -> Document.Cell { intervalCell(r?.ci95, decimals: 0) }

    /// A label whose code goes in a column of its own (region KZ-75, trainer id, reject reason);
    /// a row with no code (the total, an unresolved trainer) leaves that column empty.
    func codedCell(_ name: String, code: String?, style: String? = nil) -> Document.Cell {
        Document.Cell(name, style: style, values: [code.map { .text($0) } ?? .empty, .text(name)])
    }

    /// A value withheld from small groups, over `width` workbook columns, each with a note saying why.
    func suppressedCell(width: Int, note: String) -> Document.Cell {
        Document.Cell(c.text("label.suppressed"), style: "suppressed", values: Array(repeating: .suppressed(note: note), count: width))
    }

    /// Why a cell is withheld: too few answers of its own, or (complementary) so a small one cannot be recovered from the totals.
    func suppressionNote(_ s: CellSuppression, minN: Int) -> String {
        s == .complementary ? c.text("yearly.suppression_note", ["k": c.integer(minN)]) : c.text("label.not_enough_answers", ["k": c.integer(minN)])
    }

    /// The workbook headers of an interval column: its low end, then its high end.
    func intervalHeaders(_ header: String) -> [String] {
        [c.text("workbook.low", ["column": header]), c.text("workbook.high", ["column": header])]
    }

    /// The workbook headers of a coded label column: the code, then the name.
    func codedHeaders(_ header: String) -> [String] { [c.text("workbook.code", ["column": header]), header] }
}
