import CVBridge

/// Turns a detected face into the model's input: the box grown by a margin, cropped,
/// converted to gray and resized to a square (48x48 for FER2013 models) in one pass.
public struct FaceCropper: Sendable, Hashable {
    /// Fraction of the box's width/height added on each side.
    public var margin: Double
    /// Side of the square output.
    public var outputSize: Int
    /// Equalise the crop's histogram (match the training preprocessing).
    public var equalizeHistogram: Bool

    /// The margin that gives the geometry of FER2013's faces. Measured by running this Haar
    /// detector on 2,000 FER2013 test faces upscaled ×4: their square is the detected box
    /// × 1.027 (quartiles 0.965–1.103), centred within 0.01 box widths, i.e. 0.013 per side.
    /// FER2013 faces are tight crops; a looser crop shrinks the mouth and eyes the model reads.
    public static let trainingFaceMargin = 0.015

    public init(margin: Double = FaceCropper.trainingFaceMargin, outputSize: Int = 48, equalizeHistogram: Bool = false) {
        self.margin = margin
        self.outputSize = outputSize
        self.equalizeHistogram = equalizeHistogram
    }

    /// The region actually cropped for `face` in an image of `size`.
    public func region(for face: FaceBox, in size: PixelSize) -> PixelRect {
        face.expanded(margin: margin, clampedTo: size)
    }

    /// The model input for `face` in a BGR frame.
    public func crop(_ image: ColorImage, face: FaceBox) throws -> GrayImage {
        try crop(pixels: image.pixels, size: image.size, channels: ColorImage.channels, face: face)
    }

    /// The model input for `face` in a gray image.
    public func crop(_ image: GrayImage, face: FaceBox) throws -> GrayImage {
        try crop(pixels: image.pixels, size: image.size, channels: GrayImage.channels, face: face)
    }

    private func crop(pixels: [UInt8], size: PixelSize, channels: Int, face: FaceBox) throws -> GrayImage {
        try ImageCodec.validate(PixelSize(width: outputSize, height: outputSize), purpose: "face crop")
        let area = region(for: face, in: size)
        guard !area.isEmpty else {
            throw VisionError.invalidArgument(detail: "face box \(face) lies outside the \(size) image")
        }
        let rect = cvb_rect(
            x: Int32(area.x), y: Int32(area.y), width: Int32(area.width), height: Int32(area.height))
        let output = try ImageCodec.makePixels(count: outputSize * outputSize) { buffer in
            let status = pixels.withUnsafeBufferPointer { input in
                cvb_crop_gray(
                    input.baseAddress, Int32(size.width), Int32(size.height), Int32(channels), rect,
                    equalizeHistogram ? 1 : 0, buffer.baseAddress, Int32(outputSize), Int32(outputSize))
            }
            try BridgeStatus.check(status)
        }
        return GrayImage(validWidth: outputSize, height: outputSize, pixels: output)
    }
}
