import Foundation
import TestScratch
import Testing
@testable import Engine

@Suite struct CheckpointTests {
    let folder = ScratchFolder.url("checkpoints")

    func trainedModel() throws -> (Model, Adam) {
        let (model, _) = try TrainingBehaviourTests.train(epochs: 1, seed: 4)
        let optimizer = Adam()
        model.zeroGradients()
        let (images, labels) = TrainingBehaviourTests.shapes(count: 8, seed: 1)
        let loss = SoftmaxCrossEntropy()
        _ = loss.forward(model.forward(images, training: true), labels: labels)
        model.backward(loss.backward())
        optimizer.step(model.parameters, learningRate: 1e-3)
        return (model, optimizer)
    }

    func metadata(_ model: Model) -> CheckpointMetadata {
        var metadata = CheckpointMetadata(spec: model.spec)
        metadata.metrics = ["val_accuracy": 0.75, "epoch": 3]
        metadata.training = .object(["batch_size": .number(32), "augment": .bool(false)])
        return metadata
    }

    @Test func roundTripIsBitExact() throws {
        let (model, optimizer) = try trainedModel()
        let url = folder.appendingPathComponent("model.safetensors")
        try Checkpoint(model: model, metadata: metadata(model), optimizer: (optimizer, .kerasAdam)).write(to: url)
        let loaded = try Checkpoint.read(from: url)
        let copy = try loaded.makeModel()
        for ((name, original), (_, restored)) in zip(model.namedVariables, copy.namedVariables) {
            #expect(original.value.values == restored.value.values, "\(name) differs after reload")
        }
        #expect(loaded.metadata.metrics == ["val_accuracy": 0.75, "epoch": 3])
        #expect(loaded.metadata.training == metadata(model).training)
        #expect(loaded.metadata.spec == model.spec)
        let resumedOptimizer = Adam()
        try loaded.restoreTraining(model: copy, optimizer: resumedOptimizer)
        #expect(resumedOptimizer.step == 1)
        #expect(resumedOptimizer.firstMoments.map(\.values) == optimizer.firstMoments.map(\.values))
        #expect(resumedOptimizer.secondMoments.map(\.values) == optimizer.secondMoments.map(\.values))
        #expect(copy.dropoutGenerators == model.dropoutGenerators)
        let (images, _) = TrainingBehaviourTests.shapes(count: 4, seed: 7)
        #expect(copy.predict(images).values == model.predict(images).values)
        // No temporary files left beside the checkpoint.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.safetensors"])
    }

    @Test func resumedTrainingMatchesUninterruptedTraining() throws {
        let (images, labels) = TrainingBehaviourTests.shapes(count: 32, seed: 2)
        func steps(_ model: Model, _ optimizer: Adam, _ count: Int) {
            let loss = SoftmaxCrossEntropy()
            for _ in 0 ..< count {
                model.zeroGradients()
                _ = loss.forward(model.forward(images, training: true), labels: labels)
                model.backward(loss.backward())
                optimizer.step(model.parameters, learningRate: 1e-3)
            }
        }
        let straight = try Model(spec: TrainingBehaviourTests.tinySpec, seed: 3), straightOptimizer = Adam()
        steps(straight, straightOptimizer, 6)
        let first = try Model(spec: TrainingBehaviourTests.tinySpec, seed: 3), firstOptimizer = Adam()
        steps(first, firstOptimizer, 3)
        let bytes = try Checkpoint(model: first, metadata: metadata(first), optimizer: (firstOptimizer, .kerasAdam)).encoded()
        let checkpoint = try Checkpoint.decode(bytes, source: "memory")
        let resumed = try checkpoint.makeModel(), resumedOptimizer = Adam()
        try checkpoint.restoreTraining(model: resumed, optimizer: resumedOptimizer)
        steps(resumed, resumedOptimizer, 3)
        for ((name, a), (_, b)) in zip(straight.namedVariables, resumed.namedVariables) {
            #expect(a.value.values == b.value.values, "\(name) differs between resumed and straight runs")
        }
    }

    func encoded() throws -> Data {
        let model = try Model(spec: TrainingBehaviourTests.tinySpec, seed: 1)
        return try Checkpoint(model: model, metadata: metadata(model)).encoded()
    }

    @Test func truncatedFilesAreRejected() throws {
        let bytes = try encoded()
        for length in [0, 5, 40, bytes.count / 2, bytes.count - 4] {
            #expect(throws: CheckpointError.self, "length \(length)") {
                try Checkpoint.decode(bytes.prefix(length), source: "cut.safetensors")
            }
        }
        do {
            _ = try Checkpoint.decode(bytes.prefix(bytes.count - 4), source: "cut.safetensors")
        } catch {
            #expect("\(error)".contains("truncated"), "\(error)")
        }
    }

    @Test func flippedDataByteFailsTheChecksum() throws {
        var bytes = try encoded()
        bytes[bytes.count - 10] ^= 0x40
        #expect(throws: CheckpointError.self) { try Checkpoint.decode(bytes, source: "flip.safetensors") }
        do {
            _ = try Checkpoint.decode(bytes, source: "flip.safetensors")
        } catch {
            #expect("\(error)".contains("checksum mismatch"))
        }
    }

    @Test func otherFilesAreNotCheckpoints() {
        let text = Data("emotion,pixels,Usage\n0,1 2 3,Training\n".utf8)
        #expect(throws: CheckpointError.notACheckpoint(path: "notes.csv")) {
            try Checkpoint.decode(text, source: "notes.csv")
        }
        #expect(throws: CheckpointError.notFound(path: "/nonexistent/model.safetensors")) {
            try Checkpoint.read(from: URL(fileURLWithPath: "/nonexistent/model.safetensors"))
        }
    }

    @Test func newerFormatIsRejectedWithAClearMessage() throws {
        let model = try Model(spec: TrainingBehaviourTests.tinySpec, seed: 1)
        var future = metadata(model)
        future.formatVersion = 99
        let bytes = try Checkpoint(model: model, metadata: future).encoded()
        #expect(throws: CheckpointError.newerFormat(path: "new.safetensors", version: 99, supported: 1)) {
            try Checkpoint.decode(bytes, source: "new.safetensors")
        }
    }

    @Test func wrongArchitectureIsRejected() throws {
        let checkpoint = try Checkpoint.decode(encoded(), source: "tiny.safetensors")
        let seed = try Model(spec: .seed())
        #expect(throws: CheckpointError.self) { try checkpoint.restore(into: seed, source: "tiny.safetensors") }
        do {
            try checkpoint.restore(into: seed, source: "tiny.safetensors")
        } catch {
            #expect("\(error)".contains("does not fit the model"))
        }
        #expect(throws: CheckpointError.self) {
            try checkpoint.restoreTraining(model: seed, optimizer: Adam(), source: "tiny.safetensors")
        }
    }
}
