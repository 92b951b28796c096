import App
import ArgumentParser

/// `fer`: facial expression recognition in the terminal.
struct FerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fer",
        abstract: "Facial expression recognition in the terminal.",
        discussion: """
        Train a CNN on FER2013 with K-fold cross-validation, browse the faces, and recognise
        expressions live from a camera or video — all in the terminal, over SSH too.

        Examples:
          fer doctor                      check this machine
          fer bench --json                training and inference throughput
          fer export --onnx --model runs/x/fold-1/best.safetensors
        """,
        version: FerVersion.current,
        subcommands: [
            EvalCommand.self, ExportCommand.self, BenchCommand.self, DoctorCommand.self, LiveCommand.self,
            PredictCommand.self,
        ]
    )
}
