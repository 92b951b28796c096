import Foundation
import Testing
@testable import Engine

/// Checkpoints stored with 16-bit floats (`fer export --half`), and model-only copies.
@Suite struct HalfPrecisionCheckpointTests {
    func trained() throws -> (Model, Adam) {
        try CheckpointTests().trainedModel()
    }

    @Test func halfPrecisionStoresRoundedValuesInHalfTheBytes() throws {
        let (model, _) = try trained()
        let checkpoint = Checkpoint(model: model, metadata: CheckpointMetadata(spec: model.spec))
        let full = try checkpoint.encoded(), half = try checkpoint.encoded(precision: .float16)
        let payload = model.namedVariables.reduce(0) { $0 + $1.1.value.values.count }
        #expect(full.count - half.count == 2 * payload)

        let restored = try Checkpoint.decode(half, source: "half.safetensors").makeModel()
        for ((name, original), (_, loaded)) in zip(model.namedVariables, restored.namedVariables) {
            #expect(loaded.value.values == original.value.values.map { Float(Float16($0)) }, "\(name)")
            #expect(loaded.value.values != original.value.values, "\(name) was not rounded")
        }
        let (images, _) = TrainingBehaviourTests.shapes(count: 8, seed: 3)
        let exact = model.predict(images).values, rounded = restored.predict(images).values
        let largest = zip(exact, rounded).map { abs($0 - $1) }.max() ?? .infinity
        #expect(largest < 1e-2, "probabilities moved by \(largest)")
    }

    @Test func valuesBeyondTheHalfRangeAreRefused() throws {
        let (model, _) = try trained()
        var checkpoint = Checkpoint(model: model, metadata: CheckpointMetadata(spec: model.spec))
        let name = try #require(checkpoint.tensors.keys.sorted().first)
        checkpoint.tensors[name]?.values[0] = 70_000
        #expect(throws: Checkpoint.HalfPrecisionOverflow.self) { try checkpoint.encoded(precision: .float16) }
        #expect(throws: Never.self) { try checkpoint.encoded(precision: .float32) }
    }

    @Test func halfEntryWithTheWrongByteCountIsCorrupt() throws {
        let (model, _) = try trained()
        let bytes = try Checkpoint(model: model, metadata: CheckpointMetadata(spec: model.spec)).encoded()
        // Relabel every entry as F16 in the header: the byte counts no longer match the shapes.
        let headerEnd = 8 + Int(bytes.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        let header = String(decoding: bytes[8 ..< headerEnd], as: UTF8.self)
        let text = bytes.prefix(8) + Data(header.replacingOccurrences(of: "\"F32\"", with: "\"F16\"").utf8)
            + bytes[headerEnd...]
        #expect(throws: CheckpointError.self) { try Checkpoint.decode(Data(text), source: "relabelled.safetensors") }
        do {
            _ = try Checkpoint.decode(Data(text), source: "relabelled.safetensors")
        } catch {
            #expect("\(error)".contains("is malformed"), "\(error)")
        }
    }

    @Test func modelOnlyDropsTheTrainingState() throws {
        let (model, optimizer) = try trained()
        var metadata = CheckpointMetadata(spec: model.spec)
        metadata.resume = .object(["fold": .number(2)])
        let snapshot = Checkpoint(model: model, metadata: metadata, optimizer: (optimizer, .kerasAdam))
        #expect(snapshot.tensors.keys.contains { $0.hasPrefix("optimizer.") })

        let exported = snapshot.modelOnly
        #expect(exported.metadata.optimizer == nil)
        #expect(exported.metadata.resume == nil)
        #expect(exported.metadata.dropoutGenerators == nil)
        #expect(Set(exported.tensors.keys) == Set(model.namedVariables.map(\.0)))
        #expect(throws: CheckpointError.self) { try exported.restoreTraining(model: model, optimizer: Adam()) }
    }
}
