import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

// Helpers for the end-to-end tests of `pikir run` and `pikir pipeline validate`:
// a pipeline in a temporary folder, the state it leaves, and a `pikir run`
// child that can be killed.

/// A pipeline in a temporary folder: the sample exports and registries under
/// `in/`, the pipeline file `pipeline.toml`, outputs under `out/`, the
/// warehouse under `warehouse/`.
struct RunWorkspace {
    let root: URL

    var pipeline: String { root.appendingPathComponent("pipeline.toml").path }
    var input: URL { root.appendingPathComponent("in") }
    var registries: URL { input.appendingPathComponent("registries") }
    var output: URL { root.appendingPathComponent("out") }
    var warehouse: String { root.appendingPathComponent("warehouse/pikir.sqlite").path }

    /// Every final output of ``RunWorkspace/pipelineText(exports:jobs:)``, relative to `out/`.
    static let outputs: [String] = [
        "tables/trainers-by-year.json", "tables/trainers-by-year.csv",
        "tables/almaty-trainers.json", "tables/almaty-trainers.csv",
        "reports/trainers-KZ-75-kk.txt", "reports/trainers-KZ-75-kk.html",
        "reports/trainers-KZ-75-en.txt", "reports/trainers-KZ-75-en.html",
        "reports/yearly-2023-ru.html", "reports/yearly-2023-en.html",
        "export/responses.csv",
    ]
    /// The outputs that draw only on region KZ-75 (Almaty).
    static let almatyOutputs: [String] = [
        "tables/almaty-trainers.json", "tables/almaty-trainers.csv",
        "reports/trainers-KZ-75-kk.txt", "reports/trainers-KZ-75-kk.html",
        "reports/trainers-KZ-75-en.txt", "reports/trainers-KZ-75-en.html",
    ]
    static let stages = ["ingest", "aggregate", "render", "export"]

    /// The pipeline: ingest; two tables, one limited to KZ-75; the KZ-75
    /// trainer ratings in kk and en, text and HTML; the 2023 yearly summary
    /// in ru and en HTML; the CSV export.
    /// The test pipeline with one more report in its render stage: a session
    /// report in `format` written to `output`.
    static func pipelineText(sessionReport session: String, format: String, output: String) -> String {
        pipelineText().replacingOccurrences(of: "[[stage]]\ntype = \"export\"", with: """
              [[stage.report]]
              kind = "session"
              session = "\(session)"
              languages = ["en"]
              formats = ["\(format)"]
              output = "\(output)"

            [[stage]]
            type = "export"
            """)
    }

    static func pipelineText(exports: [String] = ["in/*.csv", "in/*.txt"], jobs: Int? = nil) -> String {
        """
        # End-to-end test pipeline. Paths are relative to this file's folder.
        [pipeline]
        name = "e2e"
        warehouse = "warehouse/pikir.sqlite"
        output = "out"

        [inputs]
        exports = [\(exports.map { "\"\($0)\"" }.joined(separator: ", "))]
        trainers = "in/registries/trainers.csv"
        sessions = "in/registries/sessions.csv"

        [[stage]]
        type = "ingest"
        \(jobs.map { "jobs = \($0)" } ?? "")

        [[stage]]
        type = "aggregate"

          [[stage.table]]
          name = "trainers-by-year"
          by = ["trainer", "year"]
          measures = ["overall", "nps"]
          stats = ["n", "mean", "nps"]

          [[stage.table]]
          name = "almaty-trainers"
          by = ["trainer"]
          measures = ["overall", "delivery"]
          stats = ["n", "mean", "ci95"]
          where = ["region=KZ-75"]

        [[stage]]
        type = "render"

          [[stage.report]]
          kind = "trainers"
          region = "KZ-75"
          languages = ["kk", "en"]
          formats = ["text", "html"]
          output = "reports/trainers-{region}-{lang}.{ext}"

          [[stage.report]]
          kind = "yearly"
          year = 2023
          languages = ["ru", "en"]
          formats = ["html"]
          output = "reports/yearly-{year}-{lang}.{ext}"

        [[stage]]
        type = "export"
        format = "csv"
        output = "export/responses.csv"

        """
    }

