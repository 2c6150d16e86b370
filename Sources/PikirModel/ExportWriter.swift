import Foundation

/// `pikir export` and the pipelines' export stage: every response, in the
/// canonical fields' names, so the file reads back into pikir.
public enum ExportFormat: String, Sendable, CaseIterable { case csv, json }

extension Warehouse {
    /// Writes the export in pieces through `write`.
    ///
    /// CSV starts with a UTF-8 byte order mark (Excel then reads Kazakh and
    /// Russian right) and neutralises formula cells; JSON is an array of objects.
    public func writeExport(_ format: ExportFormat, _ write: (String) -> Void) throws {
        let columns = ResponseColumn.exported.map(\.exportName!)
        // Written as JSON numbers: scores, line, year, month.
        let numeric = Set(ResponseColumn.exported.filter(\.exportsNumber).map(\.exportName!))
        switch format {
        case .csv:
            write("\u{FEFF}" + CSVText.line(columns) + "\r\n")
            try forEachResponse { values in write(CSVText.line(values) + "\r\n") }
        case .json:
            write("[")
            var first = true
            try forEachResponse { values in
                var object: [String: Any] = [:]
                for (key, value) in zip(columns, values) {
                    guard let value else { object[key] = NSNull(); continue }
                    if numeric.contains(key), let number = Double(value) {
                        object[key] = number == number.rounded() ? Int(number) as Any : number
                    } else if key == "extras", let data = value.data(using: .utf8),
                              let extras = try? JSONSerialization.jsonObject(with: data) {
                        object[key] = extras
                    } else {
                        object[key] = value
                    }
                }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                write((first ? "\n" : ",\n") + String(decoding: data, as: UTF8.self))
                first = false
            }
            write("\n]\n")
        }
    }
}
