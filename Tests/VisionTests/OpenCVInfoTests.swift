import Testing

@testable import Vision

@Suite struct OpenCVInfoTests {
    @Test func reportsVersionThreadsAndCascade() throws {
        #expect(OpenCVInfo.version.hasPrefix("4."))
        #expect(OpenCVInfo.version.split(separator: ".").count == 3)
        #expect(OpenCVInfo.threads == 1)  // set by the bridge at load time
        #expect(OpenCVInfo.cascadePath?.hasSuffix(CascadeLocator.fileName) == true)
        #expect(VideoBackends.streams.contains("FFMPEG"))
        #expect(!VideoBackends.cameras.isEmpty)
    }
}
