import Foundation
import Testing
@testable import Engine

/// Every layer's backward agrees with central differences (tolerance 2e-3, relative to
/// max(1, |gradient|)); Float32 forward passes limit how tight this can be.
@Suite struct LayerGradientTests {
    let tolerance = 2e-3

    private func randomize(_ parameters: [Parameter], seed: UInt64) {
        var generator = RandomGenerator(seed: seed)
        for parameter in parameters {
            for index in 0 ..< parameter.value.count { parameter.value[index] = generator.normal() * 0.5 }
        }
    }

    @Test(arguments: [
        (3, 1, Padding.valid, Activation.linear), (3, 1, .same, .linear), (3, 2, .same, .linear),
        (3, 2, .valid, .relu), (1, 1, .valid, .linear), (5, 1, .same, .relu), (2, 2, .same, .linear),
    ])
    func conv2D(kernelSize: Int, stride: Int, padding: Padding, activation: Activation) {
        let layer = Conv2D(inputChannels: 2, filters: 3, kernelSize: kernelSize, stride: stride,
                           padding: padding, activation: activation)
        randomize(layer.parameters, seed: 7)
        let check = GradientCheck(layer: layer, shape: [2, 6, 5, 2], step: 1e-3)
        #expect(check.maxDifferences.count == 3)
        #expect(check.worst < tolerance, "Conv2D k\(kernelSize) s\(stride) \(padding): \(check.report)")
    }

    @Test(arguments: [(1, Padding.valid), (1, .same), (2, .same), (2, .valid)])
    func singleChannelConvolution(stride: Int, padding: Padding) {
        let layer = Conv2D(inputChannels: 1, filters: 4, kernelSize: 3, stride: stride, padding: padding, activation: .linear)
        randomize(layer.parameters, seed: 12)
        let check = GradientCheck(layer: layer, shape: [3, 7, 6, 1], step: 1e-3)
        #expect(check.maxDifferences.count == 3)
        #expect(check.worst < tolerance, "single-channel Conv2D s\(stride) \(padding): \(check.report)")
    }

    /// 32 filters and 32 input channels: forward, kernel and input gradients all take
    /// `DirectConvolution` (linear: a step large enough for these sums would cross ReLU's kink;
    /// the fused ReLU is checked against the reference in `ConvolutionTests`).
    @Test(arguments: [(1, Padding.same, Activation.linear), (1, .valid, .linear), (2, .same, .linear)])
    func directConvolution(stride: Int, padding: Padding, activation: Activation) {
        let layer = Conv2D(inputChannels: 32, filters: 32, kernelSize: 3, stride: stride, padding: padding,
                           activation: activation)
        randomize(layer.parameters, seed: 9)
        // Sums of 288 Float32 products: a larger step keeps rounding out of the differences.
        let check = GradientCheck(layer: layer, shape: [1, 4, 3, 32], step: 1e-2)
        #expect(check.maxDifferences.count == 3)
        #expect(check.worst < tolerance, "direct Conv2D s\(stride) \(padding): \(check.report)")
    }

    /// The Winograd path's gradients against finite differences of its own forward pass,
    /// partial tiles included (5×3 images).
    @Test func winogradConvolution() {
        let layer = Conv2D(inputChannels: 8, filters: 16, kernelSize: 3, padding: .same, path: .winograd)
        randomize(layer.parameters, seed: 12)
        let check = GradientCheck(layer: layer, shape: [2, 5, 3, 8], step: 1e-2)
        #expect(check.maxDifferences.count == 3)
        #expect(check.worst < tolerance, "Winograd Conv2D: \(check.report)")
    }

    @Test func convolutionWithoutBias() {
        let layer = Conv2D(inputChannels: 3, filters: 4, kernelSize: 3, padding: .same, useBias: false)
        randomize(layer.parameters, seed: 3)
        let check = GradientCheck(layer: layer, shape: [3, 4, 4, 3], step: 1e-3)
        #expect(check.maxDifferences.keys.sorted() == ["input", "kernel"])
        #expect(check.worst < tolerance, "\(check.report)")
    }

    @Test func maxPool() {
        let check = GradientCheck(layer: MaxPool2D(poolSize: 2), shape: [2, 5, 4, 3], step: 1e-3)
        #expect(check.worst < tolerance, "\(check.report)")
    }

    @Test(arguments: [2, 3])
    func averagePool(size: Int) {
        let check = GradientCheck(layer: AveragePool2D(poolSize: size), shape: [2, 7, 6, 3], step: 1e-3)
        #expect(check.worst < tolerance, "\(check.report)")
    }

    @Test func averagePoolAveragesWindowsAndDropsTheRemainder() {
        let layer = AveragePool2D(poolSize: 2)
        // One 3×5 image with two channels: channel 0 counts up, channel 1 is 10× channel 0.
        let values = (0 ..< 15).flatMap { [Float($0), Float($0) * 10] }
        let output = layer.forward(Tensor(shape: [1, 3, 5, 2], values: values), training: false)
        #expect(output.shape == [1, 1, 2, 2])
        #expect(output.values == [3, 30, 5, 50])
    }

    @Test(arguments: [Activation.linear, .relu])
    func dense(activation: Activation) {
        let layer = Dense(inputFeatures: 6, units: 4, activation: activation)
        randomize(layer.parameters, seed: 5)
        let check = GradientCheck(layer: layer, shape: [5, 6], step: 1e-3)
        #expect(check.maxDifferences.count == 3)
        #expect(check.worst < tolerance, "\(check.report)")
    }

