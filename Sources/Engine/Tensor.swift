/// A dense Float32 array with a shape, row-major (images are NHWC: `[N, H, W, C]`).
///
/// A reference type whose storage is reused: a layer owns its output tensor and rewrites it
/// on the next call, so a training step allocates nothing once shapes are known.
public final class Tensor: @unchecked Sendable {
    public private(set) var shape: [Int]
    public private(set) var count: Int
    public private(set) var pointer: UnsafeMutablePointer<Float>
    private var capacity: Int

    public init(shape: [Int], repeating value: Float = 0) {
        self.shape = shape
        count = shape.reduce(1, *)
        capacity = max(count, 1)
        pointer = .allocate(capacity: capacity)
        pointer.initialize(repeating: value, count: capacity)
    }

    public convenience init(shape: [Int], values: [Float]) {
        self.init(shape: shape)
        precondition(values.count == count, "Tensor: \(values.count) values for shape \(shape)")
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: count) }
    }

    deinit { pointer.deallocate() }

    /// Gives the tensor a new shape, growing storage when needed (new contents unspecified).
    public func resize(to newShape: [Int]) {
        guard newShape != shape else { return }
        let newCount = newShape.reduce(1, *)
        if newCount > capacity {
            pointer.deallocate()
            capacity = newCount
            pointer = .allocate(capacity: capacity)
            pointer.initialize(repeating: 0, count: capacity)
        }
        shape = newShape
        count = newCount
    }

    /// The batch size (first dimension) and the size of one sample.
    public var batchSize: Int { shape.first ?? 0 }
    public var sampleSize: Int { shape.count > 1 ? count / max(shape[0], 1) : count }

    public var values: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    public subscript(index: Int) -> Float {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }

    public func fill(_ value: Float) { pointer.update(repeating: value, count: count) }

    public func copy(from other: Tensor) {
        resize(to: other.shape)
        pointer.update(from: other.pointer, count: count)
    }

    public func copy() -> Tensor {
        let result = Tensor(shape: shape)
        result.pointer.update(from: pointer, count: count)
        return result
    }
}
