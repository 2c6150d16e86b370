import Foundation
import PikirAggregate
import PikirStats

/// `pikir agg --format xlsx`: one sheet with exactly the JSON output's
/// columns (``AggregateOutput``), numbers as numbers. A withheld statistic
/// is an empty grey cell whose note says why; an interval is two columns.
extension AggregateOutput {
    public func writeWorkbook(_ rows: [AggregateRow], to path: String, created: Date = WorkbookWriter.constantCreated,
                              createFolders: Bool = false) throws(WorkbookError) {
        let writer = try WorkbookWriter(path: path, created: created, createFolders: createFolders)
        try writer.sheet(WorkbookContent.Sheet(name: "pikir agg", columns: headers.map { WorkbookContent.Column($0) }))
        for row in rows { try writer.row(cells(row)) }
        try writer.close()
    }

    /// One row's cells, in the order of ``headers``.
    func cells(_ row: AggregateRow) -> [WorkbookContent.Cell] {
        var cells: [WorkbookContent.Cell] = []
        for (dimension, value) in row.dimensions {
            if dimension == .trainer { cells.append(value.trainerID.map(WorkbookContent.Cell.text) ?? .empty) }
            if dimension.isNumeric, let number = value.number {
                cells.append(.number(Double(number), .general))
            } else {
                cells.append(value.text.map(WorkbookContent.Cell.text) ?? .empty)
            }
        }
        cells += [.text(row.measure.name), .number(Double(row.n), .integer)]
        let withheld = suppressionNote(row)
        for stat in query.stats where stat != .n {
            let width = stat == .ci95 ? 2 : 1
            guard let value = row.value(stat) else {
                cells += repeatElement(withheld.map(WorkbookContent.Cell.suppressed) ?? .empty, count: width)
                continue
            }
            switch value {
            case .interval(let i): cells += [.number(i.low, .decimals(2)), .number(i.high, .decimals(2))]
            case .number(let x): cells.append(.number(x, Self.numberFormat(stat)))
            case .count(let n): cells.append(.number(Double(n), .integer))
            case .text(let t): cells.append(WorkbookContent.Cell.day(iso: t) ?? .text(t))
            case .distribution(let d): cells.append(.text(d.map { "\(number($0.value)):\($0.count)" }.joined(separator: " ")))
            }
        }
        cells.append(.text(row.suppressed ? "true" : "false"))
        return cells
    }

    /// Shares as percents, NPS to one decimal, quartiles as they are (a scale point or a half), the rest to 2 decimals.
    static func numberFormat(_ stat: Stat) -> WorkbookContent.NumberFormat {
        switch stat {
        case .top2, .bottom2: .percent(1)
        case .nps: .decimals(1)
        case .min, .max, .median, .p25, .p75: .general
        case .n, .responses, .sessions: .integer
        default: .decimals(2)
        }
    }

    /// The note on a withheld statistic; nil when the row is published (the value is just not computable).
    private func suppressionNote(_ row: AggregateRow) -> String? {
        switch row.suppression {
        case .published: nil
        case .primary: "Withheld: \(row.n) answers, fewer than \(query.minN), could identify people."
        case .complementary: "Withheld: publishing it would reveal a smaller withheld group of the same table."
        }
    }
}
