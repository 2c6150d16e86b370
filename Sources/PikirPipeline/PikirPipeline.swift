/// Staged batch pipelines: `pipelines/*.toml` files, their validation, and
/// the runner behind `pikir run`.
public enum PikirPipeline {}
