import Testing
@testable import PikirPipeline

/// Finding the lines of tables and keys in raw TOML.
struct SourceMapTests {
    static let text = #"""
    # comment [[stage]]
    title = "x = [[stage]]"   # not a header
    [pipeline]
    output = "out"
    note = """
    [[stage]]
    type = "not a key"
    """
    literal = '''
    [inputs]'''
    list = [
      "a",   # [[stage]]
      { type = "b" },
    ]

    [[stage]]
    type = "ingest"

    [[stage]]
      type = "aggregate"
      [[stage.table]]
      name = "a"
      [[stage.table]]
      name = "b"

    [[stage]]
    "type" = "render"
    [[ stage.report ]]
    kind = "trainers"
    """#

    @Test func headersAndKeysSkipStringsAndComments() {
        let map = SourceMap(Self.text)
        #expect(map.headerLine([("pipeline", nil)]) == 3)
        #expect(map.keyLine([("pipeline", nil)], "output") == 4)
        #expect(map.keyLine([("pipeline", nil)], "list") == 11)
        #expect(map.valueLine([("pipeline", nil)], "list", "a") == 12)
        #expect(map.keyLine([("pipeline", nil)], "type", fallback: false) == nil)
        #expect(map.keyLine([], "title") == 2)
        #expect(map.headerLine([("inputs", nil)]) == nil)
        #expect(map.headerLine([("stage", 0)]) == 16)
        #expect(map.keyLine([("stage", 0)], "type") == 17)
        #expect(map.keyLine([("stage", 1)], "type") == 20)
        #expect(map.headerLine([("stage", 1), ("table", 1)]) == 23)
        #expect(map.keyLine([("stage", 1), ("table", 0)], "name") == 22)
        #expect(map.keyLine([("stage", 1), ("table", 1)], "name") == 24)
        #expect(map.keyLine([("stage", 2)], "type") == 27)
        #expect(map.headerLine([("stage", 2), ("report", 0)]) == 28)
        #expect(map.keyLine([("stage", 2), ("report", 0)], "missing") == 28)
        // The third stage has no tables: they are not the second's.
        #expect(map.headerLine([("stage", 2), ("table", 0)]) == nil)
        #expect(map.headerLine([("stage", 3)]) == nil)
        #expect(map.keyWritten(at: 24) == "stage.table.name")
        #expect(map.keyWritten(at: 28) == "stage.report")
        #expect(map.keyWritten(at: 6) == nil)
    }

    @Test func dottedKeysAndQuotedNames() {
        let map = SourceMap("""
        pipeline.output = "o"
        "my key".'x y' = 1
        [a]
        b.c = 2
        """)
        #expect(map.keyLine([("pipeline", nil)], "output") == 1)
        #expect(map.headerLine([("pipeline", nil)]) == 1)
        #expect(map.keyLine([("my key", nil)], "x y") == 2)
        #expect(map.keyLine([("a", nil), ("b", nil)], "c") == 4)
        #expect(map.headerLine([("a", nil), ("b", nil)]) == 4)
    }

    @Test func crlfAndEscapedQuotes() {
        let map = SourceMap("a = \"say \\\"[\\\"\"\r\nb = [\r\n  1,\r\n]\r\nc = 3\r\n")
        #expect(map.keyLine([], "b") == 2)
        #expect(map.keyLine([], "c") == 5)
    }
}