    @Test func relu() {
        let check = GradientCheck(layer: ReLU(), shape: [3, 7], step: 1e-3)
        #expect(check.worst < tolerance, "\(check.report)")
    }

    @Test(arguments: [[6, 4], [3, 3, 2, 4]])
    func batchNorm(shape: [Int]) {
        let layer = BatchNorm(channels: 4)
        randomize(layer.parameters, seed: 9)
        let check = GradientCheck(layer: layer, shape: shape, step: 1e-2)
        #expect(check.maxDifferences.keys.sorted() == ["beta", "gamma", "input"])
        #expect(check.worst < tolerance, "\(check.report)")
    }

    @Test func batchNormWithReLU() {
        let layer = BatchNorm(channels: 3, activation: .relu)
        let check = GradientCheck(layer: layer, shape: [4, 2, 2, 3], step: 1e-3)
        #expect(check.worst < tolerance, "\(check.report)")
    }

    @Test func dropoutWithFixedMask() {
        let layer = Dropout(rate: 0.4, generator: RandomGenerator(seed: 11))
        let saved = layer.generator
        let check = GradientCheck(layer: layer, shape: [4, 6], step: 1e-2) { layer.generator = saved }
        #expect(check.worst < tolerance, "\(check.report)")
    }

    @Test func flattenAndGlobalAveragePooling() {
        let flatten = GradientCheck(layer: Flatten(), shape: [2, 3, 2, 2], step: 1e-2)
        let pooling = GradientCheck(layer: GlobalAveragePooling(), shape: [2, 3, 2, 4], step: 1e-2)
        #expect(flatten.worst < tolerance, "\(flatten.report)")
        #expect(pooling.worst < tolerance, "\(pooling.report)")
    }

    @Test(arguments: [(Float(0), false), (0.1, false), (0.1, true)])
    func softmaxCrossEntropy(labelSmoothing: Float, weighted: Bool) {
        let loss = SoftmaxCrossEntropy(labelSmoothing: labelSmoothing, classWeights: weighted ? [0.5, 2, 1, 1.5] : nil)
        var generator = RandomGenerator(seed: 4)
        let logits = Tensor(shape: [5, 4])
        for index in 0 ..< logits.count { logits[index] = generator.normal() * 2 }
        let labels = [0, 3, 1, 2, 1]
        _ = loss.forward(logits, labels: labels)
        let analytic = loss.backward().values
        var worst = 0.0
        for index in 0 ..< logits.count {
            let original = logits[index]
            logits[index] = original + 1e-2
            let plus = Double(loss.forward(logits, labels: labels))
            logits[index] = original - 1e-2
            let minus = Double(loss.forward(logits, labels: labels))
            logits[index] = original
            worst = max(worst, abs((plus - minus) / 2e-2 - Double(analytic[index])))
        }
        #expect(worst < 1e-3, "softmax cross-entropy dlogits max difference \(worst)")
    }

    /// Distillation targets `(1 − w) · label + w · teacher`: the loss against them by hand, and
    /// the fused gradient against finite differences.
    @Test func softmaxCrossEntropyWithTeacher() {
        let loss = SoftmaxCrossEntropy(labelSmoothing: 0.1, teacherWeight: 0.4)
        var generator = RandomGenerator(seed: 9)
        let logits = Tensor(shape: [3, 4])
        for index in 0 ..< logits.count { logits[index] = generator.normal() * 2 }
        let labels = [2, 0, 3]
        var teacher = (0 ..< 12).map { _ in Float(generator.nextInt(below: 100) + 1) }
        for row in 0 ..< 3 {
            let total = teacher[row * 4 ..< row * 4 + 4].reduce(0, +)
            for index in 0 ..< 4 { teacher[row * 4 + index] /= total }
        }
        var expected = 0.0
        for (row, label) in labels.enumerated() {
            let values = (0 ..< 4).map { Double(logits[row * 4 + $0]) }
            let logSumExp = log(values.map { exp($0) }.reduce(0, +))
            for index in 0 ..< 4 {
                let hard = (index == label ? 0.9 : 0) + 0.025
                let target = 0.6 * hard + 0.4 * Double(teacher[row * 4 + index])
                expected -= target * (values[index] - logSumExp)
            }
        }
        let measured = Double(loss.forward(logits, labels: labels, teacher: teacher))
        #expect(abs(measured - expected / 3) < 1e-5, "loss \(measured), by hand \(expected / 3)")
        let labelsOnly = Double(loss.forward(logits, labels: labels))
        #expect(abs(measured - labelsOnly) > 1e-3, "the teacher changes the loss")

        _ = loss.forward(logits, labels: labels, teacher: teacher)
        let analytic = loss.backward().values
        var worst = 0.0
        for index in 0 ..< logits.count {
            let original = logits[index]
            logits[index] = original + 1e-2
            let plus = Double(loss.forward(logits, labels: labels, teacher: teacher))
            logits[index] = original - 1e-2
            let minus = Double(loss.forward(logits, labels: labels, teacher: teacher))
            logits[index] = original
            worst = max(worst, abs((plus - minus) / 2e-2 - Double(analytic[index])))
        }
        #expect(worst < 1e-3, "distillation dlogits max difference \(worst)")
    }
}
