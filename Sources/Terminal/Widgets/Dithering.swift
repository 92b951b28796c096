/// How gray values are spread over the few levels of a luminance ramp.
public enum Dithering: Hashable, Sendable {
    /// Round each value to the nearest level (posterised, but stable between video frames).
    case none
    /// Error diffusion (Floyd–Steinberg): smooth gradients, some shimmer on video.
    case floydSteinberg
    /// A 4×4 Bayer threshold pattern: regular texture, stable on video.
    case ordered

    /// Ramp level (0..<`levels`) for every pixel of `image`, row-major.
    func quantize(_ image: GrayImage, levels: Int) -> [Int] {
        let count = image.pixels.count
        guard levels >= 2, count > 0 else { return Array(repeating: 0, count: count) }
        let step = 255.0 / Double(levels - 1)
        func level(_ value: Double) -> Int { Int(min(Double(levels - 1), max(0, (value / step).rounded()))) }
        switch self {
        case .none:
            return image.pixels.map { level(Double($0)) }
        case .ordered:
            let bayer: [Double] = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5]
            var result = [Int](repeating: 0, count: count)
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let threshold = (bayer[(y & 3) * 4 + (x & 3)] + 0.5) / 16 - 0.5
                    let index = y * image.width + x
                    result[index] = level(Double(image.pixels[index]) + threshold * step)
                }
            }
            return result
        case .floydSteinberg:
            var values = image.pixels.map(Double.init)
            var result = [Int](repeating: 0, count: count)
            let width = image.width
            for y in 0..<image.height {
                for x in 0..<width {
                    let index = y * width + x
                    let chosen = level(values[index])
                    result[index] = chosen
                    let error = values[index] - Double(chosen) * step
                    if x + 1 < width { values[index + 1] += error * 7 / 16 }
                    if y + 1 < image.height {
                        if x > 0 { values[index + width - 1] += error * 3 / 16 }
                        values[index + width] += error * 5 / 16
                        if x + 1 < width { values[index + width + 1] += error * 1 / 16 }
                    }
                }
            }
            return result
        }
    }
}

extension GrayImage {
    /// Contrast stretch: the darkest `clipFraction` of pixels become black, the brightest white,
    /// and the rest is spread linearly in between. Images with almost no contrast are left alone
    /// so sensor noise is not blown up.
    public func autoLeveled(clipFraction: Double = 0.02) -> GrayImage {
        guard !isEmpty else { return self }
        var histogram = [Int](repeating: 0, count: 256)
        for pixel in pixels { histogram[Int(pixel)] += 1 }
        let clip = Int(Double(pixels.count) * min(0.45, max(0, clipFraction)))
        var low = 0
        var seen = 0
        while low < 255 && seen + histogram[low] <= clip {
            seen += histogram[low]
            low += 1
        }
        var high = 255
        seen = 0
        while high > 0 && seen + histogram[high] <= clip {
            seen += histogram[high]
            high -= 1
        }
        guard high - low >= 16 else { return self }
        var lookup = [UInt8](repeating: 0, count: 256)
        for value in 0..<256 {
            let stretched = (value - low) * 255 / (high - low)
            lookup[value] = UInt8(min(255, max(0, stretched)))
        }
        return GrayImage(checkedWidth: width, height: height, pixels: pixels.map { lookup[Int($0)] })
    }
}
