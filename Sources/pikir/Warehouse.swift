import ArgumentParser
import Foundation
import PikirAggregate
import PikirEngine
import PikirModel
import PikirReport
import PikirStore

/// `pikir warehouse`: what is done to a warehouse as a whole.
struct WarehouseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warehouse",
        abstract: "Create a warehouse, copy one to another address, or let a login see one region of it.",
        subcommands: [InitWarehouse.self, CopyWarehouse.self, GrantWarehouse.self])
}

/// A warehouse error as one line on stderr: exit 66 when it is missing, else 1.
private func fail(_ error: Error) -> Error {
    switch error {
    case let error as StoreError:
        FileHandle.standardError.write(Data("pikir: \(error.message)\n".utf8))
        return ExitCode(error.code == .missingWarehouse ? 66 : 1)
    case let error as WarehouseCopy.Failure:
        FileHandle.standardError.write(Data("pikir: \(error.description)\n".utf8))
        return ExitCode(1)
    default:
        return error
    }
}

struct InitWarehouse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a warehouse's tables, or bring an older one up to date (a newer one is left alone).")

    @Argument(help: ArgumentHelp("The warehouse: a SQLite file's path, or postgresql://user@host/dbname.", valueName: "address"))
    var address: String

    func run() throws {
        let location = WarehouseLocations.at(address)
        do {
            let existed = location.exists
            // Read first, as it is: whether it is current already, without changing it.
            var current = false
            if existed, let reading = try? location.open(.read) { current = reading.warning == nil }
            let warehouse = try location.open(.write)
            let files = try warehouse.ledger().count
            if !existed {
                print("\(warehouse.name): created an empty warehouse")
            } else if current {
                print("\(warehouse.name): already up to date (\(Counted.english(files, "file")) in its ledger)")
            } else {
                var line = "\(warehouse.name): brought up to date from an older pikir's (\(Counted.english(files, "file")) in its ledger"
                if let redactions = warehouse.migratedRedactions, redactions > 0 { line += "; \(redactions) personal-data items redacted" }
                print(line + ")")
            }
        } catch {
            throw fail(error)
        }
    }
}

struct CopyWarehouse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole warehouse to another address, then check that both give the same numbers.",
        discussion: """
            Copies the ledger, every response, reject, ignored line and duplicate, and the sessions registry, \
            one file per transaction. The target must be empty, or hold the beginning of an earlier copy of \
            the same warehouse, which is then finished.
            """)

    @Argument(help: ArgumentHelp("The warehouse to copy.", valueName: "from"))
    var from: String

    @Argument(help: ArgumentHelp("Where to copy it: a new or empty warehouse.", valueName: "to"))
    var to: String

    func run() throws {
        do {
            let source = try WarehouseLocations.at(from).open(.read)
            if let warning = source.warning { FileHandle.standardError.write(Data("pikir: warning: \(warning)\n".utf8)) }
            let target = try WarehouseLocations.at(to).open(.write)
            let summary = try WarehouseCopy.copy(from: source, to: target) { entry in
                FileHandle.standardError.write(Data("copied \(entry.path): \(entry.accepted) responses\n".utf8))
            }
            var line = "\(target.name): copied \(Counted.english(summary.copied, "file")) (\(summary.counts.accepted) responses, "
                + "\(summary.counts.rejected) rejects, \(summary.counts.duplicates) duplicates, \(summary.counts.ignored) ignored lines)"
            if summary.alreadyThere > 0 { line += ", \(summary.alreadyThere) copied before" }
            print(line + ", \(Counted.english(summary.sessions, "registered session"))")
            let check = try AggregateAgreement.differences(source, target)
            guard check.differing.isEmpty else {
                FileHandle.standardError.write(Data("pikir: \(target.name): the copy gives other numbers than \(source.name) for: \(check.differing.joined(separator: "; "))\n".utf8))
                throw ExitCode(1)
            }
            print("checked: \(AggregateAgreement.queries.count) aggregations (\(check.rows) rows: overall, by region, by year, by both; n, mean, sd, median, NPS) give the same numbers on both")
        } catch {
            throw fail(error)
        }
    }
}

struct GrantWarehouse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Let a login of a PostgreSQL warehouse read (and write) one region only, or read every region.",
        discussion: """
            A centre's login (--region CODE) reads, and unless --read-only writes, only that region's \
            responses, rejects and files; rows of another region it ingests are rejected \
            (region_not_allowed). A ministry's login (--all --read-only) reads every region and writes \
            nothing. PostgreSQL enforces it (row-level security), whatever client the login uses. Run it \
            as the login that created the warehouse; the role must exist (CREATE ROLE name LOGIN). A \
            second grant to a role replaces the first.
            """)

    @Argument(help: ArgumentHelp("An existing PostgreSQL login role.", valueName: "role"))
    var role: String

    @Option(help: ArgumentHelp("The region, by its ISO 3166-2:KZ code: KZ-75 Almaty, KZ-71 Astana, KZ-79 Shymkent, KZ-10 … KZ-63.", valueName: "code"))
    var region: String?

    @Flag(help: "Every region; only with --read-only (a ministry's login writes nothing).")
    var all = false

    @Flag(help: "Read, never write.")
    var readOnly = false

    @OptionGroup var warehouse: WarehouseFlags

    func validate() throws {
        switch (region, all) {
        case (nil, false): throw ValidationError("give the region the login may see (--region KZ-75), or --all --read-only for a ministry")
        case (.some, true): throw ValidationError("give either --region or --all, not both")
        case (nil, true) where !readOnly: throw ValidationError("--all is granted only with --read-only: a login that sees every region writes nothing")
        default: break
        }
    }

    func run() throws {
        let location = WarehouseLocations.at(warehouse.path)
        do {
            let access: RegionAccess = all ? .all(readOnly: true) : .region(region ?? "", readOnly: readOnly)
            try location.grant(role: role, access: access)
            let scope = all ? "every region" : "region \(region ?? "")"
            print("\(location): \(role) may \(readOnly ? "read" : "read and write") \(scope)")
        } catch {
            throw fail(error)
        }
    }
}
