import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one run of the `pikir` executable produced.
struct PikirRun: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

struct BinaryRunnerError: Error, CustomStringConvertible {
    var description: String
}

/// Runs the built `pikir` binary as a subprocess, the way a user would.
///
/// The binary is `$PIKIR_BIN` if set; else the `pikir` next to the test bundle
/// (same build folder as the tests); else `<repo>/.build/debug/pikir`.
enum PikirBinary {
    /// The package root: this file is `<repo>/Tests/pikirTests/BinaryRunner.swift`.
    static let repo: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let url: URL = {
        if let bin = ProcessInfo.processInfo.environment["PIKIR_BIN"], !bin.isEmpty {
            return URL(fileURLWithPath: bin)
        }
        let testBundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        if testBundle.lastPathComponent.contains("PackageTests") {
            let sibling = testBundle.deletingLastPathComponent().appendingPathComponent("pikir")
            if FileManager.default.isExecutableFile(atPath: sibling.path) { return sibling }
        }
        return repo.appendingPathComponent(".build/debug/pikir")
    }()

    /// Runs `pikir arguments...` in `directory` (the repo by default, so that
    /// `sample-data/...` paths match the paths in `expected.json`).
    /// - Parameter launcher: A command that runs pikir for the test (such as
    ///   `setpriv` to another user): its path and arguments, before pikir's path.
    /// - Parameter environment: Variables set for pikir on top of the test's own.
    /// - Parameter input: Written to pikir's standard input through a pipe
    ///   (not a file: what `cat export.csv | pikir …` gives); else /dev/null.
    static func run(_ arguments: [String], in directory: URL = repo,
                    timeout: TimeInterval = 60, launcher: [String] = [], input: Data? = nil,
                    environment: [String: String] = [:]) throws -> PikirRun {
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw BinaryRunnerError(description: "no pikir binary at \(url.path): run `swift build` or set PIKIR_BIN")
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("pikir-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        // Files rather than pipes: a chatty child can never block on a full pipe.
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? url
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [url.path] + arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let stdin = input.map { _ in Pipe() }
        process.standardInput = stdin ?? FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let stdin, let input {
            // From another thread: a pipe holds 64 KiB, and pikir reads only after it starts.
            let writer = stdin.fileHandleForWriting
            let box = InputBox(handle: writer, data: input)
            DispatchQueue.global().async { box.write() }
        }

        let watchdog = Watchdog(process)
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { watchdog.stopIfRunning() }
        process.waitUntilExit()
        try out.close()
        try err.close()

        if process.terminationReason == .uncaughtSignal {
            throw BinaryRunnerError(description:
                "pikir \(arguments.joined(separator: " ")) died with signal \(process.terminationStatus) (crash, or killed after \(Int(timeout)) s)")
        }
        return PikirRun(status: process.terminationStatus,
                        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static func run(_ arguments: String..., in directory: URL = repo) throws -> PikirRun {
        try run(arguments, in: directory)
    }

    private final class InputBox: @unchecked Sendable {
        let handle: FileHandle
        let data: Data
        init(handle: FileHandle, data: Data) { self.handle = handle; self.data = data }
        func write() {
            // A pikir that exits before reading would end the test runner with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            try? handle.write(contentsOf: data)
            try? handle.close()
        }
    }

    /// Kills a child that hangs, so a hang fails one test instead of the whole run.
    private final class Watchdog: @unchecked Sendable {
        private let process: Process
        init(_ process: Process) { self.process = process }
        // SIGKILL, not terminate(): children of the test runner inherit a signal
        // mask that blocks SIGTERM, so a hung child would ignore it.
        func stopIfRunning() { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    }
}

/// A fresh folder for files a test writes; removed when the body returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("pikir-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    return try body(dir)
}

extension URL {
    /// Writes `bytes` to `name` inside this folder and returns the file's path.
    @discardableResult
    func writeFile(_ name: String, bytes: [UInt8]) throws -> String {
        let file = appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func writeFile(_ name: String, text: String) throws -> String {
        try writeFile(name, bytes: Array(text.utf8))
    }
}
