import ArgumentParser
import Foundation
import PikirIngest
import PikirNormalise
import PikirModel
import PikirReport
import PikirStore

/// `--db`, shared by every command that uses the warehouse.
struct WarehouseFlags: ParsableArguments {
    @Option(help: ArgumentHelp("The warehouse: a SQLite file, or postgresql://user@host/dbname (default: $PIKIR_DB, else ./pikir.sqlite).", valueName: "address"))
    var db: String?

    var path: String { db ?? WarehouseLocations.defaultAddress() }

    /// Opens the warehouse; `mustExist` for commands that only read it (exit 66 when missing).
    func open(mustExist: Bool = false) throws -> any Warehouse {
        let warehouse: any Warehouse
        do {
            warehouse = try WarehouseLocations.at(path).open(mustExist ? .read : .write)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("pikir: \(error.message)\n".utf8))
            throw ExitCode(error.code == .missingWarehouse ? 66 : 1)
        }
        if let warning = warehouse.warning {
            FileHandle.standardError.write(Data("pikir: warning: \(warning)\n".utf8))
        }
        return warehouse
    }
}

/// The registries and column mapping that go with exports.
struct RegistryFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Trainer registry CSV: id,name,aliases (aliases separated by |).", valueName: "file"))
    var trainers: String?

    @Option(help: ArgumentHelp("Sessions registry CSV: session_id,city,date_from,date_to,trainer,module,registered.", valueName: "file"))
    var sessions: String?

    @Option(help: ArgumentHelp("Column mapping CSV: column,field[,scale] for headers pikir does not know.", valueName: "file"))
    var map: String?

    func settings() throws -> NormaliserSettings {
        try Self.load(trainers: trainers, sessions: sessions, map: map)
    }

    /// Loads the files; a bad one is a message on stderr and exit status 66.
    static func load(trainers: String?, sessions: String?, map: String?) throws -> NormaliserSettings {
        do {
            return try NormaliserSettings.load(trainers: trainers, sessions: sessions, mapping: map)
        } catch {
            FileHandle.standardError.write(Data("pikir: \(error)\n".utf8))
            throw ExitCode(66)
        }
    }
}

/// `--name`: what standard input is called when an export is read from it.
struct StandardInputFlags: ParsableArguments {
    @Option(help: ArgumentHelp("The name an export read from standard input (-) goes by in messages and the ledger.", valueName: "name"))
    var name: String = "stdin"

    /// Standard input named on the command line from a terminal: nothing
    /// would come until the user typed an export.
    func validate(_ inputs: [String]) throws {
        if inputs.contains(where: InputFiles.isStandardInput), isatty(STDIN_FILENO) != 0 {
            throw ValidationError("- reads an export from standard input, which is a terminal here; pipe one in, e.g. `cat export.csv | pikir … -`")
        }
    }

    /// The files named (folders expanded), with standard input and other
    /// streams copied to temporary files; they are kept while the result lives.
    func open(_ arguments: [String]) throws -> ExportInputs {
        try ExportInputs(InputFiles.expand(arguments), standardInputName: name)
    }
}

/// Exports to read, and the temporary copies of the streams among them.
final class ExportInputs {
    let inputs: [ExportInput]
    private let spools: [SpooledInput]

    init(_ paths: [String], standardInputName: String) throws {
        var inputs: [ExportInput] = [], spools: [SpooledInput] = []
        var standardInput: SpooledInput?
        for path in paths {
            guard SpooledInput.isStream(path) else { inputs.append(ExportInput(path: path)); continue }
            let spool: SpooledInput
            let name: String
            do {
                if InputFiles.isStandardInput(path) {
                    // Read once: a second `-` is the same export again.
                    spool = try standardInput ?? SpooledInput(copying: STDIN_FILENO, name: standardInputName)
                    standardInput = spool
                    name = standardInputName
                } else {
                    spool = try SpooledInput(copyingFrom: path)
                    name = path
                }
            } catch {
                FileHandle.standardError.write(Data("pikir: \(error)\n".utf8))
                throw ExitCode(1)
            }
            spools.append(spool)
            inputs.append(ExportInput(path: spool.path, name: name))
        }
        self.inputs = inputs
        self.spools = spools
    }
}

/// Files named on the command line, with folders expanded to their exports.
enum InputFiles {
    /// `-`, or the system's names for standard input.
    static func isStandardInput(_ path: String) -> Bool {
        path == "-" || path == "/dev/stdin" || path == "/dev/fd/0" || path == "/proc/self/fd/0"
    }

    static let extensions: Set<String> = ["csv", "tsv", "txt"]

    static func expand(_ inputs: [String]) -> [String] {
        var files: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
                files += names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                    .sorted()
                    .map { (input as NSString).appendingPathComponent($0) }
            } else {
                files.append(input)
            }
        }
        return files
    }
}

/// `-o FILE` (or standard output): an output that cannot be written is one
/// line on stderr and exit status 73, sysexits' "cannot create output file".
enum OutputFlag {
    static func fail(_ error: Error) -> Error {
        if let error = error as? WorkbookError {
            FileHandle.standardError.write(Data("pikir: \(error)\n".utf8))
            return ExitCode(error.isUsage ? 64 : 73)
        }
        guard let error = error as? OutputError else { return error }
        FileHandle.standardError.write(Data("pikir: \(error.commandMessage)\n".utf8))
        return ExitCode(73)
    }
}

/// Numeric flags. They are declared with `parsing: .unconditional`, so
/// `--min-n -3` reaches this check instead of reading `-3` as a flag.
enum FlagValue {
    static func check(_ flag: String, _ value: Int, atLeast minimum: Int) throws {
        if value < minimum { throw ValidationError("\(flag) must be a whole number ≥ \(minimum) (got \(value))") }
    }

    static func check(_ flag: String, _ value: Double, atLeast minimum: Double) throws {
        if !(value >= minimum) { throw ValidationError("\(flag) must be a number ≥ \(minimum.formatted()) (got \(value.formatted()))") }
    }
}

enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
