/// Receives everything a reader finds in a file, in file order.
///
/// Every physical line ends up in exactly one place: the header, a data
/// record, an ignored line or a reject, so the counts always balance.
public protocol RecordSink: AnyObject {
    /// The header (called once, before any record; `line` is nil for a file without one).
    func header(columns: [String], line: Int?)
    /// A data record. The view is valid only during the call: copy what you keep.
    func record(_ record: RecordView)
    /// A line or record that is not a response.
    func ignored(_ ignored: IgnoredLine)
    /// A record that could not be used.
    func rejected(_ reject: Reject)
}
