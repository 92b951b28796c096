/// A grayscale image drawn with half blocks: one column and two rows of pixels per cell, so a
/// 48×48 face takes 48×24 cells. Falls back as described in `HalfBlockPainter` when the terminal
/// lacks the gray ramp or Unicode.
public struct HalfBlockImage: Widget {
    /// How the image is sized to the area.
    public enum Scaling: Hashable, Sendable {
        /// One pixel per column, two per row; cropped when the area is too small.
        case original
        /// Scaled up or down to the largest size that fits, keeping the aspect ratio.
        case fit
        /// Original size when it fits, otherwise scaled down to fit.
        case shrinkToFit
    }

    public var image: GrayImage
    public var scaling: Scaling
    public var resampling: ResamplingMethod
    /// Centre the image in the area instead of placing it at the top-left.
    public var centered: Bool
    /// Ramp used when colors are off.
    public var ramp: LuminanceRamp
    public var theme: Theme

    public init(
        image: GrayImage, scaling: Scaling = .shrinkToFit, resampling: ResamplingMethod = .area,
        centered: Bool = false, ramp: LuminanceRamp = .standard, theme: Theme
    ) {
        self.image = image
        self.scaling = scaling
        self.resampling = resampling
        self.centered = centered
        self.ramp = ramp
        self.theme = theme
    }

    /// Pixel size the image is drawn at inside an area of `area` cells.
    public static func pixelSize(imageWidth: Int, imageHeight: Int, scaling: Scaling, area: Size) -> Size {
        guard imageWidth > 0, imageHeight > 0, area.width > 0, area.height > 0 else {
            return Size(width: 0, height: 0)
        }
        let availableHeight = area.height * 2
        let fits = imageWidth <= area.width && imageHeight <= availableHeight
        if scaling == .original || (scaling == .shrinkToFit && fits) {
            return Size(width: imageWidth, height: imageHeight)
        }
        let scale = min(
            Double(area.width) / Double(imageWidth), Double(availableHeight) / Double(imageHeight)
        )
        return Size(
            width: max(1, Int(Double(imageWidth) * scale)), height: max(1, Int(Double(imageHeight) * scale))
        )
    }

    /// Cells the image occupies inside an area of `area` cells (before cropping).
    public static func cellSize(imageWidth: Int, imageHeight: Int, scaling: Scaling, area: Size) -> Size {
        let pixels = pixelSize(imageWidth: imageWidth, imageHeight: imageHeight, scaling: scaling, area: area)
        return Size(width: pixels.width, height: (pixels.height + 1) / 2)
    }

    public func render(area: Rect, into buffer: inout Buffer) {
        guard !area.isEmpty, !image.isEmpty else { return }
        let pixels = HalfBlockImage.pixelSize(imageWidth: image.width, imageHeight: image.height,
                                              scaling: scaling, area: area.size)
        let scaled = image.resized(width: pixels.width, height: pixels.height, method: resampling)
        let cells = Size(width: scaled.width, height: (scaled.height + 1) / 2)
        let origin = centered ? area.centered(width: cells.width, height: cells.height) : area
        HalfBlockPainter.draw(scaled, x: origin.x, y: origin.y, clip: area, capabilities: theme.capabilities,
                              ramp: ramp, into: &buffer)
    }
}
