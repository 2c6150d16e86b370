/// Works out the line ending and delimiter from a decoded sample.
enum DialectSniffer {
    /// Counts CRLF, lone LF and lone CR; files mostly ending lines with a
    /// lone CR are old Mac exports.
    static func lineEnding(_ text: UnsafeRawBufferPointer) -> LineEnding {
        var crlf = 0, lf = 0, cr = 0
        var i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            if b == 0x0D {
                if i + 1 < n && text[i + 1] == 0x0A { crlf += 1; i += 2; continue }
                cr += 1
            } else if b == 0x0A {
                lf += 1
            }
            i += 1
        }
        if cr > crlf && cr > lf { return .cr }
        return crlf > 0 && crlf >= lf ? .crlf : .lf
    }

    /// Excel's `sep=;` first line (possibly quoted) names the delimiter.
    static func sepDirective(_ text: UnsafeRawBufferPointer) -> UInt8? {
        var line = Array(text.prefix(16).prefix { $0 != 0x0A && $0 != 0x0D })
        line.removeAll { $0 == 0x22 }
        guard line.count == 5,
              String(decoding: line[0..<4], as: UTF8.self).lowercased() == "sep=" else { return nil }
        return line[4]
    }

    struct Choice {
        var delimiter: UInt8
        var evidence: String
    }

    /// Picks the delimiter that splits the most records into the same number
    /// (at least two) of fields; quotes are respected because each candidate
    /// is tried with the real parser. Ties go to the earlier candidate.
    static func delimiter(_ text: UnsafeRawBufferPointer, lineEnding: LineEnding) throws -> Choice {
        var best: (delimiter: UInt8, agreeing: Int, width: Int)? = nil
        for candidate in Dialect.candidateDelimiters {
            let sample = try SampleRecords.parse(text, dialect: Dialect(delimiter: candidate, lineEnding: lineEnding), limit: 200)
            var histogram: [Int: Int] = [:]
            for record in sample.records where record.fields.count > 1 {
                histogram[record.fields.count, default: 0] += 1
            }
            guard let (width, agreeing) = histogram.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if best == nil || agreeing > best!.agreeing {
                best = (candidate, agreeing, width)
            }
        }
        guard let best else {
            return Choice(delimiter: 0x2C, evidence: "no delimiter found: one column")
        }
        return Choice(delimiter: best.delimiter,
                      evidence: "\(best.agreeing) rows of \(best.width) fields at the start of the file")
    }
}
