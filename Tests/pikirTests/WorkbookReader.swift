import Foundation

/// A workbook as an independent reader sees it: Debian's python3-openpyxl
/// (installed by `make test`) reads the .xlsx and prints every sheet's name,
/// frozen panes, autofilter and cells (value, data type, number format, fill,
/// note) as JSON. Nothing of pikir's is involved in reading it back.
/// Text is decoded as Excel decodes it (`_x000D_` is a carriage return).
struct ReadWorkbook {
    struct Cell {
        /// openpyxl's data type: "s" text, "n" number (or empty), "d" date, "f" formula, "b" boolean.
        var type: String
        var value: Any?
        var format: String
        var fill: String?
        var comment: String?

        var isEmpty: Bool { value == nil || value is NSNull }
        var text: String? { value as? String }
        var number: Double? { type == "n" ? (value as? NSNumber)?.doubleValue : nil }
    }

    struct Sheet {
        var name: String
        var freezePanes: String?
        var autoFilter: String?
        var rows: [[Cell]]

        var header: [String] { rows.first?.map { $0.text ?? "" } ?? [] }
        /// The data rows as header → cell.
        var records: [[String: Cell]] {
            rows.dropFirst().map { row in
                Dictionary(uniqueKeysWithValues: zip(header, row + Array(repeating: Cell(type: "n", value: nil, format: "General"), count: max(0, header.count - row.count))))
            }
        }
    }

    var sheets: [Sheet]

    static let script = #"""
import json, sys, datetime, openpyxl
from openpyxl.utils.escape import unescape
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()
            elif isinstance(v, str):
                # A control character is stored as _xHHHH_ (ECMA-376 ST_Xstring), which Excel decodes
                # and openpyxl 3.0 leaves as it is in inline strings.
                v = unescape(v)
            fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
            cells.append({"t": c.data_type, "v": v, "f": c.number_format, "fill": fill,
                          "note": c.comment.text if c.comment is not None else None})
        rows.append(cells)
    out.append({"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows})
json.dump(out, sys.stdout, ensure_ascii=False)
"""#

    /// Debian's python: openpyxl is a Debian package, not in another python's path.
    static let python = "/usr/bin/python3"

    init(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-c", Self.script, path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let sheets = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw BinaryRunnerError(description: "openpyxl could not read \(path): " + String(decoding: errors, as: UTF8.self))
        }
        self.sheets = sheets.map { sheet in
            Sheet(name: sheet["name"] as? String ?? "", freezePanes: sheet["freeze"] as? String, autoFilter: sheet["filter"] as? String,
                  rows: (sheet["rows"] as? [[[String: Any]]] ?? []).map { row in
                      row.map { Cell(type: $0["t"] as? String ?? "", value: $0["v"], format: $0["f"] as? String ?? "",
                                     fill: $0["fill"] as? String, comment: $0["note"] as? String) }
                  })
        }
    }

    /// Excel's rules for a sheet name (the workbook would not open otherwise).
    static func isValidSheetName(_ name: String) -> Bool {
        !name.trimmingCharacters(in: .whitespaces).isEmpty && name.utf16.count <= 31
            && !name.contains(where: { "[]:*?/\\".contains($0) }) && !name.hasPrefix("'") && !name.hasSuffix("'")
    }
}
