import Testing
@testable import PikirPipeline

@Test func theModuleLinks() { _ = PikirPipeline.self }
