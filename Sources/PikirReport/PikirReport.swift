/// Documents from aggregate queries: the report kinds (one registry,
/// `ReportKind`), each a model built from `AggregateQuery` rows and laid out
/// as a `Document`, written as text, HTML or PDF by `ReportWriter` in
/// Kazakh, Russian or English. Reports never read responses themselves.
public enum PikirReport {}
