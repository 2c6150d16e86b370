/// The tables every normaliser shares, built once per process on first
/// use: the column clues (any header that is not a canonical name needs
/// them) and the place gazetteer (any query that reads a city or region).
///
/// Built on a thread of their own as a run starts, they are ready by the
/// time the first file's format is found: otherwise the first normaliser
/// builds them while every reading thread waits (about 8 ms each, a tenth
/// of `agg --csv` on 100,000 rows).
public enum NormaliserTables {
    /// Builds the tables `fields` need, on the calling thread.
    public static func build(for fields: ResponseFields) {
        _ = HeaderClues.shared
        if fields.contains(.place) || fields.contains(.session) { _ = Places.Gazetteer.index }
    }
}
