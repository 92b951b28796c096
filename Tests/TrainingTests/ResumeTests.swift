import Dataset
import Engine
import Foundation
import Testing
@testable import Training

@Suite struct ResumeTests {
    /// Two folds of three epochs with BatchNorm, Dropout and augmentation, so every kind of
    /// state (weights, running statistics, Adam moments, dropout generators, data order,
    /// augmentation draws) must survive a resume for the weights to match bit for bit.
    static let config = Fixtures.config(epochs: 3, folds: [1, 2], batchNorm: true)

    static func weights(
        _ folder: RunFolder, fold: Int, file: String
    ) throws -> [String: Checkpoint.StoredTensor] {
        try Checkpoint.read(from: folder.foldDirectory(fold).appendingPathComponent(file)).tensors
    }

    /// Metrics without the timing columns, which differ between runs.
    static func scores(_ folder: RunFolder) throws -> [String] {
        try String(contentsOf: folder.metricsCSVFile, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",").prefix(7).joined(separator: ",") }
    }

    /// Continues `folder`'s run until `shouldCancel` says to stop (or to the end).
    static func resume(
        _ folder: RunFolder, dataset: FaceDataset,
        cancelWhen shouldCancel: @escaping @Sendable (TrainingEvent) -> Bool
    ) throws -> (TrainingOutcome, [TrainingEvent]) {
        let (_, outcome, events) = try Fixtures.start({ sink in
            try TrainingRun.resuming(
                runDirectory: folder.url, dataset: dataset, progressInterval: 0, events: sink
            )
        }, onEvent: { event, run in if shouldCancel(event) { run.cancel() } })
        return (outcome, events)
    }

    @Test func resumeAfterCancelGivesBitIdenticalWeights() throws {
        let directory = Fixtures.temporaryDirectory("resume")
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Fixtures.shapes(trainPerClass: 30, testPerClass: 4)
        let (straight, straightOutcome, _) = try Fixtures.train(
            Self.config, on: dataset, in: directory, name: "straight"
        )
        guard case .finished = straightOutcome else {
            Issue.record("the uninterrupted run did not finish: \(straightOutcome)")
            return
        }

        // Session 1: cancelled in the middle of fold 1, epoch 2, after its third batch.
        let (interrupted, first, _) = try Fixtures.train(
            Self.config, on: dataset, in: directory, name: "resumed"
        ) { event, run in
            guard case let .batchProgress(progress) = event else { return }
            if (progress.fold, progress.epoch, progress.batch) == (1, 2, 3) { run.cancel() }
        }
        guard case let .cancelled(cancelled) = first else {
            Issue.record("session 1 was not cancelled: \(first)")
            return
        }
        #expect(cancelled.position == TrainingPosition(fold: 1, epoch: 2, batch: 3))
        #expect(FileManager.default.fileExists(atPath: cancelled.resumeCheckpoint))

        // Session 2 stops as fold 2 starts (a fresh model, batch 0); session 3 at an epoch's end.
        let foldTwoStarts: @Sendable (TrainingEvent) -> Bool = {
            if case let .foldStarted(started) = $0 { started.fold == 2 } else { false }
        }
        let foldTwoEpochTwoEnds: @Sendable (TrainingEvent) -> Bool = {
            guard case let .epochFinished(finished) = $0 else { return false }
            return finished.metrics.fold == 2 && finished.metrics.epoch == 2
        }
        let stops = [
            (foldTwoStarts, TrainingPosition(fold: 2, epoch: 1, batch: 0)),
            (foldTwoEpochTwoEnds, TrainingPosition(fold: 2, epoch: 3, batch: 0)),
        ]
        for (shouldCancel, expected) in stops {
            let (outcome, events) = try Self.resume(
                interrupted.folder, dataset: dataset, cancelWhen: shouldCancel
            )
            guard case let .cancelled(cancelled) = outcome, case let .runStarted(started) = events.first
            else {
                Issue.record("a resumed session was not cancelled: \(outcome)")
                return
            }
            #expect(started.resumedAt != nil)
            #expect(started.history.map(\.fold).contains(1), "the epochs before the resume point come along")
            #expect(started.history.allSatisfy { $0.fold < started.resumedAt!.fold || $0.epoch < started.resumedAt!.epoch })
            #expect(cancelled.position == expected)
        }

        // Session 4: to the end.
        let (last, _) = try Self.resume(interrupted.folder, dataset: dataset) { _ in false }
        guard case let .finished(summary) = last else {
            Issue.record("the last session did not finish: \(last)")
            return
        }
        for fold in [1, 2] {
            for file in ["epoch-3.safetensors", "best.safetensors"] {
                let expected = try Self.weights(straight.folder, fold: fold, file: file)
                let resumed = try Self.weights(interrupted.folder, fold: fold, file: file)
                #expect(Set(resumed.keys) == Set(expected.keys))
                let differing = expected.keys.filter { resumed[$0] != expected[$0] }.sorted()
                #expect(differing.isEmpty, "fold \(fold) \(file): \(differing) differ after resuming")
            }
        }
        #expect(try Self.scores(interrupted.folder) == Self.scores(straight.folder))
        let straightSummary = try straight.folder.readSummary()
        #expect(straightSummary.folds.map(\.best.epoch) == summary.folds.map(\.best.epoch))
        #expect(straightSummary.ensembleTest == summary.ensembleTest)
        #expect(!FileManager.default.fileExists(atPath: interrupted.folder.resumeCheckpoint.path))
    }

    @Test func finishedRunsAndOtherDataCannotBeResumed() throws {
        let directory = Fixtures.temporaryDirectory("resume-refused")
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Fixtures.shapes(trainPerClass: 10)
        let config = Fixtures.config(epochs: 2, folds: [1])
        let (cancelledRun, outcome, _) = try Fixtures.train(
            config, on: dataset, in: directory, name: "cancelled"
        ) { event, run in
            if case .epochFinished = event { run.cancel() }
        }
        guard case .cancelled = outcome else {
            Issue.record("not cancelled: \(outcome)")
            return
        }
        let other = try Fixtures.shapes(trainPerClass: 10, seed: 99)
        #expect {
            try TrainingRun.resuming(runDirectory: cancelledRun.folder.url, dataset: other) { _ in }
        } throws: { error in
            "\(error)".contains("dataset differs")
        }

        let (finishedRun, finished, _) = try Fixtures.train(
            config, on: dataset, in: directory, name: "finished"
        )
        guard case .finished = finished else {
            Issue.record("not finished: \(finished)")
            return
        }
        #expect {
            try TrainingRun.resuming(runDirectory: finishedRun.folder.url, dataset: dataset) { _ in }
        } throws: { error in
            "\(error)".contains("already finished")
        }
        let nothing = directory.appendingPathComponent("nothing")
        #expect(throws: TrainingError.self) {
            try TrainingRun.resuming(runDirectory: nothing, dataset: dataset) { _ in }
        }
    }

    @Test func aRunFolderTrainsInOneProcessAtATime() throws {
        let directory = Fixtures.temporaryDirectory("resume-locked")
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Fixtures.shapes(trainPerClass: 10)
        let (cancelledRun, outcome, _) = try Fixtures.train(
            Fixtures.config(epochs: 2, folds: [1]), on: dataset, in: directory, name: "cancelled"
        ) { event, run in
            if case .epochFinished = event { run.cancel() }
        }
        guard case .cancelled = outcome else {
            Issue.record("not cancelled: \(outcome)")
            return
        }
        let folder = cancelledRun.folder
        #expect(RunLock.holder(of: folder) == nil, "the lock ends with the run")
        let leftover = folder.foldDirectory(1).appendingPathComponent(".curves.png.tmp-1-2")
        try Data("half a file".utf8).write(to: leftover)

        var first: TrainingRun? = try TrainingRun.resuming(runDirectory: folder.url, dataset: dataset) { _ in }
        #expect(first != nil)
        #expect(RunLock.holder(of: folder) == getpid())
        #expect(!FileManager.default.fileExists(atPath: leftover.path), "a killed write's temp file is cleaned")
        #expect {
            try TrainingRun.resuming(runDirectory: folder.url, dataset: dataset) { _ in }
        } throws: { error in
            "\(error)".contains("training in another process (pid \(getpid()))")
        }
        first = nil
        #expect(RunLock.holder(of: folder) == nil)
        #expect(throws: Never.self) { try TrainingRun.resuming(runDirectory: folder.url, dataset: dataset) { _ in } }
    }

    @Test func pauseStopsTrainingUntilResumed() throws {
        let directory = Fixtures.temporaryDirectory("pause")
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try Fixtures.shapes(trainPerClass: 10)
        let log = Fixtures.EventLog()
        let run = try TrainingRun(
            config: Fixtures.config(epochs: 1, folds: [1]), dataset: dataset, runsDirectory: directory,
            progressInterval: 0
        ) { log.append($0) }
        run.pause()
        #expect(run.isPaused)
        run.start()
        // The run stops at its first batch boundary and stays there.
        func isPaused(_ event: TrainingEvent) -> Bool { if case .paused = event { true } else { false } }
        let deadline = Date().addingTimeInterval(5)
        while !log.events.contains(where: isPaused), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.2)
        let whilePaused = log.events
        #expect(whilePaused.count == 3, "runStarted, foldStarted, paused; got \(whilePaused.count) events")
        #expect(run.outcome == nil)
        run.resume()
        guard case .finished = run.wait() else {
            Issue.record("the run did not finish after resuming")
            return
        }
        let events = log.events
        let pausedAt = events.firstIndex(where: isPaused)
        let resumedAt = events.firstIndex { if case .resumed = $0 { true } else { false } }
        #expect(pausedAt != nil && resumedAt == pausedAt.map { $0 + 1 })
    }
}