    /// A workspace in `root` with the sample exports, the registries and the pipeline.
    /// - Parameter bulk: extra generated exports (see ``RunBulk``) for a longer run.
    static func make(in root: URL, bulk: Int = 0, bulkRows: Int = 4_000, pipeline: String = pipelineText()) throws -> RunWorkspace {
        let workspace = RunWorkspace(root: root)
        let fm = FileManager.default
        try fm.createDirectory(at: workspace.registries, withIntermediateDirectories: true)
        let samples = PikirBinary.repo.appendingPathComponent("sample-data")
        for name in try fm.contentsOfDirectory(atPath: samples.path).sorted()
        where name.hasSuffix(".csv") || name.hasSuffix(".txt") {
            try fm.copyItem(at: samples.appendingPathComponent(name), to: workspace.input.appendingPathComponent(name))
        }
        for name in ["trainers.csv", "sessions.csv"] {
            try fm.copyItem(at: samples.appendingPathComponent("registries/\(name)"), to: workspace.registries.appendingPathComponent(name))
        }
        for index in 0..<bulk {
            try workspace.input.writeFile("bulk-\(index).csv", text: RunBulk.export(rows: bulkRows, seed: index))
        }
        try root.writeFile("pipeline.toml", text: pipeline)
        return workspace
    }

    /// `pikir ARGS PIPELINE`, run in the workspace.
    func run(_ arguments: String..., timeout: TimeInterval = 300) throws -> PikirRun {
        try PikirBinary.run(arguments + [pipeline], in: root, timeout: timeout)
    }

    /// A full run that must succeed.
    @discardableResult
    func runClean(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> PikirRun {
        let run = try PikirBinary.run(["run"] + arguments + [pipeline], in: root, timeout: 300)
        #expect(run.status == 0, "pikir run \(pipeline) should succeed:\n\(run)", sourceLocation: sourceLocation)
        return run
    }

    func path(_ relative: String) -> String { output.appendingPathComponent(relative).path }

    /// The final outputs that exist, each with its bytes, with the
    /// workspace's own path replaced by `<ROOT>` (the export names the
    /// files it read by absolute path), so two workspaces compare.
    func outputState() -> [String: Data] {
        var state: [String: Data] = [:]
        for relative in Self.outputs {
            if let data = FileManager.default.contents(atPath: path(relative)) { state[relative] = normalise(data) }
        }
        return state
    }

    /// What the warehouse holds: `pikir export` and `pikir rejects`, both as CSV, normalised.
    func warehouseState(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let export = try PikirBinary.run(["export", "--db", warehouse, "--format", "csv"], in: root)
        #expect(export.status == 0, "pikir export --db \(warehouse):\n\(export)", sourceLocation: sourceLocation)
        let rejects = try PikirBinary.run(["rejects", "--db", warehouse, "--format", "csv"], in: root)
        #expect(rejects.status == 0, "pikir rejects --db \(warehouse):\n\(rejects)", sourceLocation: sourceLocation)
        return String(decoding: normalise(Data((export.stdout + "\n--- rejects\n" + rejects.stdout).utf8)), as: UTF8.self)
    }

    func normalise(_ data: Data) -> Data {
        let prefix = Data(root.path.utf8)
        guard data.range(of: prefix) != nil else { return data }
        return Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: root.path, with: "<ROOT>").utf8)
    }

    /// The manifest of a stage, parsed.
    func manifest(_ stage: String) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: path("manifests/\(stage).json")) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Modification times (ns) of the files under `out/`, by path relative to it.
    func outputTimes() -> [String: Int64] {
        var times: [String: Int64] = [:]
        for relative in RunFiles.list(output) { times[relative] = RunFiles.mtime(output.appendingPathComponent(relative).path) }
        return times
    }

    /// Every file under the workspace except the inputs, with its size and modification time.
    func fileListing() -> [String: String] {
        var listing: [String: String] = [:]
        for relative in RunFiles.list(root) where !relative.hasPrefix("in/") {
            let path = root.appendingPathComponent(relative).path
            listing[relative] = "\(RunFiles.size(path)) bytes, mtime \(RunFiles.mtime(path))"
        }
        return listing
    }
}

