import Foundation
import Testing

/// The root command and flag validation (ArgumentParser exits 64 on usage errors).
@Suite("pikir command line")
struct CommandLineTests {
    @Test("--version prints a semantic version")
    func version() throws {
        let run = try PikirBinary.run("--version")
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(run.stdout)")
    }

    @Test("--help describes pikir and lists inspect")
    func help() throws {
        let run = try PikirBinary.run("--help")
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: pikir <subcommand>"))
        #expect(run.stdout.contains("Kazakh, Russian or English"))
        #expect(run.stdout.contains("SUBCOMMANDS:"))
        #expect(run.stdout.contains("  inspect "))
        #expect(run.stdout.contains("--version"))
    }

    @Test("inspect --help lists every read flag and the encodings", arguments: [["inspect", "--help"], ["help", "inspect"]])
    func inspectHelp(arguments: [String]) throws {
        let run = try PikirBinary.run(arguments)
        #expect(run.status == 0)
        for flag in ["--format", "--records", "--encoding", "--delimiter", "--line-ending", "--header-line"] {
            #expect(run.stdout.contains(flag), "\(flag) missing")
        }
        #expect(run.stdout.contains("utf-8|utf-8-bom|utf-16le|utf-16be|cp1251|kz1048"))
        #expect(run.stdout.contains("(values: text, json; default: text)"))
        #expect(run.stdout.contains("the exit status is then 1"))
    }

    @Test("unknown subcommand exits 64")
    func unknownSubcommand() throws {
        let run = try PikirBinary.run("frobnicate")
        #expect(run.status == 64)
        #expect(run.stderr.contains("frobnicate"))
    }

    @Test("inspect with no files exits 64")
    func noFiles() throws {
        let run = try PikirBinary.run("inspect")
        #expect(run.status == 64)
        #expect(run.stderr.contains("Missing expected argument '<files> ...'"))
    }

    @Test("unknown --encoding exits 64 and lists the valid encodings")
    func unknownEncoding() throws {
        let run = try PikirBinary.run("inspect", "--encoding", "latin1", SampleData.kz1048)
        #expect(run.status == 64)
        #expect(run.stdout == "", "nothing is inspected when a flag is bad")
        #expect(run.stderr.contains("unknown encoding 'latin1'; use one of: utf-8, utf-8-bom, utf-16le, utf-16be, cp1251, kz1048"))
    }

    @Test("bad --delimiter exits 64 and says what it takes", arguments: ["ab", ";;", ""])
    func badDelimiter(value: String) throws {
        let run = try PikirBinary.run("inspect", "--delimiter", value, SampleData.kz1048)
        #expect(run.status == 64)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("--delimiter takes one character such as , ; | or the word tab, not '\(value)'"))
    }

    @Test("bad --line-ending, negative --header-line and unknown --format exit 64")
    func otherBadFlags() throws {
        let lineEnding = try PikirBinary.run("inspect", "--line-ending", "unix", SampleData.kz1048)
        #expect(lineEnding.status == 64)
        #expect(lineEnding.stderr.contains("unknown line ending 'unix'; use one of: lf, crlf, cr"))

        let header = try PikirBinary.run("inspect", "--header-line=-1", SampleData.kz1048)
        #expect(header.status == 64)
        #expect(header.stderr.contains("--header-line must be 0 (no header) or a line number"))

        let format = try PikirBinary.run("inspect", "--format", "yaml", SampleData.kz1048)
        #expect(format.status == 64)
        #expect(format.stderr.contains("'text'"))
        #expect(format.stderr.contains("'json'"))
    }
}
