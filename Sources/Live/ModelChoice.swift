/// A model file and why it was chosen.
///
/// "Make default" in the checkpoint picker copies a checkpoint to the user's config folder,
/// `$XDG_CONFIG_HOME/fer/model.safetensors` (else `~/.config/fer/model.safetensors`), rather than
/// into `Assets/model/`: that needs no write access to the installation and never replaces the
/// shipped model, which stays the fallback (`ModelLocator.defaultModel` decides).
public struct ModelChoice: Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        /// Given with `--model`.
        case argument
        /// The user's default (made in the checkpoint picker).
        case userDefault
        /// The shipped model folder `Assets/model/`.
        case shipped

        public var description: String {
            switch self {
            case .argument: return "--model"
            case .userDefault: return "your default"
            case .shipped: return "shipped"
            }
        }
    }

    public var path: String
    public var origin: Origin

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }
}
