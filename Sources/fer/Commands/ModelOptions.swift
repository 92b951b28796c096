import ArgumentParser
import Dataset

/// Which model a command uses; shared by eval, predict, live and export.
struct ModelOptions: ParsableArguments {
    @Option(help: "Checkpoint file or run folder (ensemble). Default: your default model, else the shipped one (Assets/model/).")
    var model: String?
}

/// How each face is looked at; shared by the commands that classify (eval, predict, live).
struct TestTimeAugmentationOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Test-time augmentation: none, flip (each face averaged with its mirror image: 2× the work) or crops (5 crops, each also mirrored: 10× the work).",
            valueName: "views"))
    var tta = TestTimeAugmentation.none
}

extension TestTimeAugmentation: ExpressibleByArgument {}
