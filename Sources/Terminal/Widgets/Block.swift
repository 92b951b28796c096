/// A frame around an area with an optional title in its top border.
public struct Block: Widget {
    /// Sides that get a border line.
    public struct Borders: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let top = Borders(rawValue: 1)
        public static let bottom = Borders(rawValue: 2)
        public static let left = Borders(rawValue: 4)
        public static let right = Borders(rawValue: 8)
        public static let all: Borders = [.top, .bottom, .left, .right]
        public static let none: Borders = []
    }

    public var title: Line?
    public var titleAlignment: Alignment
    public var borders: Borders
    public var rounded: Bool
    /// Border style; nil uses the theme's.
    public var borderStyle: Style?
    /// When set, the whole area is filled with this style first (a background).
    public var fillStyle: Style?
    public var theme: Theme

    public init(
        title: Line? = nil, titleAlignment: Alignment = .left, borders: Borders = .all,
        rounded: Bool = false, borderStyle: Style? = nil, fillStyle: Style? = nil, theme: Theme
    ) {
        self.title = title
        self.titleAlignment = titleAlignment
        self.borders = borders
        self.rounded = rounded
        self.borderStyle = borderStyle
        self.fillStyle = fillStyle
        self.theme = theme
    }

    /// The area left inside the borders.
    public func inner(_ area: Rect) -> Rect {
        area.inset(
            top: borders.contains(.top) || (title != nil) ? 1 : 0,
            left: borders.contains(.left) ? 1 : 0,
            bottom: borders.contains(.bottom) ? 1 : 0,
            right: borders.contains(.right) ? 1 : 0
        )
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        if let fillStyle { buffer.fill(area, style: fillStyle) }
        let symbols = theme.symbols
        let style = borderStyle ?? theme.border
        let lastColumn = area.right - 1
        let lastRow = area.bottom - 1
        if borders.contains(.top) {
            buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1),
                        scalar: symbols.horizontal, style: style)
        }
        if borders.contains(.bottom) {
            buffer.fill(Rect(x: area.x, y: lastRow, width: area.width, height: 1),
                        scalar: symbols.horizontal, style: style)
        }
        if borders.contains(.left) {
            buffer.fill(Rect(x: area.x, y: area.y, width: 1, height: area.height),
                        scalar: symbols.vertical, style: style)
        }
        if borders.contains(.right) {
            buffer.fill(Rect(x: lastColumn, y: area.y, width: 1, height: area.height),
                        scalar: symbols.vertical, style: style)
        }
        let corners: [(Borders, Int, Int, Unicode.Scalar)] = [
            ([.top, .left], area.x, area.y, rounded ? symbols.roundedTopLeft : symbols.topLeft),
            ([.top, .right], lastColumn, area.y, rounded ? symbols.roundedTopRight : symbols.topRight),
            ([.bottom, .left], area.x, lastRow, rounded ? symbols.roundedBottomLeft : symbols.bottomLeft),
            ([.bottom, .right], lastColumn, lastRow,
             rounded ? symbols.roundedBottomRight : symbols.bottomRight),
        ]
        for (sides, column, row, glyph) in corners where borders.isSuperset(of: sides) {
            buffer.set(x: column, y: row, scalar: glyph, style: style)
        }
        drawTitle(area: area, into: &buffer)
    }

    private func drawTitle(area: Rect, into buffer: inout Buffer) {
        guard let title, title.width > 0 else { return }
        let leftInset = borders.contains(.left) ? 1 : 0
        let rightInset = borders.contains(.right) ? 1 : 0
        let room = area.width - leftInset - rightInset
        guard room > 0 else { return }
        // A space either side of the title when it fits; otherwise the title is cut to make room.
        let padding = room >= 4 ? 1 : 0
        let fitted = TextLayout.truncate(title, width: room - 2 * padding, ellipsis: theme.symbols.ellipsis)
        let used = fitted.width + 2 * padding
        let start: Int
        switch titleAlignment {
        case .left: start = area.x + leftInset
        case .center: start = area.x + leftInset + (room - used) / 2
        case .right: start = area.x + leftInset + room - used
        }
        if padding > 0 {
            buffer.set(x: start, y: area.y, string: " ", style: theme.title)
            buffer.set(x: start + 1 + fitted.width, y: area.y, string: " ", style: theme.title)
        }
        buffer.set(x: start + padding, y: area.y, line: fitted, baseStyle: theme.title, maxWidth: room)
    }
}
