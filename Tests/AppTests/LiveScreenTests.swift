import Terminal
import Testing
@testable import App

@Suite struct LiveScreenTests {
    let context = ScreenContext(size: Size(width: 80, height: 24), capabilities: .standard)

    @Test func framesReplaceEachOtherAndFeedTheSpeedTrend() {
        var screen = LiveScreen(source: "clip.mp4")
        for index in 0..<(LiveScreen.historyLength + 10) {
            _ = screen.receive(.live(.frame(TestLive.frame(index: index, fps: Double(index)))),
                               context: context)
        }
        #expect(screen.latest?.index == LiveScreen.historyLength + 9)
        #expect(screen.speedHistory.count == LiveScreen.historyLength)
        #expect(screen.speedHistory.last == Double(LiveScreen.historyLength + 9))
    }

    @Test func spacePausesTheSourceAndFreezesTheFrame() {
        var screen = LiveScreen(source: "cam")
        _ = screen.receive(.live(.frame(TestLive.frame(index: 1))), context: context)
        var reply = screen.handle(key: .character(" "), context: context)
        guard case .setLivePaused(true)? = reply.effects.first else { Issue.record("pause expected"); return }
        _ = screen.receive(.live(.frame(TestLive.frame(index: 2))), context: context)
        #expect(screen.latest?.index == 1)
        reply = screen.handle(key: .character(" "), context: context)
        guard case .setLivePaused(false)? = reply.effects.first else {
            Issue.record("resume expected")
            return
        }
    }

    @Test func modeCycleSkipsWhatTheTerminalCannotShow() {
        var screen = LiveScreen(source: "cam")
        var seen: [LiveRenderMode] = []
        for _ in 0..<4 {
            _ = screen.handle(key: .character("m"), context: context)
            seen.append(screen.mode)
        }
        #expect(seen == [.dithered, .halfBlock, .tinted, .ascii])
        let monochrome = ScreenContext(size: context.size, capabilities: .plain)
        seen = []
        for _ in 0..<2 {
            _ = screen.handle(key: .character("m"), context: monochrome)
            seen.append(screen.mode)
        }
        #expect(seen == [.dithered, .ascii])
    }

    @Test func snapshotsAreAskedOfThePipeline() {
        var screen = LiveScreen(source: "cam")
        var reply = screen.handle(key: .character("s"), context: context)
        #expect(reply.effects.isEmpty)
        #expect(reply.notice?.kind == .error)
        _ = screen.receive(.live(.frame(TestLive.frame())), context: context)
        reply = screen.handle(key: .character("s"), context: context)
        guard case .requestLiveSnapshot? = reply.effects.first else {
            Issue.record("snapshot expected")
            return
        }
        reply = screen.receive(.live(.snapshotSaved("/tmp/snap.jpg")), context: context)
        #expect(reply.notice == .success("Snapshot saved to /tmp/snap.jpg"))
        reply = screen.receive(.live(.snapshotFailed("disk full")), context: context)
        #expect(reply.notice?.kind == .error)
    }

    @Test func leavingStopsThePipeline() {
        var state = ScreenStates.live()
        let effects = press(.character("q"), on: &state)
        #expect(state.isFinished)
        guard case .stopLive? = effects.first else { Issue.record("stop expected"); return }
    }

    @Test func theEndAndFailuresAreShown() {
        let ended = text(frame(ScreenStates.liveEnded(), size: Size(width: 80, height: 24), mode: .color))
        #expect(ended.contains("End of clip.mp4"))
        #expect(ended.contains("300 frames, a face in 288 (96%)"))
        var state = ScreenStates.live()
        send([.live(.failed("no camera at index 0 — try --source FILE"))], to: &state)
        let failed = text(frame(state, size: Size(width: 80, height: 24), mode: .color))
        #expect(failed.contains("no camera at index 0"))
    }

    @Test func faceBoxAndLabelAreDrawnOverTheFrame() {
        let shown = text(frame(ScreenStates.live(), size: Size(width: 120, height: 40), mode: .noColor))
        #expect(shown.contains("happy 78%"))
        #expect(shown.contains("decode"))
        #expect(shown.contains("FPS"))
        let noFace = text(frame(ScreenStates.live(withFace: false), size: Size(width: 120, height: 40),
                                mode: .noColor))
        #expect(noFace.contains("no face found"))
        #expect(!noFace.contains("happy"))
    }

    @Test func bigLettersUseHalfBlocksOrFallBack() {
        let theme = Theme(capabilities: .standard)
        var buffer = Buffer(width: 8, height: 3)
        BigText(text: "hi", style: .plain, theme: theme).render(area: buffer.area, into: &buffer)
        #expect(buffer.lines == ["█ █ ▀█▀ ", "█▀█  █  ", "▀ ▀ ▀▀▀ "])
        var narrow = Buffer(width: 5, height: 3)
        BigText(text: "hi", style: .plain, theme: theme).render(area: narrow.area, into: &narrow)
        #expect(narrow.lines[0] == "H I  ")
        var ascii = Buffer(width: 10, height: 3)
        BigText(text: "hi", style: .plain, theme: Theme(capabilities: .plain))
            .render(area: ascii.area, into: &ascii)
        #expect(ascii.lines[0].hasPrefix("H I"))
    }
}
