import Dataset
import Foundation
import Terminal
import Training

/// Measures how long one training-dashboard frame takes to build, for `fer bench --ui`.
///
/// The dashboard is fed the real events of a small training run (synthetic shapes, 3 folds of
/// 6 epochs, trained first and not timed), then the whole app frame is rendered `frames` times
/// at the given size, and the buffer diff the curses backend computes is timed separately.
/// Build in release mode for real figures.
public enum UIBenchmark {
    public struct Result: Codable, Sendable {
        public let width: Int
        public let height: Int
        public let frames: Int
        /// Median milliseconds to render one frame into a buffer.
        public let renderMilliseconds: Double
        /// Median milliseconds to diff a frame against the previous one.
        public let diffMilliseconds: Double
        /// Fastest single render, in milliseconds.
        public let fastestRenderMilliseconds: Double
        /// Cells the backend would redraw per frame (views alternate, so most change).
        public let changedCellsPerFrame: Int
    }

    public static func run(width: Int = 200, height: Int = 60, frames: Int = 200) throws -> Result {
        var state = AppState(screen: .dashboard(DashboardScreen(request: "benchmark")),
                             size: Size(width: width, height: height), capabilities: .truecolor)
        for event in try trainingEvents() { _ = AppUpdate.update(&state, .training(event)) }
        let theme = Theme(capabilities: state.capabilities)
        let clock = ContinuousClock()
        var renders: [Double] = []
        var diffs: [Double] = []
        var previous = AppView.frame(state, theme: theme)
        var changedCells = 0
        for index in 0..<max(1, frames) {
            // Alternate views so every frame differs from the last, as during training.
            _ = AppUpdate.update(&state, .key(index % 2 == 0 ? .character("v") : .backTab))
            let start = clock.now
            let frame = AppView.frame(state, theme: theme)
            let rendered = clock.now
            let changes = frame.diff(from: previous)
            let diffed = clock.now
            changedCells += changes.count
            renders.append(milliseconds(rendered - start))
            diffs.append(milliseconds(diffed - rendered))
            previous = frame
        }
        return Result(width: width, height: height, frames: renders.count,
                      renderMilliseconds: median(renders), diffMilliseconds: median(diffs),
                      fastestRenderMilliseconds: renders.min() ?? 0,
                      changedCellsPerFrame: changedCells / renders.count)
    }

    /// Every event of a short run on synthetic faces (its run folder is removed afterwards).
    static func trainingEvents() throws -> [TrainingEvent] {
        let dataset = try SyntheticFaces.dataset(trainPerClass: 12)
        var config = TrainingConfig.seedRecipe.withEpochs(6)
        config.foldCount = 3
        config.batchSize = 16
        let runs = FileManager.default.temporaryDirectory
            .appendingPathComponent("fer-ui-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: runs) }
        let collected = EventCollector()
        let run = try TrainingRun(config: config, dataset: dataset, runsDirectory: runs, progressInterval: 0,
                                  events: { collected.append($0) })
        run.start()
        _ = run.wait()
        return collected.events
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) * 1e-15
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

/// Gathers events from the training queue.
private final class EventCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [TrainingEvent] = []

    func append(_ event: TrainingEvent) {
        lock.lock()
        collected.append(event)
        lock.unlock()
    }

    var events: [TrainingEvent] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
