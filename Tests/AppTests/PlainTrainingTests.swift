import Dataset
import Foundation
import Testing
import Vision
@testable import App
@testable import Training

@Suite struct PlainTrainingTests {
    @Test func printsKerasLikeLinesAndFinishes() throws {
        let folder = try TemporaryFolder()
        for (label, name) in ["square", "disc", "cross"].enumerated() {
            for index in 0..<6 {
                let pixels = SyntheticFaces.image(shape: label, seed: UInt64(index + 1))
                let image = try Vision.GrayImage(width: 48, height: 48, pixels: pixels)
                try image.write(to: try folder.file("faces/\(name)/\(index).png"))
            }
        }
        var config = TrainingConfig.seedRecipe.withEpochs(1)
        config.foldCount = 2
        config.batchSize = 8
        let request = TrainingRequest(dataPath: folder.path + "/faces", config: config,
                                      runsDirectory: folder.path + "/runs", runName: "plain",
                                      loadOptions: LoadOptions(cache: .disabled))
        let lines = Lines()
        let outcome = try PlainTraining.run(request, handlesInterrupts: false) { lines.append($0) }
        guard case .finished(let summary) = outcome else {
            Issue.record("finished expected: \(outcome)")
            return
        }
        #expect(summary.folds.count == 2)
        let text = lines.all.joined(separator: "\n")
        #expect(text.hasPrefix("Loading \(folder.path)/faces"))
        #expect(text.contains("Fold 1/2"))
        #expect(text.contains("Epoch 1/1"))
        #expect(text.contains("Finished in"))
        #expect(folder.exists("runs/plain/summary.json"))
    }

    @Test func unreadableDataFailsBeforeTraining() {
        let request = TrainingRequest(dataPath: "/no/such/faces", config: .seedRecipe,
                                      runsDirectory: "/tmp/none", loadOptions: LoadOptions(cache: .disabled))
        #expect(throws: DatasetError.self) { try PlainTraining.run(request, handlesInterrupts: false) { _ in } }
    }
}

/// Lines written from the printer's queue.
private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
