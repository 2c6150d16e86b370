/// Aggregate queries: an `AggregateQuery` (dimensions, measures, statistics,
/// filters, the suppression policy) run by an `Aggregator` over any
/// `ResponseSource`, the warehouse or exports read directly, into
/// `AggregateRow`s. Every number a report shows comes from here, and
/// `AggregateQuery.commandLine` prints the `pikir agg` line that gives it again.
public enum PikirAggregate {}
