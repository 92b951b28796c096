/// A one-line message in the status bar: what just happened, or why something did not.
public struct Notice: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info, success, error
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }

    public static func error(_ text: String) -> Notice { Notice(text, kind: .error) }
    public static func success(_ text: String) -> Notice { Notice(text, kind: .success) }
}
