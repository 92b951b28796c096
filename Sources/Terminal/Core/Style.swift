/// Colors and attributes of a cell.
public struct Style: Hashable, Sendable {
    /// Text attributes, stored as bits so a `Cell` stays small.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1 << 0)
        public static let dim = Attributes(rawValue: 1 << 1)
        public static let reverse = Attributes(rawValue: 1 << 2)
        public static let underline = Attributes(rawValue: 1 << 3)
    }

    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(
        foreground: Color = .default, background: Color = .default,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        var attributes: Attributes = []
        if bold { attributes.insert(.bold) }
        if dim { attributes.insert(.dim) }
        if reverse { attributes.insert(.reverse) }
        if underline { attributes.insert(.underline) }
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()

    public var bold: Bool {
        get { attributes.contains(.bold) }
        set { set(.bold, newValue) }
    }
    public var dim: Bool {
        get { attributes.contains(.dim) }
        set { set(.dim, newValue) }
    }
    public var reverse: Bool {
        get { attributes.contains(.reverse) }
        set { set(.reverse, newValue) }
    }
    public var underline: Bool {
        get { attributes.contains(.underline) }
        set { set(.underline, newValue) }
    }

    /// This style with `other` laid on top: its non-default colors replace ours, attributes add up.
    public func patched(with other: Style) -> Style {
        var result = self
        if other.foreground != .default { result.foreground = other.foreground }
        if other.background != .default { result.background = other.background }
        result.attributes.formUnion(other.attributes)
        return result
    }

    /// Copy with another foreground.
    public func foreground(_ color: Color) -> Style {
        var copy = self
        copy.foreground = color
        return copy
    }

    /// Copy with another background.
    public func background(_ color: Color) -> Style {
        var copy = self
        copy.background = color
        return copy
    }

    /// Copy with bold switched on.
    public func bolded() -> Style {
        var copy = self
        copy.bold = true
        return copy
    }

    private mutating func set(_ attribute: Attributes, _ isOn: Bool) {
        if isOn { attributes.insert(attribute) } else { attributes.remove(attribute) }
    }
}
