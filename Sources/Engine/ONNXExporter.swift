import Foundation

/// Writes a model as ONNX (opset 11) for OpenCV's `cv::dnn`, onnxruntime and other tools.
///
/// The graph takes NCHW input `input` of shape [N, 1, 48, 48] scaled to [0, 1] (pixel / 255)
/// and gives `probabilities` [N, classes]. Inference-only: Dropout is dropped, BatchNorm is
/// folded into the preceding convolution or dense layer, and the first Dense after Flatten
/// has its rows reordered because ONNX flattens NCHW while the engine flattens NHWC.
public enum ONNXExporter {
    public static let inputName = "input"
    public static let outputName = "probabilities"

    public static func export(_ model: Model) -> Data {
        var graph = GraphBuilder()
        var current = inputName
        var flattenedFrom: [Int]?
        var index = 0
        while index < model.layers.count {
            let layer = model.layers[index], inputShape = model.shapes[index]
            let followingNorm = model.foldableNorm(after: index)
            let name = "layers.\(index)"
            switch layer {
            case let conv as Conv2D:
                let (kernel, bias) = folded(kernel: conv.kernel.value.values, bias: conv.bias?.value.values,
                                            filters: conv.filters, norm: followingNorm)
                let geometry = ConvolutionGeometry(
                    inputHeight: inputShape[0], inputWidth: inputShape[1], channels: conv.inputChannels,
                    kernelHeight: conv.kernelSize, kernelWidth: conv.kernelSize, stride: conv.stride, padding: conv.padding
                )
                let weights = graph.initializer("\(name).kernel", transposeHWIOtoOIHW(kernel, conv),
                                                [conv.filters, conv.inputChannels, conv.kernelSize, conv.kernelSize])
                let biasName = graph.initializer("\(name).bias", bias, [conv.filters])
                current = graph.node("Conv", [current, weights, biasName], name, [
                    .ints("kernel_shape", [conv.kernelSize, conv.kernelSize]),
                    .ints("strides", [conv.stride, conv.stride]),
                    .ints("pads", [geometry.padTop, geometry.padLeft, geometry.padBottom, geometry.padRight]),
                ])
                current = activation(followingNorm?.activation ?? conv.activation, current, name, &graph)
                if followingNorm != nil { index += 1 }
            case let dense as Dense:
                var kernel = dense.kernel.value.values
                if let shape = flattenedFrom {
                    kernel = reorderRowsNHWCtoNCHW(kernel, shape: shape, units: dense.units)
                    flattenedFrom = nil
                }
                let (foldedKernel, bias) = folded(kernel: kernel, bias: dense.bias?.value.values,
                                                  filters: dense.units, norm: followingNorm)
                // Stored as [units, inputs] with transB = 1: OpenCV's importer reads a Gemm
                // without transB as if it were transposed.
                let weights = graph.initializer("\(name).kernel", transposed(foldedKernel, columns: dense.units),
                                                [dense.units, dense.inputFeatures])
                let biasName = graph.initializer("\(name).bias", bias, [dense.units])
                current = graph.node("Gemm", [current, weights, biasName], name, [.int("transB", 1)])
                current = activation(followingNorm?.activation ?? dense.activation, current, name, &graph)
                if followingNorm != nil { index += 1 }
            case let pool as MaxPool2D:
                let geometry = ConvolutionGeometry(
                    inputHeight: inputShape[0], inputWidth: inputShape[1], channels: inputShape[2],
                    kernelHeight: pool.poolSize, kernelWidth: pool.poolSize, stride: pool.stride, padding: pool.padding
                )
                current = graph.node("MaxPool", [current], name, [
                    .ints("kernel_shape", [pool.poolSize, pool.poolSize]),
                    .ints("strides", [pool.stride, pool.stride]),
                    .ints("pads", [geometry.padTop, geometry.padLeft, geometry.padBottom, geometry.padRight]),
                ])
            case let pool as AveragePool2D:
                current = graph.node("AveragePool", [current], name, [
                    .ints("kernel_shape", [pool.poolSize, pool.poolSize]),
                    .ints("strides", [pool.poolSize, pool.poolSize]),
                ])
            case let norm as BatchNorm:
                let scale = norm.scale.value.values, offset = norm.offset.value.values
                let mean = norm.runningMean.value.values, variance = norm.runningVariance.value.values
                current = graph.node("BatchNormalization", [
                    current,
                    graph.initializer("\(name).gamma", scale, [norm.channels]),
                    graph.initializer("\(name).beta", offset, [norm.channels]),
                    graph.initializer("\(name).moving_mean", mean, [norm.channels]),
                    graph.initializer("\(name).moving_variance", variance, [norm.channels]),
                ], name, [.float("epsilon", norm.epsilon)])
                current = activation(norm.activation, current, name, &graph)
            case is ReLU:
                current = activation(.relu, current, name, &graph)
            case is Flatten:
                current = graph.node("Flatten", [current], name, [.int("axis", 1)])
                flattenedFrom = inputShape
            case is GlobalAveragePooling:
                current = graph.node("GlobalAveragePool", [current], name, [])
                current = graph.node("Flatten", [current], "\(name).flatten", [.int("axis", 1)])
            default:
                break // Dropout: identity at inference.
            }
            index += 1
        }
        _ = graph.node("Softmax", [current], "softmax", [.int("axis", 1)], output: outputName)
        let spec = model.spec
        return graph.modelBytes(inputShape: [1] + [spec.inputShape[2], spec.inputShape[0], spec.inputShape[1]],
                                classes: spec.classNames.count, metadata: [
                                    "class_names": spec.classNames.joined(separator: ","),
                                    "input_scale": "1/255",
                                    "preset": spec.name,
                                ])
    }

