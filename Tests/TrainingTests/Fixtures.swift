import Dataset
import Engine
import Foundation
import TestScratch
@testable import Training

/// Small data and models the tests make: 48×48 faces showing a horizontal bar, a vertical bar
/// or a square at a random place on a noisy background, and a tiny network that tells them apart.
enum Fixtures {
    static let classNames = ["horizontal", "vertical", "square"]

    /// `trainPerClass` training and `testPerClass` test images of each class, interleaved.
    static func shapes(trainPerClass: Int, testPerClass: Int = 0, seed: UInt64 = 3) throws -> FaceDataset {
        var random = RandomGenerator(seed: seed)
        let side = FaceDataset.imageSide
        var pixels: [UInt8] = [], labels: [UInt8] = [], splits: [Split] = []
        for split in [Split.train, .test] {
            for sample in 0 ..< 3 * (split == .train ? trainPerClass : testPerClass) {
                let label = sample % 3
                let x = random.nextInt(below: 18), y = random.nextInt(below: 18)
                for row in 0 ..< side {
                    for column in 0 ..< side {
                        let inside = switch label {
                        case 0: row >= y + 12 && row < y + 18 && column >= x && column < x + 30
                        case 1: column >= x + 12 && column < x + 18 && row >= y && row < y + 30
                        default: row >= y + 6 && row < y + 24 && column >= x + 6 && column < x + 24
                        }
                        let noise = random.nextInt(below: 40)
                        pixels.append(UInt8(inside ? 200 + noise : 20 + noise))
                    }
                }
                labels.append(UInt8(label))
                splits.append(split)
            }
        }
        return try FaceDataset(pixels: pixels, labels: labels, classNames: classNames, splits: splits)
    }

    /// Max-pools the face to 12×12 first, so a step costs little even in debug builds. With
    /// `batchNorm` it also has running statistics (learning gets slow: Keras's momentum 0.99
    /// needs many steps), for the resume tests, which need every kind of state but no accuracy.
    static func tinySpec(batchNorm: Bool = false) -> ModelSpec {
        let convolution: [LayerSpec] = batchNorm
            ? LayerSpec.convBatchNorm(16)
            : [.conv(16, padding: .same)]
        return ModelSpec(
            name: "tiny", inputShape: [48, 48, 1],
            layers: [.maxPool(size: 4)] + convolution + [
                .maxPool(size: 2), .flatten, .dense(units: 32, activation: .relu), .dropout(rate: 0.1),
                .dense(units: 3, activation: .linear),
            ],
            classNames: classNames
        )
    }

    static func config(
        epochs: Int = 6, folds: [Int]? = nil, learningRate: Float = 3e-3, keepLast: Int = 2,
        batchNorm: Bool = false
    ) -> TrainingConfig {
        TrainingConfig(
            preset: "tiny", model: tinySpec(batchNorm: batchNorm), epochs: epochs, batchSize: 8,
            optimizer: OptimizerConfig(kind: .adam, learningRate: learningRate), foldCount: 3, folds: folds,
            augmentation: AugmentationConfig(flipProbability: 0.5, maxShiftFraction: 0.05), seed: 11,
            keepLastCheckpoints: keepLast, evaluationBatchSize: 64
        )
    }

    /// A fresh folder under the system's temporary directory.
    static func temporaryDirectory(_ label: String) -> URL {
        ScratchFolder.url(label)
    }

    /// A new, empty run folder in a temporary directory, with the folder of `fold` created.
    static func runFolder(_ label: String, fold: Int) throws -> RunFolder {
        let folder = RunFolder(url: temporaryDirectory(label))
        let foldDirectory = folder.foldDirectory(fold)
        try FileManager.default.createDirectory(at: foldDirectory, withIntermediateDirectories: true)
        return folder
    }

    /// Events collected from the training queue.
    final class EventLog: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [TrainingEvent] = []

        func append(_ event: TrainingEvent) {
            lock.lock()
            stored.append(event)
            lock.unlock()
        }

        var events: [TrainingEvent] {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
    }

    /// A run that finished, with its events.
    struct FinishedRun: @unchecked Sendable {
        let config: TrainingConfig
        let dataset: FaceDataset
        let folder: RunFolder
        let summary: RunSummary
        let events: [TrainingEvent]
    }

    /// Lets an event sink act on the run it belongs to (attached before `start()`).
    final class RunHandle: @unchecked Sendable {
        private let lock = NSLock()
        private var attached: TrainingRun?

        func attach(_ run: TrainingRun) {
            lock.lock()
            attached = run
            lock.unlock()
        }

        var run: TrainingRun? {
            lock.lock()
            defer { lock.unlock() }
            return attached
        }
    }

    /// Starts `run` with its sink already attached and waits for the end.
    static func start(
        _ make: (@escaping @Sendable (TrainingEvent) -> Void) throws -> TrainingRun,
        onEvent: @escaping @Sendable (TrainingEvent, TrainingRun) -> Void = { _, _ in }
    ) throws -> (TrainingRun, TrainingOutcome, [TrainingEvent]) {
        let log = EventLog(), handle = RunHandle()
        let run = try make { event in
            log.append(event)
            if let run = handle.run { onEvent(event, run) }
        }
        handle.attach(run)
        run.start()
        let outcome = run.wait()
        return (run, outcome, log.events)
    }

    /// Trains `config` on `dataset` in a new run folder `name`, with a progress event every batch.
    static func train(
        _ config: TrainingConfig, on dataset: FaceDataset, in directory: URL, name: String = "run",
        onEvent: @escaping @Sendable (TrainingEvent, TrainingRun) -> Void = { _, _ in }
    ) throws -> (TrainingRun, TrainingOutcome, [TrainingEvent]) {
        try start({ sink in
            try TrainingRun(
                config: config, dataset: dataset, runsDirectory: directory, name: name, progressInterval: 0,
                events: sink
            )
        }, onEvent: onEvent)
    }

    /// One 3-fold run with a test split, shared by the tests that only inspect its results.
    static let endToEnd: Result<FinishedRun, any Error> = Result { () throws -> FinishedRun in
        let config = Fixtures.config(epochs: 8, learningRate: 1e-2)
        let dataset = try shapes(trainPerClass: 50, testPerClass: 10)
        let (run, outcome, events) = try train(config, on: dataset, in: temporaryDirectory("end-to-end"))
        guard case let .finished(summary) = outcome else {
            throw TrainingError.invalidInput("the shared run did not finish: \(outcome)")
        }
        return FinishedRun(
            config: config, dataset: dataset, folder: run.folder, summary: summary, events: events
        )
    }
}
