import Foundation
import PikirIngest
import Testing
@testable import PikirNormalise

/// Date columns through whole files: the order settled by the whole column
/// (however far down its settling value is), Google Forms' timestamps and
/// Excel day numbers.
extension RecordNormaliserTests {
    func outcomes(_ text: String) throws -> [(line: Int, date: String?, reject: String?)] {
        try normalise(text).map { line, outcome in
            switch outcome {
            case .response(let r, _): return (line, r.sessionDate, nil)
            case .reject(let code, let message): return (line, nil, "\(code): \(message)")
            }
        }
    }

    /// An English-locale Google Sheet: 300 stamps that read both ways, far
    /// past what format detection samples, before the one that settles the column.
    @Test func aMonthFirstColumnIsSettledByAValueFarDownTheFile() throws {
        var text = "Timestamp,City,Overall rating\n"
        for i in 0..<300 { text += "11/5/2024 \(10 + i / 60):\(String(format: "%02d", i % 60)):00,Almaty,5\n" }
        text += "11/14/2024 9:00:00,Astana,4\n12/1/2024 9:00:00,Astana,3\n"
        let got = try outcomes(text)
        #expect(got.count == 302)
        #expect(got.allSatisfy { $0.reject == nil }, "\(got.first { $0.reject != nil }?.reject ?? "")")
        #expect(got[0].date == "2024-11-05")
        #expect(got[299].date == "2024-11-05")
        #expect(got[300].date == "2024-11-14")
        #expect(got[301].date == "2024-12-01")
    }

    @Test func contradictingValuesRejectTheMinorityNamingTheLineThatSettledTheColumn() throws {
        let text = """
            Date;Overall rating
            05/06/2024;5
            12/25/2024;5
            13/05/2024;4
            11/30/2024;4
            02/03/2024;3

            """
        let got = try outcomes(text)
        #expect(got.map(\.date) == ["2024-05-06", "2024-12-25", nil, "2024-11-30", "2024-02-03"])
        #expect(got[2].reject == "ambiguous_date: Date: ‘13/05/2024’ reads only day first (dd/mm/yyyy), but 2 of this column's dates read only month first (mm/dd/yyyy); the first is line 3: ‘12/25/2024’; correct whichever is wrong")
    }

    @Test func aColumnWithoutASettlingValueRejectsOnlyWhatReadsBothWays() throws {
        let got = try outcomes("Date;Overall rating\n05/06/2024;5\n07/07/2024;4\n2024-06-05;3\n")
        #expect(got.map(\.date) == [nil, "2024-07-07", "2024-06-05"])
        #expect(got[0].reject?.hasPrefix("ambiguous_date: Date: ‘05/06/2024’: day/month or month/day; no date in this column settles it") == true)
    }

    /// The census is taken by reading the file again: its lines must be the
    /// lines of the main read (a title line above the header, a record over two lines).
    @Test func theSettlingLineIsTheFilesLine() throws {
        let text = "Training feedback, Almaty\n\nDate;Overall rating;Comment\n05/06/2024;5;\"two\nlines\"\n06/05/2024;4;\n13/05/2024;3;\n05/13/2024;2;\n14/05/2024;2;\n"
        let got = try outcomes(text)
        #expect(got.map(\.line) == [4, 6, 7, 8, 9])
        #expect(got.map(\.date) == ["2024-06-05", "2024-05-06", "2024-05-13", nil, "2024-05-14"])
        #expect(got[3].reject?.contains("the first is line 7: ‘13/05/2024’") == true)
    }

