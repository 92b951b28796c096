import Foundation
import Testing

@testable import Engine

@Suite struct ParallelTests {
    /// A batch smaller than the worker count leaves some workers idle; their buffers from the
    /// previous batch must not leak into this batch's gradients.
    @Test(.enabled(if: Parallel.workerCount > 1, "needs two workers to leave one idle"),
          arguments: [32, 4]) // the direct kernel and the im2col + GEMM path
    func aSmallBatchAfterALargeOneGetsOnlyItsOwnGradient(filters: Int) {
        var generator = RandomGenerator(seed: 4)
        let layer = Conv2D(inputChannels: 2, filters: filters, kernelSize: 3, padding: .same, activation: .relu)
        for index in 0 ..< layer.kernel.value.count { layer.kernel.value[index] = generator.uniform(-0.5, 0.5) }
        func gradient(batch: Int) -> [Float] {
            let values = (0 ..< batch * 72).map { _ in generator.uniform() }
            let input = Tensor(shape: [batch, 6, 6, 2], values: values)
            let output = layer.forward(input, training: true)
            let outputGradient = Tensor(
                shape: output.shape, values: (0 ..< output.count).map { _ in generator.uniform() }
            )
            layer.kernel.gradient.fill(0)
            layer.bias?.gradient.fill(0)
            _ = layer.backward(outputGradient, needsInputGradient: false)
            return layer.kernel.gradient.values
        }
        _ = gradient(batch: 4)
        let state = generator
        let afterLarge = gradient(batch: 1)
        generator = state
        let fresh = Conv2D(inputChannels: 2, filters: filters, kernelSize: 3, padding: .same, activation: .relu)
        fresh.kernel.value.pointer.update(from: layer.kernel.value.pointer, count: layer.kernel.value.count)
        let input = Tensor(shape: [1, 6, 6, 2], values: (0 ..< 72).map { _ in generator.uniform() })
        let output = fresh.forward(input, training: true)
        let outputGradient = Tensor(
            shape: output.shape, values: (0 ..< output.count).map { _ in generator.uniform() }
        )
        _ = fresh.backward(outputGradient, needsInputGradient: false)
        #expect(afterLarge == fresh.kernel.gradient.values)
    }

    @Test func oneWorkerHoldsOnlyOnItsThread() {
        let outside = Parallel.workerCount
        final class Seen: @unchecked Sendable { var count = 0 }
        let seen = Seen(), done = DispatchSemaphore(value: 0)
        Parallel.withOneWorker {
            #expect(Parallel.workerCount == 1)
            DispatchQueue.global().async { // another thread
                seen.count = Parallel.workerCount
                done.signal()
            }
            done.wait()
        }
        #expect(seen.count == outside, "another thread keeps the process's worker count")
        #expect(Parallel.workerCount == outside)
    }
}
