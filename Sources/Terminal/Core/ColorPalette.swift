/// The xterm 256-color palette and nearest-color searches used for down-conversion.
enum ColorPalette {
    /// xterm's default values for the 16 basic colors.
    static let basic: [(red: UInt8, green: UInt8, blue: UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    /// The six channel levels of the 6×6×6 color cube (indices 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// RGB value of a palette index.
    static func rgb(ofIndex index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8) {
        switch index {
        case 0..<16:
            return basic[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return (UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[(cube / 6) % 6]),
                    UInt8(cubeLevels[cube % 6]))
        default:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return (level, level, level)
        }
    }

    /// Nearest entry among 16–255 (the cube and the gray ramp; 0–15 are skipped because users
    /// re-theme them). Black and white come out as cube corners 16 and 231.
    static func nearestIndexed(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let (r, g, b) = (Int(red), Int(green), Int(blue))
        let cubeR = nearestCubeStep(r), cubeG = nearestCubeStep(g), cubeB = nearestCubeStep(b)
        let cubeIndex = 16 + 36 * cubeR + 6 * cubeG + cubeB
        let cubeDistance = distance(r, g, b, cubeLevels[cubeR], cubeLevels[cubeG], cubeLevels[cubeB])

        let average = (r + g + b) / 3
        let grayStep = average < 8 ? 0 : Swift.min(23, (average - 8 + 5) / 10)
        let grayLevel = 8 + 10 * grayStep
        let grayDistance = distance(r, g, b, grayLevel, grayLevel, grayLevel)
        return UInt8(grayDistance < cubeDistance ? 232 + grayStep : cubeIndex)
    }

    /// Nearest of the 16 basic colors.
    static func nearestBasic(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for (index, entry) in basic.enumerated() {
            let candidate = distance(Int(red), Int(green), Int(blue),
                                     Int(entry.red), Int(entry.green), Int(entry.blue))
            if candidate < bestDistance {
                best = index
                bestDistance = candidate
            }
        }
        return UInt8(best)
    }

    /// Index (0–5) of the cube level nearest to a channel value.
    private static func nearestCubeStep(_ value: Int) -> Int {
        if value < 48 { return 0 }
        if value < 115 { return 1 }
        return Swift.min(5, (value - 35) / 40)
    }

    /// Squared distance in RGB, weighted towards green like the eye.
    private static func distance(_ r1: Int, _ g1: Int, _ b1: Int, _ r2: Int, _ g2: Int, _ b2: Int) -> Int {
        let dr = r1 - r2, dg = g1 - g2, db = b1 - b2
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
