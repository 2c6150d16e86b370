import Foundation
import Testing

/// The `pikir agg` command printed under a session report's table, pasted
/// into a shell: it must run `pikir` with exactly the intended arguments,
/// whatever the session id holds, and nothing else.
@Suite("report reproduce commands are shell-quoted")
struct ReproduceCommandTests {
    /// Session ids that a shell would act on if printed raw.
    static let hostileSessions = ["S;touch pwned;", "S$(touch pwned)", "S`touch pwned`", "O'Brien's \"group\" & co",
                                  "S|touch pwned", "S>pwned", "S *", "Алматы~#!{a}"]

    /// One export with those ids in its Session ID column, and one Google
    /// Forms export without one, whose city `Almaty;touch pwned;` becomes part
    /// of the session id pikir makes up (as a slug).
    static var exports: [(name: String, text: String)] {
        func csv(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let sessions = ReportFixture.exportHeader + hostileSessions.enumerated().flatMap { index, session in
            (1...3).map { n in
                "\(csv(session)),Almaty,2024-03-0\(index + 1),Aigerim Bekova,Open youth work,Student,\(3 + n % 3),4,4,4,4,8,,,\n"
            }
        }.joined()
        let forms = "Timestamp,City,Trainer,How satisfied are you with the training overall?\n"
            + (0..<3).map { "2024/03/01 10:0\($0):00,Almaty;touch pwned;,Aigerim,\(3 + $0)\n" }.joined()
        return [("sessions.csv", sessions), ("forms.csv", forms)]
    }

    /// The session ids the warehouse holds, from `pikir agg --format ndjson`.
    static func sessionIDs(_ db: String) throws -> [String] {
        let run = try PikirBinary.run(["agg", "--db", db, "--by", "session", "--min-n", "1", "--format", "ndjson"])
        try #require(run.status == 0, "\(run)")
        return try run.stdout.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object?["session"] as? String, "\(line)")
        }
    }

    @Test("each printed command, run by sh, gives pikir exactly its arguments and runs nothing else")
    func pastedCommandsRunOnlyPikir() throws {
        try ReportFixture.withWarehouse(samples: false, extra: Self.exports) { dir, db in
            let ids = try Self.sessionIDs(db)
            #expect(Set(Self.hostileSessions).isSubset(of: ids), "\(ids)")
            // The made-up id is a slug: nothing in it a shell acts on.
            #expect(ids.contains { $0.hasPrefix("almaty-touch-pwned-2024-03-01-") }, "\(ids)")
            let shell = try FakePikirShell(in: dir)
            for id in ids {
                let expected = ["agg", "--by", "session", "--measure", "overall,delivery,content,organisation,applicability,nps",
                                "--stat", "n,mean,ci95,top2,nps,dist", "--where", "session=\(id)", "--min-n", "1"]
                for format in ["text", "html"] {
                    let run = try ReportFixture.report(db, ["session", "--session", id, "--format", format, "--lang", "en"])
                    try #require(run.status == 0, "\(id) \(format): \(run)")
                    let commands = format == "text" ? ReproduceText.fromText(run.stdout) : ReproduceText.fromHTML(run.stdout)
                    try #require(commands.count == 1, "\(id) \(format): \(commands)")
                    #expect(try shell.arguments(of: commands[0]) == expected, "\(id) \(format): \(commands[0])")
                }
            }
            #expect(!shell.ranSomethingElse, "a pasted command ran more than pikir")
            // What the command asks for is what the report shows: the session's own responses.
            let rows = try PikirBinary.run(["agg", "--db", db, "--by", "session", "--where", "session=S;touch pwned;", "--min-n", "1", "--format", "csv"])
            #expect(rows.stdout.contains("\"S;touch pwned;\",overall,3,") || rows.stdout.contains("S;touch pwned;,overall,3,"), "\(rows)")
        }
    }
}

/// A folder with a fake `pikir` that records its arguments, and `sh -c` running there.
struct FakePikirShell {
    let folder: URL
    private var bin: URL { folder.appendingPathComponent("fake-bin") }
    private var argv: URL { folder.appendingPathComponent("argv") }
    private var cwd: URL { folder.appendingPathComponent("shell-cwd") }

    init(in dir: URL) throws {
        folder = dir
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
        let script = try bin.writeFile("pikir", text: "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$PIKIR_ARGV\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
    }

    /// The arguments `pikir` got when `sh -c command` ran.
    func arguments(of command: String) throws -> [String] {
        try? FileManager.default.removeItem(at: argv)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = cwd
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":/usr/bin:/bin"
        environment["PIKIR_ARGV"] = argv.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = FileManager.default.contents(atPath: argv.path) ?? Data()
        return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether anything but the argument file appeared where the shell ran.
    var ranSomethingElse: Bool {
        !((try? FileManager.default.contentsOfDirectory(atPath: cwd.path)) ?? []).isEmpty
    }
}

/// The reproduce commands of a rendered report.
enum ReproduceText {
    /// Text: a line `$ pikir …`, which a quoted newline may carry on to following lines, up to `--min-n N`.
    static func fromText(_ text: String) -> [String] {
        var commands: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "$ pikir ") {
            let from = rest.index(start.lowerBound, offsetBy: 2)
            guard let end = rest[from...].range(of: #"--min-n \d+"#, options: .regularExpression) else { break }
            commands.append(String(rest[from..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return commands
    }

    /// HTML: each `<p class="reproduce"><code>…</code>`, unescaped.
    /// The commands under the tables (each is printed again in the appendix, for paper).
    static func fromHTML(_ html: String) -> [String] {
        html.components(separatedBy: "<details class=\"reproduce\">").dropFirst().compactMap { part in
            guard let open = part.range(of: "<code>"), let close = part[open.upperBound...].range(of: "</code>") else { return nil }
            return unescape(String(part[open.upperBound..<close.lowerBound]))
        }
    }

    static func unescape(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let value = named[String(entity)] {
                result += value
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
