import Testing

/// The default text output, read as a person would read it.
@Suite("inspect text output")
struct InspectTextTests {
    private func inspectText(_ arguments: String...) throws -> String {
        let run = try PikirBinary.run(["inspect"] + arguments)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr == "")
        return run.stdout
    }

    /// Lines of `text` with the leading indentation and repeated spaces squeezed.
    private func squeezed(_ text: String) -> [String] {
        text.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
    }

    @Test("KZ-1048 export: encoding kz1048 and Kazakh column names decoded")
    func kz1048() throws {
        let text = try inspectText(SampleData.kz1048)
        let lines = squeezed(text)
        #expect(lines.first == SampleData.kz1048)
        #expect(lines.contains { $0.hasPrefix("encoding kz1048 (not UTF-8;") && $0.hasSuffix("bytes that only Kazakh letters use in KZ-1048)") })
        #expect(lines.contains("delimiter ; (40 rows of 14 fields at the start of the file)"))
        #expect(lines.contains("line ending CRLF"))
        #expect(lines.contains("header line 4, 14 columns"))
        for (n, column) in ["Қала", "Күні", "Тренер", "Модуль", "Қатысушы санаты", "Жалпы баға",
                            "Тренердің жұмысы", "Мазмұнның өзектілігі", "Ұйымдастыру", "Қолданбалылығы",
                            "Басқаларға ұсынасыз ба? (0-10)", "Ұнағаны", "Жақсартуға ұсыныстар", "Пікір"].enumerated() {
            #expect(lines.contains { $0.hasPrefix("\(n + 1) \(column) →") }, "\(column)")
        }
        #expect(lines.contains("records 38"))
        #expect(lines.contains("lines 47 in 6371 bytes"))
        #expect(lines.contains("title_line: lines 1, 2"))
        #expect(lines.contains("blank_line: lines 3, 46"))
        #expect(lines.contains("totals_row: line 47"))
        #expect(text.contains("line 5: Алматы | 20.02.20 | Нұрлыбай Наурызбаев | Жастармен ашық жұмыс | Студент | Өте жақсы"))
        #expect(!text.contains("\u{FFFD}"))
        // Read as cp1251 instead, Қ and ү would come out as Ќ and ї.
        #expect(!text.contains("Ќала"))
    }

    @Test("cp1251 export: sep= evidence, sep_directive ignored, Russian columns")
    func cp1251() throws {
        let lines = squeezed(try inspectText(SampleData.cp1251))
        #expect(lines.contains { $0.hasPrefix("encoding cp1251 (not UTF-8;") && $0.hasSuffix("; no KZ-1048 letters)") })
        #expect(lines.contains("delimiter ; (Excel sep= line)"))
        #expect(lines.contains("header line 2, 15 columns"))
        for (n, column) in ["№", "Город", "Дата", "ФИО тренера", "Модуль", "Категория участника",
                            "Общая оценка", "Подача материала тренером", "Актуальность содержания",
                            "Организация", "Применимость", "Порекомендуете ли тренинг коллегам? (0-10)",
                            "Что понравилось", "Что улучшить", "Комментарий"].enumerated() {
            #expect(lines.contains { $0.hasPrefix("\(n + 1) \(column) →") }, "\(column)")
        }
        #expect(!lines.contains("16"), "the ;;; trailing empty header cells must not become columns")
        #expect(lines.contains("records 42"))
        #expect(lines.contains("sep_directive: line 1"))
        #expect(lines.contains("totals_row: line 49"))
        #expect(lines.contains { $0.hasPrefix("line 3: 1 | Караганда | 08.10.2021 | Ерлан Сарсенов |") })
    }

    @Test("UTF-16LE Unicode-text export: BOM evidence and TAB shown as TAB")
    func utf16Tab() throws {
        let lines = squeezed(try inspectText(SampleData.utf16LE))
        #expect(lines.contains("encoding utf-16le (byte order mark FF FE)"))
        #expect(lines.contains { $0.hasPrefix("delimiter TAB (") })
        #expect(lines.contains("1 Қала / Город → city ← \"қала\" + \"город\" (synonym)"))
        #expect(lines.contains("14 Пікір / Комментарий → comment ← \"пікір\" + \"комментарий\" (synonym)"))
        #expect(lines.contains("records 41"))
    }

    @Test("rejects and short records are listed with their lines")
    func rejectsAndShortRecords() throws {
        let badRow = squeezed(try inspectText(SampleData.badRow))
        #expect(badRow.contains("rejects 1"))
        #expect(badRow.contains { $0.hasPrefix("line 25 too_many_fields: the record has a filled field in column 15") })
        #expect(badRow.contains { $0.hasPrefix("2024 ж. 5 қараша;Алматы;") && $0.hasSuffix("…") })

        let report = squeezed(try inspectText(SampleData.raggedReport))
        #expect(report.contains("records 40 (2 with fewer fields than the header, kept: lines 18, 37)"))
        #expect(report.contains("blank_line: lines 3, 22, 41"))
        #expect(report.contains("totals_row: line 52"))
    }

    @Test("--records limits the sample; --records 0 shows none")
    func recordsFlag() throws {
        let two = try inspectText("--records", "2", SampleData.googleFormsEN)
        #expect(two.contains("first records"))
        #expect(two.contains("    line 2: 2022/11/05 10:03:53 AM … | Astana | Digital youth work | Dmitry Kim |"))
        #expect(two.contains("    line 3: 2022/11/05 10:04:07 AM … | Astana | Digital youth work | Dmitriy Kim |"))
        #expect(!two.contains("    line 4: "))

        let none = try inspectText("--records", "0", SampleData.googleFormsEN)
        #expect(!none.contains("first records"))
        #expect(none.contains("records      36"))
    }

    @Test("several files: one block each, in argument order")
    func severalFiles() throws {
        let text = try inspectText(SampleData.cp1251, SampleData.kz1048)
        let cp = try #require(text.range(of: SampleData.cp1251 + "\n"))
        let kz = try #require(text.range(of: SampleData.kz1048 + "\n"))
        #expect(cp.lowerBound < kz.lowerBound)
        #expect(text.components(separatedBy: "\n  encoding ").count == 3)
    }
}
