import Testing
@testable import PikirModel

struct CSVTextTests {
    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+7 701 000", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
    func formulaCellsAreNeutralised(_ cell: String) {
        #expect(CSVText.neutralised(cell) == "'" + cell)
    }

    @Test func ordinaryCellsAreLeftAlone() {
        #expect(CSVText.neutralised("Алматы") == "Алматы")
        #expect(CSVText.neutralised("4.5") == "4.5")
        #expect(CSVText.neutralised("") == "")
    }

    @Test func quotingFollowsRFC4180() {
        #expect(CSVText.line(["Жақсы, рақмет", "He said \"hi\"", "two\nlines", nil, "plain"])
                == "\"Жақсы, рақмет\",\"He said \"\"hi\"\"\",\"two\nlines\",,plain")
        #expect(CSVText.line(["=1+1"]) == "'=1+1")
    }
}
