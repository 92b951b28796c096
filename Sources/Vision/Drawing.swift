import CVBridge

/// A point in pixel coordinates (origin top-left, y down).
public struct PixelPoint: Sendable, Hashable, Codable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// Measured extent of a line of text drawn with `drawText`.
public struct TextMetrics: Sendable, Hashable {
    /// Width, and height above the baseline.
    public var size: PixelSize
    /// Pixels below the baseline (descenders such as "g" and "y").
    public var descent: Int
    /// Total height from the top of capitals to the bottom of descenders.
    public var totalHeight: Int { size.height + descent }
}

/// Drawing with OpenCV, in place, for annotated frames (`--annotate`, `--record`) and plots.
/// Shapes are clipped to the image; drawing on an empty image does nothing. Text uses
/// OpenCV's Hershey font, which has ASCII glyphs only (others show as "?").
extension ColorImage {
    /// Outline of `rect` (`thickness` pixels wide).
    public mutating func drawRectangle(_ rect: PixelRect, color: BGRColor, thickness: Int = 2) {
        draw {
            cvb_draw_rectangle($0, $1, $2, Self.bridgeRect(rect), color.bridge, Self.lineWidth(thickness))
        }
    }

    /// Fills `rect` with `color` mixed over the picture at `opacity` (1 is solid).
    public mutating func fillRectangle(_ rect: PixelRect, color: BGRColor, opacity: Double = 1) {
        if opacity >= 1 {
            draw { cvb_draw_rectangle($0, $1, $2, Self.bridgeRect(rect), color.bridge, -1) }
        } else {
            draw { cvb_blend_rectangle($0, $1, $2, Self.bridgeRect(rect), color.bridge, max(0, opacity)) }
        }
    }

    public mutating func drawLine(
        from start: PixelPoint, to end: PixelPoint, color: BGRColor, thickness: Int = 1,
        antialiased: Bool = true
    ) {
        draw {
            cvb_draw_line(
                $0, $1, $2, Int32(clamping: start.x), Int32(clamping: start.y), Int32(clamping: end.x),
                Int32(clamping: end.y), color.bridge, Self.lineWidth(thickness), antialiased ? 1 : 0)
        }
    }

    /// Connected line segments through `points` (closed back to the first when `closed`).
    public mutating func drawPolyline(
        _ points: [PixelPoint], color: BGRColor, thickness: Int = 1,
        closed: Bool = false, antialiased: Bool = true
    ) {
        guard points.count >= 2 else { return }
        let coordinates = points.flatMap { [Int32(clamping: $0.x), Int32(clamping: $0.y)] }
        draw { pixels, width, height in
            coordinates.withUnsafeBufferPointer {
                cvb_draw_polyline(
                    pixels, width, height, $0.baseAddress, Int32(points.count), closed ? 1 : 0,
                    color.bridge, Self.lineWidth(thickness), antialiased ? 1 : 0)
            }
        }
    }

    /// A circle outline, or a disc when `filled`.
    public mutating func drawCircle(
        center: PixelPoint, radius: Int, color: BGRColor, thickness: Int = 1,
        filled: Bool = false, antialiased: Bool = true
    ) {
        draw {
            cvb_draw_circle(
                $0, $1, $2, Int32(clamping: center.x), Int32(clamping: center.y),
                Int32(clamping: max(0, radius)), color.bridge, filled ? -1 : Self.lineWidth(thickness),
                antialiased ? 1 : 0)
        }
    }

    /// Draws one line of text with the top-left corner of its capitals at `origin`.
    public mutating func drawText(
        _ text: String, at origin: PixelPoint, scale: Double = 0.5,
        color: BGRColor = .white, thickness: Int = 1, antialiased: Bool = true
    ) {
        guard scale > 0, !text.isEmpty else { return }
        let metrics = Self.measureText(text, scale: scale, thickness: thickness)
        draw { pixels, width, height in
            text.withCString {
                cvb_draw_text(
                    pixels, width, height, $0, Int32(clamping: origin.x),
                    Int32(clamping: origin.y + metrics.size.height), scale, color.bridge,
                    Self.lineWidth(thickness), antialiased ? 1 : 0)
            }
        }
    }

    /// The extent `drawText` would give `text`, for laying out labels.
    public static func measureText(_ text: String, scale: Double = 0.5, thickness: Int = 1) -> TextMetrics {
        var width: Int32 = 0, height: Int32 = 0, descent: Int32 = 0
        guard scale > 0,
            text.withCString({ cvb_text_size($0, scale, lineWidth(thickness), &width, &height, &descent) })
                == CVB_OK
        else { return TextMetrics(size: PixelSize(width: 0, height: 0), descent: 0) }
        return TextMetrics(size: PixelSize(width: Int(width), height: Int(height)), descent: Int(descent))
    }

    /// Runs a bridge drawing call on the pixels; arguments are sanitised beforehand, so the
    /// only possible failure is an empty image, where there is nothing to draw.
    private mutating func draw(_ body: (UnsafeMutablePointer<UInt8>, Int32, Int32) -> Int32) {
        guard width > 0, height > 0 else { return }
        let width = Int32(width), height = Int32(height)
        pixels.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = body(base, width, height)
        }
    }

    private static func bridgeRect(_ rect: PixelRect) -> cvb_rect {
        cvb_rect(
            x: Int32(clamping: rect.x), y: Int32(clamping: rect.y), width: Int32(clamping: rect.width),
            height: Int32(clamping: rect.height))
    }

    private static func lineWidth(_ thickness: Int) -> Int32 { Int32(min(max(thickness, 1), 255)) }
}

extension BGRColor {
    var bridge: cvb_color { cvb_color(blue: blue, green: green, red: red) }
}
