import Engine
import Foundation

/// Where the model used by default lives.
///
/// "Make default" in the checkpoint picker copies a checkpoint to the user's config folder,
/// `$XDG_CONFIG_HOME/fer/model.safetensors` (else `~/.config/fer/model.safetensors`), rather than
/// into `Assets/model/`: that needs no write access to the installation and never replaces the
/// shipped model, which stays the fallback. Commands without `--model` use the user's default when
/// it exists, else the shipped model folder `Assets/model/`.
public enum ModelLocations {
    /// The user's default model file (it may not exist).
    public static func userDefaultModelPath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        ShippedAssets.userDefaultModelPath(environment: environment)
    }

    /// The model to use when none is given: the user's default, else the shipped one
    /// (the folder `Assets/model/`, searched in `assetFolders`); nil when neither exists.
    public static func defaultModel(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        assetFolders: [String] = ShippedAssets.searchFolders()
    ) -> ModelChoice? {
        let user = userDefaultModelPath(environment: environment)
        if FileManager.default.fileExists(atPath: user) {
            return ModelChoice(path: user, origin: .userDefault)
        }
        return ShippedAssets.locateModel(folders: assetFolders)
            .map { ModelChoice(path: $0, origin: .shipped) }
    }
}

/// A model file and why it was chosen.
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
