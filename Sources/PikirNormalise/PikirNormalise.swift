/// Records → canonical responses: the pure rules (places, dates, scores,
/// names, personal data) that turn what centres type into one dataset.
///
/// Each area lives in its own folder and namespace; nothing here does I/O.
public enum PikirNormalise {}
