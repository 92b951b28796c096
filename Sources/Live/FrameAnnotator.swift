import Vision

/// Draws the verdict onto a color picture with OpenCV, for `--record`, `--snapshot` and
/// `fer predict --annotate`: a box around each face with its label and probability above
/// it, and a panel of bars for all classes of the largest face ("no face" when none).
public struct FrameAnnotator: Sendable {
    /// Box colors by track, so each person keeps a color.
    static let palette: [BGRColor] = [
        BGRColor(red: 60, green: 220, blue: 90), BGRColor(red: 80, green: 170, blue: 255),
        BGRColor(red: 255, green: 190, blue: 60), BGRColor(red: 230, green: 90, blue: 220),
    ]

    /// Draws the probability panel (on by default).
    public var showsBars: Bool

    public init(showsBars: Bool = true) {
        self.showsBars = showsBars
    }

    /// The frame's full-size color picture (or its gray one) with the faces drawn on it.
    public func annotated(_ frame: LiveFrame) throws -> ColorImage {
        if var image = frame.colorImage {
            annotate(&image, faces: frame.faces)
            return image
        }
        var image = try frame.image.color()
        let scale = frame.sourceScale > 0 ? frame.sourceScale : 1
        let faces = frame.faces.map { face in
            var face = face
            face.box = PixelRect(
                x: Int(Double(face.box.x) / scale), y: Int(Double(face.box.y) / scale),
                width: Int(Double(face.box.width) / scale), height: Int(Double(face.box.height) / scale))
            return face
        }
        annotate(&image, faces: faces)
        return image
    }

    /// Draws `faces` (boxes in `image` pixels) onto `image`.
    public func annotate(_ image: inout ColorImage, faces: [RecognizedFace]) {
        let scale = textScale(for: image.size)
        for face in faces.reversed() {
            drawFace(face, on: &image, scale: scale)
        }
        guard showsBars else { return }
        if let first = faces.first {
            drawBars(for: first, on: &image, scale: scale)
        } else {
            drawLabel(
                "no face", at: PixelPoint(x: margin(scale), y: margin(scale)), color: .white,
                background: BGRColor(red: 40, green: 40, blue: 40), on: &image, scale: scale)
        }
    }

    /// Text size that reads well at this picture size (0.5 at 480 pixels tall).
    func textScale(for size: PixelSize) -> Double {
        min(1.2, max(0.35, Double(min(size.width, size.height * 4 / 3)) / 640 * 0.5))
    }

    private func margin(_ scale: Double) -> Int { max(2, Int(8 * scale)) }

    private func drawFace(_ face: RecognizedFace, on image: inout ColorImage, scale: Double) {
        let color = Self.palette[(max(face.track, 1) - 1) % Self.palette.count]
        let thickness = max(1, Int((3 * scale).rounded()))
        image.drawRectangle(face.box, color: color, thickness: thickness)
        let top = face.top
        let text = "\(top.label) \(Int((top.probability * 100).rounded()))%"
        let height = labelLayout(text, scale: scale * 1.2).size.height
        // Above the box, or inside its bottom edge when the box touches the top of the picture.
        let y = face.box.y - height >= 0 ? face.box.y - height : face.box.y + face.box.height
        drawLabel(
            text, at: PixelPoint(x: face.box.x, y: y), color: .black, background: color, on: &image,
            scale: scale * 1.2)
    }

    /// Size of a label's background and its text's line thickness and padding.
    private func labelLayout(_ text: String, scale: Double) -> (size: PixelSize, thickness: Int, padding: Int)
    {
        let thickness = max(1, Int((2 * scale).rounded()))
        let metrics = ColorImage.measureText(text, scale: scale, thickness: thickness)
        let padding = max(2, Int(4 * scale))
        return (
            PixelSize(width: metrics.size.width + 2 * padding, height: metrics.totalHeight + 2 * padding),
            thickness, padding
        )
    }

    /// Text on a filled rectangle whose top-left corner is `origin`.
    private func drawLabel(
        _ text: String, at origin: PixelPoint, color: BGRColor, background: BGRColor,
        on image: inout ColorImage, scale: Double
    ) {
        let layout = labelLayout(text, scale: scale)
        image.fillRectangle(
            PixelRect(x: origin.x, y: origin.y, width: layout.size.width, height: layout.size.height),
            color: background)
        image.drawText(
            text, at: PixelPoint(x: origin.x + layout.padding, y: origin.y + layout.padding), scale: scale,
            color: color, thickness: layout.thickness)
    }

    /// A translucent panel in the top-left corner: one bar per class, the top class highlighted.
    private func drawBars(for face: RecognizedFace, on image: inout ColorImage, scale: Double) {
        let names = face.classNames
        guard !names.isEmpty, names.count == face.probabilities.count else { return }
        let nameWidth = names.map { ColorImage.measureText($0, scale: scale).size.width }.max() ?? 0
        let rowHeight = ColorImage.measureText("Ag", scale: scale).totalHeight + max(3, Int(6 * scale))
        let barLength = max(20, Int(120 * scale))
        let percentWidth = ColorImage.measureText("100%", scale: scale).size.width
        let gap = margin(scale)
        let panel = PixelRect(
            x: gap, y: gap, width: nameWidth + barLength + percentWidth + 4 * gap,
            height: rowHeight * names.count + gap)
        image.fillRectangle(panel, color: .black, opacity: 0.55)
        let best = face.top.label
        for (row, name) in names.enumerated() {
            let probability = Double(min(max(face.probabilities[row], 0), 1))
            let y = panel.y + gap / 2 + row * rowHeight
            let highlight = name == best
            let textColor = highlight ? BGRColor.white : BGRColor(red: 190, green: 190, blue: 190)
            image.drawText(name, at: PixelPoint(x: panel.x + gap, y: y + 2), scale: scale, color: textColor)
            let barX = panel.x + 2 * gap + nameWidth
            let barHeight = max(2, rowHeight - max(3, Int(6 * scale)))
            image.fillRectangle(
                PixelRect(x: barX, y: y + 2, width: barLength, height: barHeight),
                color: BGRColor(red: 70, green: 70, blue: 70))
            image.fillRectangle(
                PixelRect(x: barX, y: y + 2, width: Int(Double(barLength) * probability), height: barHeight),
                color: highlight ? Self.palette[0] : BGRColor(red: 150, green: 150, blue: 150))
            image.drawText(
                "\(Int((probability * 100).rounded()))%", at: PixelPoint(x: barX + barLength + gap, y: y + 2),
                scale: scale, color: textColor)
        }
    }
}
