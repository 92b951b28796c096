/// Draws a grayscale image two pixels per cell, shared by `HalfBlockImage` and `AsciiFrame`.
///
/// With the gray ramp and Unicode: `▀` with foreground = upper pixel and background = lower pixel.
/// With the gray ramp but no Unicode: spaces whose background is the average of both pixels.
/// Below 256 colors: a luminance-ramp character for the average of both pixels.
enum HalfBlockPainter {
    /// Draws `image` (already at its final pixel size) with its top-left pixel at cell (`x`, `y`),
    /// clipped to `clip`.
    static func draw(
        _ image: GrayImage, x originX: Int, y originY: Int, clip: Rect, capabilities: Capabilities,
        ramp: LuminanceRamp, into buffer: inout Buffer
    ) {
        let rows = (image.height + 1) / 2
        let halfBlock = capabilities.unicode ? capabilities.symbols.upperHalfBlock : nil
        // Only the rows and columns that land inside the clip rectangle are visited.
        func span(from lower: Int, to upper: Int) -> Range<Int> {
            let start = max(0, lower)
            return start..<max(start, upper)
        }
        let visibleRows = span(from: clip.y - originY, to: min(rows, clip.bottom - originY))
        let visibleColumns = span(from: clip.x - originX, to: min(image.width, clip.right - originX))
        for row in visibleRows {
            let cellY = originY + row
            let upperRow = 2 * row
            let hasLower = upperRow + 1 < image.height
            for column in visibleColumns {
                let cellX = originX + column
                let upper = image.pixels[upperRow * image.width + column]
                let lower = hasLower ? image.pixels[(upperRow + 1) * image.width + column] : upper
                let average = UInt8((Int(upper) + Int(lower) + 1) / 2)
                if capabilities.hasGrayRamp, let halfBlock {
                    let background: Color = hasLower ? .gray(lower) : .default
                    buffer.set(x: cellX, y: cellY, scalar: halfBlock,
                               style: Style(foreground: .gray(upper), background: background))
                } else if capabilities.hasGrayRamp {
                    buffer.set(x: cellX, y: cellY, scalar: " ", style: Style(background: .gray(average)))
                } else {
                    buffer.set(x: cellX, y: cellY, scalar: ramp.scalar(for: average))
                }
            }
        }
    }
}
