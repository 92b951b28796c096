import Live
import Dataset
import Training
import Vision
import Dispatch
import Foundation
import Terminal
import Testing
@testable import App

@Suite struct InboxTests {
    @Test func keepsOrderAndDrainsOnce() {
        let inbox = Inbox()
        inbox.post(.runsScanFailed("a"))
        inbox.post(.datasetFailed("b"))
        let drained = inbox.drain()
        #expect(drained.count == 2)
        guard case .runsScanFailed("a") = drained[0], case .datasetFailed("b") = drained[1] else {
            Issue.record("order changed: \(drained)")
            return
        }
        #expect(inbox.drain().isEmpty)
    }

    @Test func coalescesOnlyTheNewestOfAKind() {
        let inbox = Inbox()
        inbox.post(.live(.frame(TestLive.frame(index: 1))))
        inbox.post(.live(.frame(TestLive.frame(index: 2))))
        inbox.post(.live(.snapshotSaved("x")))
        inbox.post(.live(.frame(TestLive.frame(index: 3))))
        inbox.post(.datasetProgress(done: 1, total: 9))
        inbox.post(.datasetProgress(done: 2, total: 9))
        let drained = inbox.drain()
        #expect(drained.count == 4, "frame 2 replaced frame 1; frame 3 follows the snapshot message")
        guard case .live(.frame(let second)) = drained[0], case .live(.frame(let third)) = drained[2],
              case .datasetProgress(2, 9) = drained[3] else {
            Issue.record("unexpected \(drained)")
            return
        }
        #expect(second.index == 2)
        #expect(third.index == 3)
    }

    @Test func acceptsPostsFromManyThreads() {
        let inbox = Inbox()
        DispatchQueue.concurrentPerform(iterations: 400) { index in inbox.post(.runsScanFailed("\(index)")) }
        #expect(inbox.drain().count == 400)
    }
}

@Suite struct FrameSchedulerTests {
    let scheduler = FrameScheduler(maximumFramesPerSecond: 10, pollInterval: 0.04)

    @Test func keysAndTheFirstFrameDrawAtOnce() {
        #expect(scheduler.shouldDraw(changed: false, urgent: false, sinceLastFrame: nil))
        #expect(scheduler.shouldDraw(changed: true, urgent: true, sinceLastFrame: 0.001))
    }

    @Test func workerChangesAreCappedAndIdleScreensNotRedrawn() {
        #expect(!scheduler.shouldDraw(changed: true, urgent: false, sinceLastFrame: 0.05))
        #expect(scheduler.shouldDraw(changed: true, urgent: false, sinceLastFrame: 0.1))
        #expect(!scheduler.shouldDraw(changed: false, urgent: false, sinceLastFrame: 5))
    }

    @Test func keyWaitsAreShortAndEndWhenAFrameIsDue() {
        #expect(scheduler.keyTimeout(changed: false, sinceLastFrame: 1) == 0.04)
        #expect(abs(scheduler.keyTimeout(changed: true, sinceLastFrame: 0.08) - 0.02) < 1e-9)
        #expect(scheduler.keyTimeout(changed: true, sinceLastFrame: 0.5) == 0)
    }
}

/// Records effects and answers some of them, as workers would.
final class RecordingEffects: EffectPerformer {
    var performed: [Effect] = []
    var shutDown = false
    var answer: (Effect, Inbox) -> Void = { _, _ in }

    func perform(_ effect: Effect, inbox: Inbox) {
        performed.append(effect)
        answer(effect, inbox)
    }

    func shutdown() {
        shutDown = true
    }
}

@Suite struct AppRunnerTests {
    @Test func drawsAppliesKeysAndWorkerResultsThenShutsDown() throws {
        let faces = try TestFaces.dataset()
        let backend = TestBackend(size: Size(width: 80, height: 24), keys: [.character("b")])
        let effects = RecordingEffects()
        effects.answer = { effect, inbox in
            if case .loadDataset = effect { inbox.post(.datasetLoaded(faces, skipped: 0)) }
        }
        let runner = AppRunner(backend: backend, state: ScreenStates.home(), effects: effects)
        runner.run(maximumTurns: 6)
        #expect(text(try #require(backend.frames.first)).contains("Facial expression recognition"))
        #expect(text(try #require(backend.lastFrame)).contains("42 faces"))
        backend.pendingKeys = [.character("q"), .character("q")]
        runner.run(maximumTurns: 10)
        #expect(runner.state.isFinished)
        #expect(effects.shutDown)
        guard case .loadDataset("/data/fer2013")? = effects.performed.first else {
            Issue.record("load expected, got \(effects.performed)")
            return
        }
    }

