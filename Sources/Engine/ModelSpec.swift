/// One layer of a sequential model, as data (stored in checkpoints and configs).
public enum LayerSpec: Codable, Sendable, Equatable {
    case conv2D(filters: Int, kernelSize: Int, stride: Int, padding: Padding, activation: Activation, useBias: Bool)
    case maxPool(size: Int)
    case averagePool(size: Int)
    case dense(units: Int, activation: Activation)
    case batchNorm(activation: Activation)
    case relu
    case dropout(rate: Float)
    case flatten
    case globalAveragePooling

    /// A short description, e.g. "Conv2D 64 3×3 same relu".
    public var summary: String {
        switch self {
        case let .conv2D(filters, kernelSize, stride, padding, activation, _):
            "Conv2D \(filters) \(kernelSize)×\(kernelSize)\(stride > 1 ? " /\(stride)" : "") \(padding.rawValue)"
                + (activation == .relu ? " relu" : "")
        case let .maxPool(size): "MaxPool \(size)×\(size)"
        case let .averagePool(size): "AveragePool \(size)×\(size)"
        case let .dense(units, activation): "Dense \(units)" + (activation == .relu ? " relu" : "")
        case let .batchNorm(activation): "BatchNorm" + (activation == .relu ? " relu" : "")
        case .relu: "ReLU"
        case let .dropout(rate): "Dropout \(rate)"
        case .flatten: "Flatten"
        case .globalAveragePooling: "GlobalAveragePooling"
        }
    }

    /// Convolution with bias, stride 1.
    public static func conv(_ filters: Int, _ kernelSize: Int = 3, padding: Padding = .valid, activation: Activation = .relu) -> LayerSpec {
        .conv2D(filters: filters, kernelSize: kernelSize, stride: 1, padding: padding, activation: activation, useBias: true)
    }

    /// Convolution without bias followed by BatchNorm and ReLU (the bias is BatchNorm's offset).
    public static func convBatchNorm(_ filters: Int, _ kernelSize: Int = 3) -> [LayerSpec] {
        [
            .conv2D(filters: filters, kernelSize: kernelSize, stride: 1, padding: .same, activation: .linear, useBias: false),
            .batchNorm(activation: .relu),
        ]
    }
}

/// A sequential network described as data: input shape, layers and class names.
public struct ModelSpec: Codable, Sendable, Equatable {
    public var name: String
    /// One sample's input shape, `[height, width, channels]`.
    public var inputShape: [Int]
    public var layers: [LayerSpec]
    public var classNames: [String]

    public init(name: String, inputShape: [Int], layers: [LayerSpec], classNames: [String]) {
        self.name = name
        self.inputShape = inputShape
        self.layers = layers
        self.classNames = classNames
    }

    /// FER2013's classes in the order of the Kaggle folder layout.
    public static let fer2013Classes = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"]

    public static var presetNames: [String] { ["seed", "vgg"] }

    /// A preset by name, for `classNames.count` classes.
    public static func preset(_ name: String, classNames: [String] = fer2013Classes) throws(ModelError) -> ModelSpec {
        switch name {
        case "seed": seed(classNames: classNames)
        case "vgg": vgg(classNames: classNames)
        default: throw .unknownPreset(name)
        }
    }

    /// Exactly the seed tutorial's Keras network: three conv+pool stages, Dense(128), Dropout(0.25).
    public static func seed(classNames: [String] = fer2013Classes) -> ModelSpec {
        ModelSpec(
            name: "seed", inputShape: [48, 48, 1],
            layers: [
                .conv(32), .maxPool(size: 2),
                .conv(64), .maxPool(size: 2),
                .conv(128), .maxPool(size: 2),
                .flatten,
                .dense(units: 128, activation: .relu),
                .dropout(rate: 0.25),
                .dense(units: classNames.count, activation: .linear),
            ],
            classNames: classNames
        )
    }

    /// A VGG-style network with BatchNorm: four stages of two 3×3 convolutions, made for
    /// training with augmentation.
    public static func vgg(classNames: [String] = fer2013Classes) -> ModelSpec {
        vggStyle(name: "vgg", stages: [32, 64, 128, 256], droppingFrom: 2, classNames: classNames)
    }

    /// Per stage two 3×3 conv + BatchNorm + ReLU and a 2×2 max-pool (Dropout 0.2
    /// from stage `droppingFrom` on, counted from 0), then Dense 256 + BatchNorm + ReLU,
    /// Dropout 0.5 and the class scores.
    private static func vggStyle(
        name: String, stages: [Int], droppingFrom: Int, classNames: [String]
    ) -> ModelSpec {
        var layers: [LayerSpec] = []
        for (stage, filters) in stages.enumerated() {
            layers += LayerSpec.convBatchNorm(filters) + LayerSpec.convBatchNorm(filters)
            layers.append(.maxPool(size: 2))
            if stage >= droppingFrom { layers.append(.dropout(rate: 0.2)) }
        }
        layers += [
            .flatten,
            .dense(units: 256, activation: .linear), .batchNorm(activation: .relu),
            .dropout(rate: 0.5),
            .dense(units: classNames.count, activation: .linear),
        ]
        return ModelSpec(name: name, inputShape: [48, 48, 1], layers: layers, classNames: classNames)
    }
}
