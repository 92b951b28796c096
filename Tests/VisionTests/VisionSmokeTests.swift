import Testing
@testable import Vision

@Test func visionModuleLinks() {
    #expect("\(VisionModule.self)" == "VisionModule")
}