    @Test func resizesAreDrawnAtTheNewSize() throws {
        let backend = TestBackend(size: Size(width: 80, height: 24))
        let runner = AppRunner(backend: backend, state: ScreenStates.home(), effects: RecordingEffects())
        runner.run(maximumTurns: 2)
        backend.resize(to: Size(width: 40, height: 10))
        runner.run(maximumTurns: 3)
        let last = try #require(backend.lastFrame)
        #expect(last.size == Size(width: 40, height: 10))
        #expect(text(last).contains("Terminal too small"))
        #expect(runner.state.size == Size(width: 40, height: 10))
    }

    @Test func initialEffectsRunFirst() {
        let effects = RecordingEffects()
        let runner = AppRunner(backend: TestBackend(keys: [.character("q")]), state: ScreenStates.home(),
                               effects: effects)
        runner.run(initialEffects: [.scanRuns(directory: "runs")])
        guard case .scanRuns("runs")? = effects.performed.first else { Issue.record("scan expected"); return }
        #expect(runner.state.isFinished)
    }
}

@Suite struct WorkerEffectsTests {
    /// Waits (up to 10 s) for the inbox to hold a message matching `condition`, returning everything drained.
    private func wait(for inbox: Inbox, until condition: (Message) -> Bool) -> [Message] {
        var seen: [Message] = []
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            seen += inbox.drain()
            if seen.contains(where: condition) { return seen }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Issue.record("timed out; got \(seen)")
        return seen
    }

    @Test func loadsDatasetsAndReportsFailures() throws {
        let folder = try TemporaryFolder()
        for name in ["happy", "sad"] {
            for index in 0..<2 {
                let image = Vision.GrayImage(width: 48, height: 48, filledWith: UInt8(60 * index + 40))
                try image.write(to: try folder.file("\(name)/\(index).png"))
            }
        }
        let inbox = Inbox()
        let environment = WorkerEnvironment(loadOptions: LoadOptions(cache: .disabled))
        let effects = WorkerEffects(environment: environment)
        effects.perform(.loadDataset(path: folder.path), inbox: inbox)
        let messages = wait(for: inbox) { if case .datasetLoaded = $0 { true } else { false } }
        guard case .datasetLoaded(let dataset, _)? = messages.last else { return }
        #expect(dataset.count == 4)
        #expect(dataset.classNames == ["happy", "sad"])
        effects.perform(.loadDataset(path: folder.path + "/missing"), inbox: inbox)
        let failed = wait(for: inbox) { if case .datasetFailed = $0 { true } else { false } }
        guard case .datasetFailed(let reason)? = failed.last else { return }
        #expect(reason.contains("does not exist"))
    }

