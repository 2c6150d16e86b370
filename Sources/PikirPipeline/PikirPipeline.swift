/// Staged batch pipelines: `pipelines/*.toml` files, their validation, and
/// the runner behind `pikir run`. Each stage calls the function its command
/// calls (`Ingestor`, `Aggregator.run`, `ReportKind.build` and
/// `ReportWriter.write`, `ResponseExport.write`); what is here is only the
/// staging: inputs, caching by content, manifests, the lock and the swap.
public enum PikirPipeline {}