/// Files, times and hashes.
enum RunFiles {
    /// Regular files under `folder`, relative to it, sorted.
    static func list(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(relative)
            }
        }
        return files.sorted()
    }

    /// Modification time in nanoseconds, -1 when the file is missing.
    static func mtime(_ path: String) -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else { return -1 }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    static func size(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return -1 }
        return Int(info.st_size)
    }

    /// SHA-256 by `sha256sum`, so the check does not share code with pikir.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", "--", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BinaryRunnerError(description: "sha256sum \(path) failed") }
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    /// Whether a final output is whole: HTML ends with `</html>`, JSON
    /// parses, text and CSV end with a newline. Nil when whole, else why not.
    static func wholeness(_ relative: String, _ data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        if relative.hasSuffix(".html") {
            return text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>") ? nil : "does not end with </html>"
        }
        if relative.hasSuffix(".json") {
            return (try? JSONSerialization.jsonObject(with: data)) != nil ? nil : "is not valid JSON"
        }
        if data.isEmpty { return "is empty" }
        // Bytes, not characters: "\r\n" is one Character.
        return data.last == UInt8(ascii: "\n") ? nil : "does not end with a newline"
    }
}

/// Comparing two states, file by file.
enum RunCompare {
    /// The outputs that differ between `actual` and `expected`, each with the
    /// first line that differs.
    static func differences(_ actual: [String: Data], _ expected: [String: Data]) -> [String: String] {
        var differences: [String: String] = [:]
        for path in Set(actual.keys).union(expected.keys) {
            switch (actual[path], expected[path]) {
            case (nil, _): differences[path] = "missing (a clean run writes it)"
            case (_, nil): differences[path] = "present (a clean run does not write it)"
            case let (a?, e?) where a != e: differences[path] = firstDifference(a, e)
            default: break
            }
        }
        return differences
    }

    static func firstDifference(_ actual: Data, _ expected: Data) -> String {
        let a = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        let e = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        for index in 0..<max(a.count, e.count) {
            let left = index < a.count ? a[index] : "<end>"
            let right = index < e.count ? e[index] : "<end>"
            if left != right {
                return "line \(index + 1): got «\(left.prefix(300))», a clean run has «\(right.prefix(300))»"
            }
        }
        return "same lines, different bytes"
    }

    static func describe(_ differences: [String: String]) -> String {
        differences.keys.sorted().map { "\($0): \(differences[$0]!)" }.joined(separator: "\n")
    }
}

/// Generated exports, big enough that a run takes a while.
enum RunBulk {
    /// A semicolon-separated Russian export: dates in 2022–2024, five cities
    /// (Almaty, KZ-75, among them), four registered trainers, every row with
    /// its module and participant category.
    static func export(rows: Int, seed: Int) -> String {
        let cities = ["Алматы", "Астана", "Караганда", "Нур-Султан", "Алма-Ата"]
        let trainers = ["Нұрлыбай Наурызбаев", "Айгерим Жумабекова", "Zhanar Omarova", "Ерлан Сарсенов"]
        let modules = ["Открытая работа с молодёжью", "Уличная работа с молодёжью", "Цифровая работа с молодёжью"]
        let groups = ["Студент", "Волонтёр", "Специалист МРЦ", "Работающая молодёжь", "Представитель НПО"]
        var text = "Дата;Город;ФИО тренера;Модуль;Категория участника;Общая оценка;Оцените работу тренера;"
            + "Порекомендуете ли вы тренинг коллегам? (0-10);Комментарий\n"
        text.reserveCapacity(rows * 160)
        for i in 0..<rows {
            let n = (i * 7919 + seed * 104_729) % 100_003
            text += "\(String(format: "%02d", 1 + n % 28)).\(String(format: "%02d", 1 + (n / 28) % 12)).\(2022 + n % 3);"
            text += "\(cities[n % 5]);\(trainers[(n / 5) % 4]);\(modules[(n / 3) % 3]);\(groups[(n / 11) % 5]);"
            text += "\(1 + n % 5);\(1 + (n / 7) % 5);\(n % 11);\"Пікір \(seed)-\(i), рақмет\"\n"
        }
        return text
    }