    @Test func classifiesEveryFaceInChunks() throws {
        let faces = try TestFaces.dataset()
        let classNames = faces.classNames
        let inbox = Inbox()
        let effects = WorkerEffects(environment: WorkerEnvironment(makeClassifier: {
            ClosureClassifier(classNames: classNames) { batch in
                batch.map { face in (0..<7).map { $0 == Int(face[0]) % 7 ? Float(1) : 0 } }
            }
        }))
        effects.perform(.classifyFaces(faces), inbox: inbox)
        var predictions = FacePredictions(classNames: faces.classNames, faceCount: faces.count)
        let deadline = Date().addingTimeInterval(10)
        while !predictions.isComplete, Date() < deadline {
            for case .predictionsComputed(let chunk) in inbox.drain() { predictions.merge(chunk) }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(predictions.isComplete)
        #expect(predictions.predictedClass(of: 5) == Int(faces.image(at: 5).first ?? 0) % 7)
    }

    @Test func shutdownWaitsForTheClassifierAndStopsIt() throws {
        final class Calls: @unchecked Sendable {
            let lock = NSLock()
            var active = 0, started = 0
            func enter() { lock.withLock { active += 1; started += 1 } }
            func leave() { lock.withLock { active -= 1 } }
            var counts: (active: Int, started: Int) { lock.withLock { (active, started) } }
        }
        let calls = Calls()
        let faces = try TestFaces.dataset()
        let classNames = faces.classNames
        let effects = WorkerEffects(environment: WorkerEnvironment(makeClassifier: {
            ClosureClassifier(classNames: classNames) { batch in
                calls.enter()
                defer { calls.leave() }
                Thread.sleep(forTimeInterval: 0.1)
                return batch.map { _ in (0..<7).map { $0 == 0 ? Float(1) : 0 } }
            }
        }))
        effects.perform(.classifyFaces(faces), inbox: Inbox())
        let deadline = Date().addingTimeInterval(10)
        while calls.counts.started == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        effects.shutdown()
        let atShutdown = calls.counts
        #expect(atShutdown.started >= 1)
        #expect(atShutdown.active == 0, "the process may exit once shutdown returns")
        Thread.sleep(forTimeInterval: 0.2)
        #expect(calls.counts.started == atShutdown.started, "no batch starts after shutdown")
    }

    @Test func modelLoadFailuresAreReported() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "no such model" } }
        let inbox = Inbox()
        let effects = WorkerEffects(environment: WorkerEnvironment(makeClassifier: { throw Broken() }))
        effects.perform(.classifyFaces(try TestFaces.dataset()), inbox: inbox)
        let messages = wait(for: inbox) { if case .predictionsFailed = $0 { true } else { false } }
        guard case .predictionsFailed(let reason)? = messages.last else { return }
        #expect(reason.contains("no such model"))
    }

    @Test func liveHooksAreCalledAndUpdatesForwarded() {
        final class Calls: @unchecked Sendable {
            let lock = NSLock()
            var names: [String] = []
            func add(_ name: String) { lock.lock(); names.append(name); lock.unlock() }
        }
        let calls = Calls()
        let hooks = LivePipelineHooks(
            start: { sink in
                calls.add("start")
                sink(.frame(TestLive.frame(index: 7)))
            },
            stop: { calls.add("stop") }, setPaused: { calls.add("paused \($0)") },
            requestSnapshot: { calls.add("snapshot") })
        let inbox = Inbox()
        let effects = WorkerEffects(environment: WorkerEnvironment(live: hooks))
        effects.perform(.startLive(source: nil), inbox: inbox)
        effects.perform(.setLivePaused(true), inbox: inbox)
        effects.perform(.requestLiveSnapshot, inbox: inbox)
        effects.shutdown()
        effects.perform(.stopLive, inbox: inbox)
        #expect(calls.names == ["start", "paused true", "snapshot", "stop"], "stopped once")
        guard case .live(.frame(let frame))? = inbox.drain().first else {
            Issue.record("frame expected")
            return
        }
        #expect(frame.index == 7)

        let without = WorkerEffects(environment: WorkerEnvironment())
        without.perform(.startLive(source: nil), inbox: inbox)
        guard case .live(.failed(let reason))? = inbox.drain().first else {
            Issue.record("failure expected")
            return
        }
        #expect(reason.contains("fer live"))
    }

    @Test func sourcesChosenInTheAppOpenTheirOwnPipeline() {
        final class Opened: @unchecked Sendable {
            let lock = NSLock()
            var sources: [String] = []
            var stops = 0
        }
        let opened = Opened()
        let environment = WorkerEnvironment(makeLive: { source in
            LivePipelineHooks(start: { _ in opened.lock.withLock { opened.sources.append(source) } },
                              stop: { opened.lock.withLock { opened.stops += 1 } })
        })
        let inbox = Inbox()
        let effects = WorkerEffects(environment: environment)
        effects.perform(.startLive(source: "clip.mp4"), inbox: inbox)
        effects.perform(.startLive(source: "0"), inbox: inbox)
        effects.shutdown()
        #expect(opened.sources == ["clip.mp4", "0"])
        #expect(opened.stops == 2, "starting another source stops the first; shutdown stops the second")
    }

    @Test func trainingThatCannotStartSaysWhy() {
        let inbox = Inbox()
        let effects = WorkerEffects(environment: WorkerEnvironment())
        let request = TrainingRequest(dataPath: "/definitely/missing", config: .seedRecipe,
                                      runsDirectory: "/tmp/runs",
                                      loadOptions: LoadOptions(cache: .disabled))
        effects.perform(.startTraining(request), inbox: inbox)
        let messages = wait(for: inbox) { if case .trainingFailed = $0 { true } else { false } }
        guard case .trainingFailed(let reason)? = messages.last else { return }
        #expect(reason.contains("/definitely/missing"))
        effects.shutdown()
        guard case .failedToStart? = effects.trainingEnd else { Issue.record("end expected"); return }
    }
}

/// A test double: a classifier that answers with a function of the faces.
final class ClosureClassifier: ExpressionClassifier {
    let classNames: [String]
    private let answer: ([[UInt8]]) -> [[Float]]

    init(classNames: [String], answer: @escaping ([[UInt8]]) -> [[Float]]) {
        self.classNames = classNames
        self.answer = answer
    }

    func probabilities(for faces: [[UInt8]]) throws -> [[Float]] { answer(faces) }
}
