import Testing
@testable import Engine

/// Fixed values from an independent implementation.
///
/// Produced once with NumPy 2 (float64), by a script that implements the same network
/// directly (np.pad + tensordot convolution, explicit 2×2 max pooling, softmax cross-entropy
/// and hand-written backward): input x[i] = ((7i) mod 11) / 10 for the 25 NHWC values of a
/// 1×5×5×1 image; Conv 3×3 "same" with 2 filters, kernel w[i] = 0.5·sin(0.7i) (HWIO order),
/// bias [0.1, −0.2], ReLU; MaxPool 2; Flatten; Dense 8→3 with kernel 0.4·cos(0.3i), bias
/// [0, 0.1, −0.1]; label 1.
@Suite struct ReferenceValueTests {
    static let loss = 0.9995456061668817
    static let probabilities = [0.33060956472559117, 0.3680466413053196, 0.30134379396908917]
    static let denseKernelGradient = [
        0.12446370087846557, -0.23790979511134505, 0.11344609423287945, 0.017634889334565446,
        -0.03370872695240261, 0.016073837617837164, 0.15244656917395863, -0.2913984702497231,
        0.13895190107576444, 0.014599291968031567, -0.027906245245564926, 0.013306953277533359,
        0.15271892337844747, -0.2919190696898034, 0.13920014631135594, 0.014592037764789945,
        -0.027892378985806227, 0.013300341221016278, 0.15076138985828144, -0.28817728477243987,
        0.13741589491415843, 0.017634889334565446, -0.03370872695240261, 0.016073837617837164,
    ]
    static let convKernelGradient = [
        -0.001895421403377992, 0.002612783319901956, 0.012787989335772028, 0.0003126431000302788,
        -0.007777831058222585, 0.001627008939956951, -0.0012607235902455504, 0.00195560039993862,
        -0.004482821037808505, -0.008298925242041337, -0.009095835066388218, 0.0009698260199936162,
        -0.0006260257771131105, 0.001298417479975283, -0.005800825045974138, 0.002612783319901956,
        0.012787989335772028, 0.0003126431000302788,
    ]
    static let convBiasGradient = [-0.0065900200408281605, -0.0032859145998166833]

    @Test func smallNetworkMatchesNumPy() throws {
        let spec = ModelSpec(
            name: "reference", inputShape: [5, 5, 1],
            layers: [.conv(2, padding: .same), .maxPool(size: 2), .flatten, .dense(units: 3, activation: .linear)],
            classNames: ["a", "b", "c"]
        )
        let model = try Model(spec: spec)
        let conv = try #require(model.layers[0] as? Conv2D), dense = try #require(model.layers[3] as? Dense)
        for index in 0 ..< 18 { conv.kernel.value[index] = 0.5 * sin(0.7 * Float(index)) }
        conv.bias?.value.copy(from: Tensor(shape: [2], values: [0.1, -0.2]))
        for index in 0 ..< 24 { dense.kernel.value[index] = 0.4 * cos(0.3 * Float(index)) }
        dense.bias?.value.copy(from: Tensor(shape: [3], values: [0, 0.1, -0.1]))
        let input = Tensor(shape: [1, 5, 5, 1], values: (0 ..< 25).map { Float((7 * $0) % 11) / 10 })

        let loss = SoftmaxCrossEntropy()
        let value = loss.forward(model.forward(input, training: true), labels: [1])
        model.zeroGradients()
        model.backward(loss.backward())

        func close(_ actual: [Float], _ expected: [Double], _ label: String) {
            let difference = zip(actual, expected).map { abs(Double($0) - $1) }.max() ?? .infinity
            #expect(actual.count == expected.count && difference < 1e-5, "\(label): max difference \(difference)")
        }
        close([value], [Self.loss], "loss")
        close(loss.probabilities.values, Self.probabilities, "probabilities")
        close(dense.kernel.gradient.values, Self.denseKernelGradient, "dense kernel gradient")
        close(conv.kernel.gradient.values, Self.convKernelGradient, "conv kernel gradient")
        close(conv.bias!.gradient.values, Self.convBiasGradient, "conv bias gradient")
    }
}

import Foundation
