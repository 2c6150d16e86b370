import Testing

struct GoldenFileTests {
    @Test func goldenFileLoadsWithEverySection() throws {
        let file = try Golden.loaded.get()
        #expect(!file.summaries.isEmpty)
        #expect(!file.quantiles.isEmpty)
        #expect(!file.wilson.isEmpty)
        #expect(!file.boxes.isEmpty)
        #expect(!file.nps.isEmpty)
        #expect(!file.normalQuantile.isEmpty)
        #expect(!file.normalCdf.isEmpty)
        #expect(!file.tQuantile.isEmpty)
        #expect(!file.tQuantileHard.isEmpty)
        #expect(!file.tCdf.isEmpty)
        #expect(!file.chi2Sf.isEmpty)
        #expect(!file.welch.isEmpty)
        #expect(!file.welchStats.isEmpty)
        #expect(!file.mannWhitney.isEmpty)
        #expect(!file.chiSquare.isEmpty)
        #expect(!file.holm.isEmpty)
        #expect(!file.yearOverYear.isEmpty)
        #expect(!file.cronbach.isEmpty)
        #expect(!file.shrinkage.isEmpty)
        #expect(!file.suppressionOneWay.isEmpty)
        #expect(!file.suppressionTwoWay.isEmpty)
    }
}
