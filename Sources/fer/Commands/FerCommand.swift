import App
import ArgumentParser

/// `fer`: facial expression recognition in the terminal.
struct FerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fer",
        abstract: "Facial expression recognition in the terminal.",
        discussion: """
        Train a CNN on FER2013 with K-fold cross-validation, browse the faces, and recognise \
        expressions live from a camera or video — all in the terminal, over SSH too.

        Without a subcommand, fer opens the home screen.

        Examples:
          fer                             home screen: Train, Browse, Live, Checkpoints
          fer train --data ~/data/fer2013 K-fold training with a live dashboard
          fer browse --data ~/data/fer2013
          fer checkpoints                 pick, export or delete checkpoints
          fer doctor                      check this machine
          fer bench --json                training and inference throughput
          fer export --onnx --model runs/x/fold-1/best.safetensors
        """,
        version: FerVersion.current,
        subcommands: [
            HomeCommand.self, TrainCommand.self, BrowseCommand.self, LiveCommand.self, CheckpointsCommand.self,
            PredictCommand.self, EvalCommand.self, ExportCommand.self, BenchCommand.self, DoctorCommand.self,
        ],
        defaultSubcommand: HomeCommand.self
    )
}
