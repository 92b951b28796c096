/// A box drawn over an `AsciiFrame`, e.g. a detected face with its predicted label.
public struct FrameOverlay: Hashable, Sendable {
    /// The box in source-image pixel coordinates.
    public var rect: Rect
    /// Text written into the top edge of the box.
    public var label: String
    /// Box and label color; nil uses the theme accent.
    public var color: Color?

    public init(rect: Rect, label: String = "", color: Color? = nil) {
        self.rect = rect
        self.label = label
        self.color = color
    }
}

/// A grayscale frame (a video frame or photo, any size) drawn as ASCII art or half blocks, sized to
/// the area with aspect correction (a cell is about twice as tall as wide) and centred.
///
/// Pipeline: area-resample to the cell grid → optional auto-levels → luminance ramp with optional
/// dithering (or half blocks) → overlays mapped from image pixels to cells.
public struct AsciiFrame: Widget {
    /// How pixels become cells.
    public enum Mode: Hashable, Sendable {
        /// One ramp character per cell.
        case ascii
        /// Two gray pixels per cell with `▀`; falls back to `ascii` below 256 colors.
        case halfBlock
    }

    public var image: GrayImage
    public var mode: Mode
    public var ramp: LuminanceRamp
    public var dithering: Dithering
    /// Stretch contrast to the full range before drawing.
    public var autoLevels: Bool
    /// Tint ASCII characters with their own gray level (exact in truecolor, gray ramp in 256 colors).
    public var colorize: Bool
    /// For light terminal backgrounds: bright pixels get sparse characters.
    public var invert: Bool
    public var overlays: [FrameOverlay]
    public var theme: Theme

    public init(
        image: GrayImage, mode: Mode = .ascii, ramp: LuminanceRamp = .standard, dithering: Dithering = .none,
        autoLevels: Bool = true, colorize: Bool = false, invert: Bool = false, overlays: [FrameOverlay] = [],
        theme: Theme
    ) {
        self.image = image
        self.mode = mode
        self.ramp = ramp
        self.dithering = dithering
        self.autoLevels = autoLevels
        self.colorize = colorize
        self.invert = invert
        self.overlays = overlays
        self.theme = theme
    }

    /// The largest cell grid inside `area` that keeps the image's proportions, given cells about
    /// twice as tall as wide.
    public static func cellSize(imageWidth: Int, imageHeight: Int, fitting area: Size) -> Size {
        guard imageWidth > 0, imageHeight > 0, area.width > 0, area.height > 0 else {
            return Size(width: 0, height: 0)
        }
        let aspect = Double(imageWidth) / Double(imageHeight)
        let rowsAtFullWidth = Int((Double(area.width) / (2 * aspect)).rounded())
        if rowsAtFullWidth <= area.height {
            return Size(width: area.width, height: max(1, rowsAtFullWidth))
        }
        let columns = Int((2 * aspect * Double(area.height)).rounded())
        return Size(width: max(1, min(area.width, columns)), height: area.height)
    }

    /// Whether half blocks will actually be used with these capabilities.
    private var drawsHalfBlocks: Bool {
        mode == .halfBlock && theme.capabilities.hasGrayRamp && theme.capabilities.unicode
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty, !image.isEmpty else { return }
        let cells = AsciiFrame.cellSize(
            imageWidth: image.width, imageHeight: image.height, fitting: area.size
        )
        let frame = area.centered(width: cells.width, height: cells.height)
        let pixelRows = drawsHalfBlocks ? cells.height * 2 : cells.height
        var scaled = image.resized(width: cells.width, height: pixelRows, method: .area)
        if autoLevels { scaled = scaled.autoLeveled() }
        if invert {
            scaled = GrayImage(checkedWidth: scaled.width, height: scaled.height,
                               pixels: scaled.pixels.map { 255 - $0 })
        }
        if drawsHalfBlocks {
            HalfBlockPainter.draw(scaled, x: frame.x, y: frame.y, clip: frame,
                                  capabilities: theme.capabilities, ramp: ramp, into: &buffer)
        } else {
            drawCharacters(scaled, frame: frame, into: &buffer)
        }
        for overlay in overlays { draw(overlay, frame: frame, into: &buffer) }
    }

    private func drawCharacters(_ scaled: GrayImage, frame: Rect, into buffer: inout Buffer) {
        let levels = dithering.quantize(scaled, levels: ramp.levels)
        let tinted = colorize && theme.capabilities.hasColor
        for row in 0..<scaled.height {
            for column in 0..<scaled.width {
                let index = row * scaled.width + column
                let style = tinted ? Style(foreground: .gray(scaled.pixels[index])) : .plain
                buffer.set(x: frame.x + column, y: frame.y + row, scalar: ramp.scalars[levels[index]],
                           style: style)
            }
        }
    }

    /// Maps the overlay's pixel rectangle to cells (kept inside the frame) and draws its border,
    /// with the label in reverse video on the top edge.
    private func draw(_ overlay: FrameOverlay, frame: Rect, into buffer: inout Buffer) {
        guard overlay.rect.width > 0, overlay.rect.height > 0, frame.width >= 2, frame.height >= 2 else {
            return
        }
        func cellX(_ pixelX: Int) -> Int {
            min(frame.right - 1, max(frame.x, frame.x + pixelX * frame.width / image.width))
        }
        func cellY(_ pixelY: Int) -> Int {
            min(frame.bottom - 1, max(frame.y, frame.y + pixelY * frame.height / image.height))
        }
        let left = cellX(overlay.rect.x)
        let top = cellY(overlay.rect.y)
        let right = max(min(frame.right - 1, left + 1), cellX(overlay.rect.right - 1))
        let bottom = max(min(frame.bottom - 1, top + 1), cellY(overlay.rect.bottom - 1))
        let box = Rect(x: left, y: top, width: right - left + 1, height: bottom - top + 1)
        let color = overlay.color ?? theme.accent
        let boxStyle = Style(foreground: color, bold: true)
        Block(borderStyle: boxStyle, theme: theme).render(area: box, into: &buffer)
        if !overlay.label.isEmpty {
            let start = min(box.x + 1, frame.right - 1)
            buffer.set(
                x: start, y: box.y, string: " \(overlay.label) ",
                style: boxStyle.patched(with: Style(reverse: true)), maxWidth: frame.right - start
            )
        }
    }
}
