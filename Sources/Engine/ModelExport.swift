import Foundation

/// How an exported model is written.
public enum ExportFormat: String, Hashable, Sendable {
    /// A fer `.safetensors` checkpoint (weights and metadata, no optimizer state).
    case native
    /// An ONNX graph for OpenCV DNN or onnxruntime.
    case onnx

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .native: return "safetensors"
        case .onnx: return "onnx"
        }
    }
}

/// Writes the model of a checkpoint without its optimizer or resume state (a model, not a
/// training snapshot): the one export of `fer export` and the checkpoint screen.
public enum ModelExport {
    /// Writes `checkpoint` (read from `source`, named in errors) to `destination` atomically:
    /// as a native checkpoint in `precision`, or as ONNX.
    public static func write(
        _ checkpoint: Checkpoint, source: String, to destination: URL, format: ExportFormat,
        precision: Checkpoint.Precision = .float32
    ) throws {
        let model = try checkpoint.makeModel(source: source)
        switch format {
        case .native:
            try checkpoint.modelOnly.write(to: destination, precision: precision)
        case .onnx:
            try AtomicFile.write(ONNXExporter.export(model), to: destination)
        }
    }

    /// Reads the checkpoint at `source` and writes it as `write(_:source:to:format:precision:)` does.
    public static func write(
        from source: String, to destination: URL, format: ExportFormat, precision: Checkpoint.Precision = .float32
    ) throws {
        let checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: source))
        try write(checkpoint, source: source, to: destination, format: format, precision: precision)
    }
}
