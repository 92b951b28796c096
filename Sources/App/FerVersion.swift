/// Version strings shown by `fer --version` and `fer doctor`.
public enum FerVersion {
    public static let current = "0.1.0"

    /// The Swift compiler that built fer.
    public static var swift: String {
        #if compiler(>=6.4)
        "6.4 or newer"
        #elseif compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #elseif compiler(>=6.1)
        "6.1"
        #else
        "6.0"
        #endif
    }
}
