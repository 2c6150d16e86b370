import Foundation
import Testing
@testable import PikirEngine

/// The ledger's `ingested_at`, made without `ISO8601DateFormatter`: the
/// formatter's own text for the same instants (UTC, to the second, a
/// fraction of a second dropped, leap days, the turn of a year and of a century).
struct IngestorTimestampTests {
    @Test(arguments: [0, 951_782_400, 1_709_251_199.999, 1_730_801_732.5, 1_735_689_599, 1_735_689_600, 4_102_444_800, 1_893_456_000.25])
    func theFormattersText(seconds: Double) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Ingestor.timestamp(date) == formatter.string(from: date))
    }
}