    @Test func googleFormsTimestampsInRussianAndKazakhAndTheirOffset() throws {
        let text = """
            Отметка времени,Город,Общая оценка
            2025/02/17 9:41:07 ДП GMT+6,Алматы,5
            2025/02/17 11:30:00 ПП GMT+6,Алматы,4
            2025/02/18 12:30:00 ДП GMT+6,Алматы,4
            2025/02/18 1:00:00 ДП GMT+6,Алматы,4
            2025/02/17 11:30:00 ПП GMT+3,Алматы,3
            2025/02/17 9:41:07 ТК GMT+5,Алматы,3
            2025/02/17 21:41:07 GMT+6,Алматы,3
            2023/02/18 12:30:00 ДП GMT+6,Алматы,5

            """
        let got = try outcomes(text)
        #expect(got.allSatisfy { $0.reject == nil }, "\(got.compactMap(\.reject))")
        #expect(got.map(\.date) == ["2025-02-17", "2025-02-17", "2025-02-17", "2025-02-18", "2025-02-18", "2025-02-17",
                                    "2025-02-17", "2023-02-18"])
    }

    @Test func theTimestampIsStoredAsWritten() throws {
        let rows = try normalise("Timestamp,Overall rating\n2025/02/18 12:30:00 AM GMT+6,5\n2025/02/17 9:41:07 ДП GMT+6,4\n")
            .map { try response($0.outcome) }
        #expect(rows.map(\.timestamp) == ["2025/02/18 12:30:00 AM GMT+6", "2025/02/17 9:41:07 ДП GMT+6"])
        #expect(rows.map(\.sessionDate) == ["2025-02-17", "2025-02-17"])
    }

    @Test func excelDayNumbersUnderADateHeader() throws {
        let got = try outcomes("Күні;Жалпы баға\n45601;5\n45602,5;4\n;3\n4560;3\n")
        #expect(got.map(\.date) == ["2024-11-05", "2024-11-06", nil, nil])
        #expect(got[2].reject == nil)  // no date: missing, not a reject
        #expect(got[3].reject?.hasPrefix("impossible_date: Күні: ‘4560’: as an Excel day number it is no day of 2000…2100") == true)
        let mixed = try outcomes("Күні;Жалпы баға\n45601;5\n05.11.2024;4\n")
        #expect(mixed.map(\.date) == [nil, "2024-11-05"])
        #expect(mixed[0].reject?.hasPrefix("unrecognised_date: Күні: ‘45601’: a number, not a date") == true)
        #expect(mixed[0].reject?.hasSuffix("like line 3: ‘05.11.2024’") == true)
    }

    @Test func aFileThatNeedsNoCensusIsReadOnce() throws {
        // The census reads the file again by its path. Both files are removed
        // once open: the one whose dates need no column still normalises, the
        // other's value is rejected with the reason.
        func opened(_ text: String) throws -> (ExportReader, Collect) {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("pikir-norm-\(UUID().uuidString).csv")
            try Data(text.utf8).write(to: url)
            let reader = try ExportReader(path: url.path)
            let collect = Collect(try RecordNormaliser(sourceFile: url.path, fileHash: "0123456789abcdef",
                                                       format: reader.format, settings: NormaliserSettings()))
            try FileManager.default.removeItem(at: url)
            return (reader, collect)
        }
        let (plain, plainOutcomes) = try opened("Дата;Общая оценка\n05.11.2024;5\n2024-11-06;4\n5 ноября 2024 г.;3\n")
        let (slash, slashOutcomes) = try opened("Дата;Общая оценка\n05/06/2024;5\n")
        _ = try plain.read(into: plainOutcomes)
        _ = try slash.read(into: slashOutcomes)
        #expect(plainOutcomes.outcomes.count == 3)
        #expect(plainOutcomes.outcomes.allSatisfy { if case .response = $0.outcome { true } else { false } })
        guard case .reject(let code, let message)? = slashOutcomes.outcomes.first?.outcome else {
            Issue.record("expected a reject")
            return
        }
        #expect(code == "ambiguous_date")
        #expect(message.contains("could not be read again"))
    }
}

extension RecordNormaliserTests {
    /// ISO dates are read from their bytes without the date cache
    /// (`RecordNormaliser.isoDate`): what is valid reads as before, and an
    /// impossible day, a year out of range, a date with blanks or a time
    /// after it go the general way, with its messages; the same cell read
    /// twice (cached the second time, for the general way) reads the same.
    @Test func isoDatesReadFromTheirBytesAsTheGeneralWayReadsThem() throws {
        let cells = ["2024-11-05", "2024-02-29", "2023-02-29", "2024-13-01", "1999-12-31", " 2024-11-05", "2024-11-05 10:15",
                     "2024-1-05", "2024/11/05", "2024-11-05", "2023-02-29"]
        let text = "Дата;Ваш город;Общая оценка\n" + cells.map { "\($0);Алматы;5\n" }.joined()
        let got = try outcomes(text)
        #expect(got.map(\.date) == ["2024-11-05", "2024-02-29", nil, nil, nil, "2024-11-05", "2024-11-05",
                                   "2024-01-05", "2024-11-05", "2024-11-05", nil])
        #expect(got[2].reject?.hasPrefix("impossible_date: Дата: ‘2023-02-29’") == true, "\(got[2])")
        #expect(got[3].reject?.hasPrefix("impossible_date: Дата: ‘2024-13-01’") == true, "\(got[3])")
        #expect(got[4].reject?.hasPrefix("impossible_date: Дата: ‘1999-12-31’: year 1999 is outside") == true, "\(got[4])")
        #expect(got[10].reject == got[2].reject)
        // Each as `Dates.parse` reads the cell alone.
        for (cell, outcome) in zip(cells, got) {
            guard case .success(let day)? = Dates.parse(cell) else { continue }
            #expect(outcome.date == day.iso, "\(cell)")
        }
    }
}
