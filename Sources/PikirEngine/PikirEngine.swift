/// Files read and normalised on every core, handed over in file order:
/// `Ingestor` stores them in any `Warehouse`, `ExportResponses` aggregates
/// them straight from the exports (`pikir agg --csv`).
public enum PikirEngine {}