    /// A small Karaganda (KZ-35) export of 2023, in Russian.
    static let karaganda2023 = """
        Город;Дата;Тренер;Модуль;Категория участника;Общая оценка;Оцените работу тренера;Порекомендуете ли вы тренинг коллегам? (0-10);Комментарий
        Караганда;15.03.2023;Жанар Омарова;Уличная работа с молодёжью;Студент;5;5;9;Очень полезный тренинг
        Караганда;15.03.2023;Жанар Омарова;Уличная работа с молодёжью;Волонтёр;4;5;8;Спасибо, всё понятно
        Караганда;15.03.2023;Жанар Омарова;Уличная работа с молодёжью;Студент;3;4;6;Мало практики
        г. Караганда;15.03.2023;Жанар Омарова;Уличная работа с молодёжью;Специалист МРЦ;5;4;10;
        Караганда;16.03.2023;Ерлан Сарсенов;Открытая работа с молодёжью;Представитель НПО;4;4;7;Хотим продолжение
        Караганда;16.03.2023;Ерлан Сарсенов;Открытая работа с молодёжью;Студент;2;3;4;Зал был холодный

        """
}

/// The results of clean runs, computed once per scenario and shared by the
/// tests of a suite (a clean run of the bulk inputs takes seconds).
final class RunCleanCache: @unchecked Sendable {
    struct State: Sendable {
        var outputs: [String: Data]
        var warehouse: String
    }

    static let shared = RunCleanCache()
    private let lock = NSLock()
    private var states: [String: State] = [:]

    /// The state a clean run leaves for `scenario`, made by `make` the first time.
    func state(_ scenario: String, _ make: () throws -> State) rethrows -> State {
        lock.lock()
        defer { lock.unlock() }
        if let state = states[scenario] { return state }
        let state = try make()
        states[scenario] = state
        return state
    }
}

/// A `pikir` child started in the background, its stderr in a file, to be
/// killed with SIGKILL at a chosen moment.
final class RunChild {
    let process = Process()
    let stderrURL: URL
    let stdoutURL: URL
    let started: Date

    init(_ arguments: [String], in directory: URL, scratch: URL) throws {
        let id = UUID().uuidString
        stderrURL = scratch.appendingPathComponent("child-\(id).stderr")
        stdoutURL = scratch.appendingPathComponent("child-\(id).stdout")
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        process.executableURL = PikirBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        started = Date()
        try process.run()
    }

    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }

    /// Waits until stderr contains `marker` (true) or the child ends or `timeout` passes (false).
    func waitFor(_ marker: String, timeout: TimeInterval = 120) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(marker) { return true }
            if !process.isRunning { return stderr.contains(marker) }
            usleep(1_000)
        }
        return false
    }

    /// Sleeps until `seconds` after the start.
    func waitUntil(_ seconds: TimeInterval) {
        let left = seconds - Date().timeIntervalSince(started)
        if left > 0 { usleep(useconds_t(left * 1_000_000)) }
    }

    /// SIGKILL, then waits; true when the child was still running.
    @discardableResult
    func killNow() -> Bool {
        let running = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return running
    }

    /// Waits for the end, killing the child after `timeout`; the exit status.
    func wait(timeout: TimeInterval = 300) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The stage the child was in, from its text log lines (`pikir run: STAGE: ...`):
    /// after `STAGE: done in`, the next one.
    var lastStage: String {
        var stage = "ingest (nothing logged yet)"
        for line in stderr.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 3, let index = RunWorkspace.stages.firstIndex(of: parts[1]) else { continue }
            if parts[2].hasPrefix("done in") {
                stage = index + 1 < RunWorkspace.stages.count
                    ? "\(RunWorkspace.stages[index + 1]) (\(parts[1]) had finished)" : "the summary (every stage had finished)"
            } else {
                stage = parts[1]
            }
        }
        return stage
    }
}

/// The lines of `--log-format json` output, parsed.
enum RunJSONLog {
    static func lines(_ stderr: String) -> [(text: String, object: [String: Any]?)] {
        stderr.split(separator: "\n").map { line in
            (String(line), (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])
        }
    }
}
