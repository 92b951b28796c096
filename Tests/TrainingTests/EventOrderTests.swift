import Foundation
import Testing
@testable import Training

@Suite struct EventOrderTests {
    @Test func eventsArriveInOrderWithSaneValues() throws {
        let run = try Fixtures.endToEnd.get()
        let events = run.events, epochs = run.config.epochs
        guard case let .runStarted(started) = events.first else {
            Issue.record("the first event is not runStarted")
            return
        }
        #expect(started.config == run.config)
        #expect(started.resumedAt == nil)
        #expect(started.dataset.sampleCount == 180)
        #expect(started.dataset.testCount == 30)
        #expect(started.dataset.poolClassCounts == [50, 50, 50])
        #expect(started.parameterCount > 0)
        guard case .runFinished = events.last else {
            Issue.record("the last event is not runFinished")
            return
        }
        #expect(events.filter(\.isTerminal).count == 1)

        var fold = 0, epoch = 0, best = -1.0
        var foldsFinished: [Int] = [], progressEvents = 0
        for event in events.dropFirst() {
            switch event {
            case let .foldStarted(started):
                #expect(started.fold == fold + 1 && epoch == 0, "fold \(started.fold) after fold \(fold)")
                // The 30 test samples stay out of the folds.
                #expect(started.trainCount + started.validationCount == 150)
                #expect(started.batchesPerEpoch == (started.trainCount + 7) / 8)
                (fold, best) = (started.fold, -1)
            case let .batchProgress(progress):
                progressEvents += 1
                #expect(progress.fold == fold && progress.epoch == epoch + 1)
                #expect(progress.batch >= 1 && progress.batch < progress.batchCount)
                #expect(progress.loss.isFinite && progress.loss > 0)
                #expect((0 ... 1).contains(progress.accuracy))
                #expect(progress.learningRate == 0.01)
                #expect(progress.imagesPerSecond > 0)
                let foldETA = progress.foldETASeconds ?? 0, runETA = progress.runETASeconds ?? 0
                #expect(foldETA >= 0 && runETA >= foldETA)
            case let .epochFinished(finished):
                let metrics = finished.metrics
                #expect(metrics.fold == fold && metrics.epoch == epoch + 1)
                epoch = metrics.epoch
                #expect((0 ... 1).contains(metrics.validationAccuracy) && metrics.validationLoss.isFinite)
                #expect(metrics.seconds > 0 && metrics.imagesPerSecond > 0)
                #expect(finished.isBest == (metrics.validationAccuracy > best))
                best = max(best, metrics.validationAccuracy)
                #expect(finished.bestValidationAccuracy == best)
            case let .validationConfusion(confusionFold, confusionEpoch, matrix):
                #expect(confusionFold == fold && confusionEpoch == epoch && matrix.total == 50)
            case let .newBest(newBest):
                #expect(newBest.fold == fold && newBest.epoch == epoch && newBest.validationAccuracy == best)
            case let .checkpointSaved(saved):
                #expect(saved.fold == fold && saved.epoch == epoch)
                #expect(saved.kind == .epoch ? saved.path.hasSuffix("epoch-\(epoch).safetensors") : true)
            case let .foldFinished(result):
                #expect(result.fold == fold && epoch == epochs && result.epochsRun == epochs)
                foldsFinished.append(result.fold)
                epoch = 0
            case .runFinished, .runStarted, .paused, .resumed, .runCancelled, .error, .warning, .notice:
                continue
            }
        }
        #expect(foldsFinished == [1, 2, 3])
        #expect(progressEvents > 3 * epochs, "with progressInterval 0 every batch but the last reports")
    }

    /// Batch progress is throttled by time: with a long interval, an epoch reports at most once.
    @Test func progressIsThrottled() throws {
        let directory = Fixtures.temporaryDirectory("throttle")
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Fixtures.shapes(trainPerClass: 10)
        let config = Fixtures.config(epochs: 2, folds: [1])
        let (_, outcome, events) = try Fixtures.start { sink in
            try TrainingRun(
                config: config, dataset: dataset, runsDirectory: directory, progressInterval: 60, events: sink
            )
        }
        guard case .finished = outcome else {
            Issue.record("run did not finish: \(outcome)")
            return
        }
        let progress = events.filter { if case .batchProgress = $0 { true } else { false } }
        #expect(progress.count == 1, "one report (the first) in 60 s")
    }
}

@Suite struct EventStreamTests {
    @Test func streamDeliversEveryEventAndEndsWithTheRun() async throws {
        let directory = Fixtures.temporaryDirectory("stream")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (events, sink) = TrainingEventStream.make()
        let run = try TrainingRun(
            config: Fixtures.config(epochs: 1, folds: [1]), dataset: Fixtures.shapes(trainPerClass: 10),
            runsDirectory: directory, events: sink
        )
        run.start()
        var received: [TrainingEvent] = []
        for await event in events { received.append(event) }
        guard case .runStarted = received.first, case .runFinished = received.last else {
            Issue.record("the stream did not run from runStarted to runFinished")
            return
        }
        #expect(received.contains { if case .epochFinished = $0 { true } else { false } })
    }
}
