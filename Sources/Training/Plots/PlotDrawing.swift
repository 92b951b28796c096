import Foundation
import Vision

/// Where a label sits relative to its anchor point.
enum TextAnchor {
    case leading, center, trailing
}

/// Plot drawing built on Vision's OpenCV calls: aligned labels and dashed lines.
extension ColorImage {
    /// Draws `text` with its cap height centred on `y` (or its top at `y` when `top`) and its
    /// left edge, centre or right edge at `x`.
    mutating func drawLabel(
        _ text: String, x: Int, y: Int, style: TextStyle, anchor: TextAnchor = .leading, top: Bool = false
    ) {
        let size = style.measure(text)
        let left = switch anchor {
        case .leading: x
        case .center: x - size.width / 2
        case .trailing: x - size.width
        }
        drawText(
            text, at: PixelPoint(x: left, y: top ? y : y - size.height / 2), scale: style.scale,
            color: style.color, thickness: style.thickness
        )
    }

    /// A polyline (antialiased unless told otherwise) through `points` drawn as dashes of `on`
    /// pixels with `off` pixel gaps; the pattern runs on across corners, so short segments
    /// still look dashed.
    mutating func drawDashedPolyline(
        _ points: [(x: Double, y: Double)], color: BGRColor, thickness: Int, on: Double, off: Double,
        antialiased: Bool = true
    ) {
        guard on > 0, off >= 0 else { return }
        let period = on + off
        var travelled = 0.0
        for (start, end) in zip(points, points.dropFirst()) {
            let length = hypot(end.x - start.x, end.y - start.y)
            guard length > 0 else { continue }
            var along = 0.0
            while along < length {
                let phase = (travelled + along).truncatingRemainder(dividingBy: period)
                let remaining = phase < on ? on - phase : period - phase
                let stop = min(length, along + remaining)
                if phase < on {
                    drawLine(
                        from: Self.point(start, end, along / length),
                        to: Self.point(start, end, stop / length),
                        color: color, thickness: thickness, antialiased: antialiased
                    )
                }
                along = stop
            }
            travelled += length
        }
    }

    /// The point `fraction` of the way from `start` to `end`, on the pixel grid.
    private static func point(
        _ start: (x: Double, y: Double), _ end: (x: Double, y: Double), _ fraction: Double
    ) -> PixelPoint {
        PixelPoint(
            x: Int((start.x + (end.x - start.x) * fraction).rounded()),
            y: Int((start.y + (end.y - start.y) * fraction).rounded())
        )
    }
}
