import ArgumentParser
import Foundation
import PikirModel
import PikirReport

struct Rejects: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every rejected record in the warehouse: file, line, reason code, reason and raw text.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var warehouse: WarehouseFlags

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let rejects = try warehouse.open(mustExist: true).rejects()
        switch format {
        case .json:
            try JSONOutput.print(rejects)
        case .csv:
            var out = "\u{FEFF}file,line,reason_code,reason,raw\r\n"
            for r in rejects {
                out += CSVText.line([r.file, String(r.line), r.reason_code, r.reason, r.raw]) + "\r\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        case .text:
            for r in rejects {
                print("\(r.file):\(r.line): \(r.reason_code): \(r.reason)")
                print("    \(r.raw.replacingOccurrences(of: "\n", with: "⏎"))")
            }
            print(Counted.english(rejects.count, "reject"))
        }
    }
}
