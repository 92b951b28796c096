import Foundation
import Testing

@testable import Vision

/// tiny_cnn.onnx and tiny_cnn.json are made by Fixtures/make_tiny_cnn.py: the reference
/// outputs come from explicit numpy loops (float64), not from any ONNX runtime.
@Suite struct ONNXNetworkTests {
    struct Reference: Decodable {
        var inputShape: [Int]
        var input: [Float]
        var outputShape: [Int]
        var output: [Double]
    }

    static var modelPath: String {
        TestSupport.fixturesDirectory.appendingPathComponent("tiny_cnn.onnx").path
    }

    static func reference() throws -> Reference {
        let data = try Data(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent("tiny_cnn.json"))
        return try JSONDecoder().decode(Reference.self, from: data)
    }

    @Test func forwardMatchesIndependentReference() throws {
        let reference = try Self.reference()
        let network = try ONNXNetwork(path: Self.modelPath)
        let result = try network.forward(input: reference.input, shape: reference.inputShape)
        #expect(result.shape == reference.outputShape)
        #expect(result.values.count == reference.output.count)
        for (index, value) in result.values.enumerated() where index < reference.output.count {
            #expect(abs(Double(value) - reference.output[index]) < 1e-4, "output \(index)")
        }
    }

    @Test func singleSampleMatchesTheFirstRowOfTheBatch() throws {
        let reference = try Self.reference()
        let network = try ONNXNetwork(path: Self.modelPath)
        let single = try network.forward(input: Array(reference.input.prefix(64)), shape: [1, 1, 8, 8])
        #expect(single.shape == [1, 7])
        for index in 0..<7 {
            #expect(abs(Double(single.values[index]) - reference.output[index]) < 1e-4)
        }
    }

    @Test func badModelsAndInputsAreReported() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.onnx").path
        #expect(throws: VisionError.unreadableModel(detail: "model '\(missing)' not found")) {
            try ONNXNetwork(path: missing)
        }
        let garbage = directory.appendingPathComponent("garbage.onnx")
        try Data("definitely not protobuf".utf8).write(to: garbage)
        #expect {
            try ONNXNetwork(path: garbage.path)
        } throws: { error in
            "\(error)".contains("is not an ONNX model OpenCV can load")
        }
        let network = try ONNXNetwork(path: Self.modelPath)
        #expect(throws: VisionError.self) { try network.forward(input: [1, 2, 3], shape: [1, 1, 8, 8]) }
        #expect(throws: VisionError.self) { try network.forward(input: [], shape: []) }
        #expect {
            try network.forward(input: [Float](repeating: 0, count: 100), shape: [1, 1, 10, 10])
        } throws: { error in
            guard case .inferenceFailed = error as? VisionError else { return false }
            return true
        }
    }
}