    private static func activation(_ activation: Activation, _ input: String, _ name: String, _ graph: inout GraphBuilder) -> String {
        activation == .relu ? graph.node("Relu", [input], "\(name).relu", []) : input
    }

    /// The weights and bias before a BatchNorm with the norm folded in (`BatchNorm.folded`).
    static func folded(kernel: [Float], bias: [Float]?, filters: Int, norm: BatchNorm?) -> ([Float], [Float]) {
        guard let norm else { return (kernel, bias ?? [Float](repeating: 0, count: filters)) }
        let folded = bias.map { values in values.withUnsafeBufferPointer { norm.folded(bias: $0.baseAddress) } }
            ?? norm.folded(bias: nil)
        var kernel = kernel
        for filter in 0 ..< filters {
            for index in stride(from: filter, to: kernel.count, by: filters) { kernel[index] *= folded.factors[filter] }
        }
        return (kernel, folded.bias)
    }

    static func transposeHWIOtoOIHW(_ kernel: [Float], _ conv: Conv2D) -> [Float] {
        let size = conv.kernelSize, channels = conv.inputChannels, filters = conv.filters
        var result = [Float](repeating: 0, count: kernel.count)
        for y in 0 ..< size {
            for x in 0 ..< size {
                for channel in 0 ..< channels {
                    for filter in 0 ..< filters {
                        result[((filter * channels + channel) * size + y) * size + x] =
                            kernel[((y * size + x) * channels + channel) * filters + filter]
                    }
                }
            }
        }
        return result
    }

    /// A row-major matrix with `columns` columns, transposed.
    static func transposed(_ matrix: [Float], columns: Int) -> [Float] {
        let rows = matrix.count / columns
        var result = [Float](repeating: 0, count: matrix.count)
        for row in 0 ..< rows {
            for column in 0 ..< columns { result[column * rows + row] = matrix[row * columns + column] }
        }
        return result
    }

    static func reorderRowsNHWCtoNCHW(_ kernel: [Float], shape: [Int], units: Int) -> [Float] {
        guard shape.count == 3 else { return kernel }
        let (height, width, channels) = (shape[0], shape[1], shape[2])
        var result = kernel
        for y in 0 ..< height {
            for x in 0 ..< width {
                for channel in 0 ..< channels {
                    let from = ((y * width + x) * channels + channel) * units
                    let to = ((channel * height + y) * width + x) * units
                    for unit in 0 ..< units { result[to + unit] = kernel[from + unit] }
                }
            }
        }
        return result
    }
}

/// Collects ONNX nodes and initialisers and encodes the ModelProto.
struct GraphBuilder {
    enum Attribute {
        case int(String, Int)
        case ints(String, [Int])
        case float(String, Float)
    }

    private var nodes: [ProtobufWriter] = []
    private var initializers: [ProtobufWriter] = []

    mutating func initializer(_ name: String, _ values: [Float], _ dims: [Int]) -> String {
        var tensor = ProtobufWriter()
        for dim in dims { tensor.integer(1, dim) }   // TensorProto.dims
        tensor.integer(2, 1)                          // data_type FLOAT
        tensor.string(8, name)                        // name
        tensor.bytes(9, values.withUnsafeBytes { Data($0) })   // raw_data (little-endian)
        initializers.append(tensor)
        return name
    }

    mutating func node(_ type: String, _ inputs: [String], _ name: String, _ attributes: [Attribute], output: String? = nil) -> String {
        let outputName = output ?? "\(name).\(type.lowercased())"
        var node = ProtobufWriter()
        for input in inputs { node.string(1, input) }
        node.string(2, outputName)
        node.string(3, "\(name).\(type)")
        node.string(4, type)
        for attribute in attributes {
            node.message(5) { proto in
                switch attribute {
                case let .int(name, value):
                    proto.string(1, name); proto.integer(3, value); proto.integer(20, 2)
                case let .ints(name, values):
                    proto.string(1, name); for value in values { proto.integer(8, value) }; proto.integer(20, 7)
                case let .float(name, value):
                    proto.string(1, name); proto.float(2, value); proto.integer(20, 1)
                }
            }
        }
        nodes.append(node)
        return outputName
    }

    private func valueInfo(_ name: String, dims: [Int?]) -> (inout ProtobufWriter) -> Void {
        { info in
            info.string(1, name)
            info.message(2) { type in                 // TypeProto
                type.message(1) { tensor in           // tensor_type
                    tensor.integer(1, 1)              // elem_type FLOAT
                    tensor.message(2) { shape in      // TensorShapeProto
                        for dim in dims {
                            shape.message(1) { dimension in
                                if let dim { dimension.integer(1, dim) } else { dimension.string(2, "batch") }
                            }
                        }
                    }
                }
            }
        }
    }

    func modelBytes(inputShape: [Int], classes: Int, metadata: [String: String]) -> Data {
        var model = ProtobufWriter()
        model.integer(1, 6)                           // ir_version
        model.string(2, "fer")                        // producer_name
        model.string(3, "1.0")                        // producer_version
        model.message(7) { graph in
            for node in nodes { graph.bytes(1, node.data) }
            graph.string(2, "fer")
            for tensor in initializers { graph.bytes(5, tensor.data) }
            graph.message(11, valueInfo(ONNXExporter.inputName, dims: [nil] + inputShape.dropFirst().map { $0 }))
            graph.message(12, valueInfo(ONNXExporter.outputName, dims: [nil, classes]))
        }
        model.message(8) { opset in opset.string(1, ""); opset.integer(2, 11) }
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            model.message(14) { entry in entry.string(1, key); entry.string(2, value) }
        }
        return model.data
    }
}
