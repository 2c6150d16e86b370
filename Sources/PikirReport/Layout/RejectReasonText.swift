extension Formatter {
    /// A reject reason in the report's words, with its code after it in brackets: the code is what
    /// `pikir rejects` prints and the README explains, so a reader can look it up. A code this
    /// version has no words for (from a newer pikir) is shown as it is.
    func rejectReason(_ code: String) -> String {
        let key = "reason." + code
        return c.has(key) ? c.text(key) + " (" + code + ")" : code
    }
}
