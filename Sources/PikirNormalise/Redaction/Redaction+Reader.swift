import PikirIngest

extension Reject {
    /// The reject with personal data redacted from its raw line, which keeps
    /// its shape (`…,9,IIN [IIN] tel [PHONE]`) so the line can still be found
    /// and fixed; the message is redacted too. `items` is how many were replaced.
    ///
    /// - Complexity: O(n) in the length of the raw text and message.
    public func redacted() -> (reject: Reject, items: Int) {
        var copy = self
        let raw = Redaction.redact(raw), message = Redaction.redact(message)
        copy.raw = raw.text
        copy.message = message.text
        return (copy, raw.total)
    }
}

extension FileInspection {
    /// What `pikir inspect` may print: header columns, the mapping's column
    /// names, notes and deciding words, sample records and rejects with
    /// personal data redacted.
    ///
    /// - Complexity: O(n) in the length of the texts shown.
    public func redacted() -> FileInspection {
        var copy = self
        copy.columns = columns.map { Redaction.redact($0).text }
        for i in copy.mapping.indices {
            copy.mapping[i].column = Redaction.redact(mapping[i].column).text
            copy.mapping[i].note = mapping[i].note.map { Redaction.redact($0).text }
            if let by = mapping[i].decided_by {
                copy.mapping[i].decided_by?.text = Redaction.redact(by.text).text
                copy.mapping[i].decided_by?.words = by.words.map { Redaction.redact($0).text }
            }
        }
        for i in copy.sample.indices { copy.sample[i].fields = sample[i].fields.map { Redaction.redact($0).text } }
        for i in copy.rejects.indices {
            copy.rejects[i].raw = Redaction.redact(rejects[i].raw).text
            copy.rejects[i].reason = Redaction.redact(rejects[i].reason).text
        }
        return copy
    }
}
