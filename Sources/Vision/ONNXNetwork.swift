import CVBridge
import Foundation

/// An ONNX model run by OpenCV's dnn module on the CPU: an independent check of fer's own
/// exported models, and an inference path that needs no Swift engine.
/// Thread-safe: forward passes are serialised.
public final class ONNXNetwork: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private let handle: OpaquePointer?

    public init(path: String) throws {
        var handle: OpaquePointer?
        let status = path.withCString { cvb_network_load_onnx($0, &handle) }
        guard status == CVB_OK else { throw VisionError.unreadableModel(detail: BridgeStatus.lastMessage) }
        self.path = path
        self.handle = handle
    }

    deinit {
        cvb_network_free(handle)
    }

    /// Runs the model on `input` laid out as `shape` (e.g. [N, 1, 48, 48], row-major) and
    /// returns the first output with its shape.
    public func forward(input: [Float], shape: [Int]) throws -> (values: [Float], shape: [Int]) {
        guard !shape.isEmpty, shape.count <= 8, shape.allSatisfy({ $0 > 0 && $0 <= Int(Int32.max) }) else {
            throw VisionError.invalidArgument(detail: "input shape \(shape) must have 1 to 8 positive sizes")
        }
        let (expected, overflow) = shape.dropFirst().reduce((shape[0], false)) { partial, size in
            let (product, overflowed) = partial.0.multipliedReportingOverflow(by: size)
            return (product, partial.1 || overflowed)
        }
        guard !overflow, expected == input.count else {
            throw VisionError.invalidArgument(
                detail: "input of \(input.count) values does not fill shape \(shape)")
        }
        let dimensions = shape.map { Int32($0) }
        return try lock.withLock {
            let status = input.withUnsafeBufferPointer {
                cvb_network_forward(handle, $0.baseAddress, dimensions, Int32(dimensions.count))
            }
            guard status == CVB_OK else {
                throw VisionError.inferenceFailed(detail: BridgeStatus.lastMessage)
            }
            var outputShape = [Int32](repeating: 0, count: 8)
            var outputDimensions: Int32 = 0
            try BridgeStatus.check(cvb_network_output_shape(handle, &outputShape, 8, &outputDimensions))
            let sizes = outputShape.prefix(Int(min(outputDimensions, 8))).map { Int($0) }
            let count = sizes.reduce(1, *)
            let values = try [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                try BridgeStatus.check(cvb_network_output_copy(handle, buffer.baseAddress, count))
                initialized = count
            }
            return (values, sizes)
        }
    }
}
