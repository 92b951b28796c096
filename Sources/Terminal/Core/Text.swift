/// A run of text in one style.
public struct Span: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Columns the text occupies.
    public var width: Int { TextWidth.of(text) }
}

/// One line of styled text: spans side by side.
public struct Line: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var spans: [Span]

    public init(_ spans: [Span]) {
        self.spans = spans
    }

    public init(_ text: String, style: Style = .plain) {
        spans = [Span(text, style: style)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Columns the whole line occupies.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }
    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }
}

extension Buffer {
    /// Writes the spans of `line` from (`x`, `y`), each in `baseStyle` patched with its own style,
    /// clipped to `maxWidth` columns. Returns the column after the text.
    @discardableResult
    public mutating func set(
        x: Int, y: Int, line: Line, baseStyle: Style = .plain, maxWidth: Int = Int.max
    ) -> Int {
        var column = x
        var remaining = maxWidth
        for span in line.spans where remaining > 0 {
            let next = set(x: column, y: y, string: span.text, style: baseStyle.patched(with: span.style),
                           maxWidth: remaining)
            remaining -= next - column
            column = next
        }
        return column
    }
}
