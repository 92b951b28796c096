import Foundation
import Live
import Testing
@testable import App

@Suite struct LiveSessionHooksTests {
    @Test func aSourceThatCannotOpenIsReportedOnTheScreen() throws {
        var options = LiveOptions()
        options.source = "/no/such/clip.mp4"
        options.modelPath = "/no/such/model.safetensors"
        let hooks = LivePipelineHooks.session(options: options)
        let inbox = Inbox()
        try hooks.start { inbox.post(.live($0)) }
        let deadline = Date().addingTimeInterval(10)
        var messages: [Message] = []
        while messages.isEmpty, Date() < deadline {
            messages = inbox.drain()
            Thread.sleep(forTimeInterval: 0.01)
        }
        guard case .live(.failed(let reason))? = messages.first else {
            Issue.record("failure expected, got \(messages)")
            return
        }
        #expect(reason.contains("/no/such"))
        hooks.stop()
    }

    @Test func pipelineSummariesRankExpressions() {
        var summary = LiveSummary(source: "clip.mp4", classNames: ["happy", "sad", "neutral"])
        summary.frames = 10
        summary.framesWithFaces = 8
        summary.expressionCounts = ["happy": 2, "sad": 5, "neutral": 1]
        summary.seconds = 2
        let shown = LiveScreenSummary(pipelineSummary: summary)
        #expect(shown.expressionCounts.map(\.label) == ["sad", "happy", "neutral"])
        #expect(shown.meanFramesPerSecond == 5)
        #expect(shown.framesWithFaces == 8)
    }
}
