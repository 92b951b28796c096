/// Eight Float lanes: the unit of the engine's per-channel loops. Loads and stores past `end`
/// are partial, so one loop body serves any channel count (the last chunk is zero-padded).
typealias FloatVector = SIMD8<Float>

extension UnsafePointer<Float> {
    /// Lanes `index ..< min(index + 8, end)`, zero beyond `end`.
    @inline(__always)
    func vector(at index: Int, end: Int) -> FloatVector {
        if end - index >= FloatVector.scalarCount {
            return UnsafeRawPointer(self + index).loadUnaligned(as: FloatVector.self)
        }
        var lanes = FloatVector()
        for lane in 0 ..< end - index { lanes[lane] = self[index + lane] }
        return lanes
    }
}

extension UnsafeMutablePointer<Float> {
    @inline(__always)
    func vector(at index: Int, end: Int) -> FloatVector { UnsafePointer(self).vector(at: index, end: end) }

    /// Stores lanes `index ..< min(index + 8, end)`.
    @inline(__always)
    func store(_ lanes: FloatVector, at index: Int, end: Int) {
        if end - index >= FloatVector.scalarCount {
            UnsafeMutableRawPointer(self + index).storeBytes(of: lanes, as: FloatVector.self)
            return
        }
        for lane in 0 ..< end - index { self[index + lane] = lanes[lane] }
    }
}

/// Runs `body(offset)` for the vector offsets 0, 8, 16, … below `count`.
@inline(__always)
func forEachVector(_ count: Int, _ body: (Int) -> Void) {
    var offset = 0
    while offset < count {
        body(offset)
        offset += FloatVector.scalarCount
    }
}

// Lane-wise maximum, inlined: the standard library's `pointwiseMax` is an out-of-line call, and
// one generic over `SIMD` compiles to a loop of scalar compares; on the concrete types it is
// one compare and blend.

extension SIMD8<Float> {
    @inline(__always)
    func lanewiseMaximum(_ other: Self) -> Self { replacing(with: other, where: other .> self) }
}

extension SIMD16<Float> {
    @inline(__always)
    func lanewiseMaximum(_ other: Self) -> Self { replacing(with: other, where: other .> self) }
}
