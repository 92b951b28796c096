import ArgumentParser
import Dataset

/// Which model classifies faces, and how; shared by the commands that classify (eval, predict,
/// live).
struct ModelOptions: ParsableArguments {
    @Option(help: "Checkpoint file or run folder (ensemble). Default: the shipped model (Assets/model/).")
    var model: String?

    @Option(
        help: ArgumentHelp(
            "Test-time augmentation: none, flip (each face averaged with its mirror image: 2× the work) or crops (5 crops, each also mirrored: 10× the work).",
            valueName: "views"))
    var tta = TestTimeAugmentation.none
}

extension TestTimeAugmentation: ExpressibleByArgument {}
