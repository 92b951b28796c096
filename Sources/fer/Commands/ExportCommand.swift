import ArgumentParser
import Engine
import Foundation
import Live
import Training

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a checkpoint as ONNX (for OpenCV DNN, onnxruntime) or as a copy.",
        discussion: """
        The ONNX graph takes input [N, 1, 48, 48] scaled to [0, 1] (pixel / 255) and gives \
        softmax probabilities [N, 7]; class names are in the model's metadata.

        Examples:
          fer export --onnx --model runs/r1/fold-1/best.safetensors --output fer.onnx
          fer export --model runs/r1/fold-2/epoch-12.safetensors --output my-model.safetensors
          fer export --model runs/r1/fold-2/best.safetensors --half --output small.safetensors
          fer export --model runs/r1/fold-1/best.safetensors --output fer.safetensors --force

        A native copy holds the model only (no optimizer or resume state); --half stores its \
        weights as 16-bit floats, half the size, with probabilities within about 0.001.
        """
    )

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Record in the exported checkpoint that faces are blurred with this σ (pixels) before the model sees them (0: none), for models trained on blurred faces.")
    var inputBlur: Float?

    @Option(help: "Where to write the result.")
    var output: String?

    @Flag(help: "Write ONNX instead of a native checkpoint copy.")
    var onnx = false

    @Flag(help: "Store the weights as 16-bit floats (half the size).")
    var half = false

    @Flag(help: "Replace the output file when it exists.")
    var force = false

    func run() throws {
        if onnx, half { throw ValidationError("--half applies to native checkpoints, not to --onnx") }
        let reference = try ModelLocator.reference(for: modelOptions.model)
        guard case let .checkpoint(path) = reference else {
            throw ValidationError("\(reference) is an ensemble; export one of its checkpoints (see `fer checkpoints`)")
        }
        var checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: path))
        if let inputBlur {
            guard inputBlur >= 0, inputBlur <= 10 else { throw ValidationError("--input-blur must be in 0…10") }
            checkpoint.metadata.inputBlurSigma = inputBlur > 0 ? inputBlur : nil
        }
        let format: ExportFormat = onnx ? .onnx : .native
        let defaultName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + "." + format.fileExtension
        let destination = URL(fileURLWithPath: output ?? defaultName)
        try Self.checkDestination(destination, force: force)
        try ModelExport.write(
            checkpoint, source: path, to: destination, format: format, precision: half ? .float16 : .float32
        )
        print("wrote \(destination.path)")
        if onnx, let sigma = checkpoint.metadata.inputBlurSigma {
            print("note: this model expects each face blurred with a Gaussian of σ = \(sigma) pixels first; "
                + "the ONNX graph does not include that step")
        }
    }

    /// Refuses to replace a file without `--force`, and to write into a folder that does not exist.
    static func checkDestination(_ destination: URL, force: Bool) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: destination.path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw ValidationError("\(destination.path) is a folder; give a file name with --output") }
            if !force { throw ValidationError("\(destination.path) exists; pass --force to replace it") }
        }
        let parent = destination.deletingLastPathComponent().path
        guard manager.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("the folder \(parent) does not exist; create it first")
        }
    }
}
