import Testing
@testable import Terminal

@Suite struct GrayImageTests {
    @Test func mismatchedPixelsAreAReadableError() {
        #expect(throws: TerminalError.invalidImage(width: 4, height: 4, pixelCount: 3)) {
            _ = try GrayImage(width: 4, height: 4, pixels: [1, 2, 3])
        }
        #expect(throws: TerminalError.self) { _ = try GrayImage(width: -1, height: 2, pixels: []) }
        let error = TerminalError.invalidImage(width: 4, height: 4, pixelCount: 3)
        #expect(error.description == "invalid image: 4×4 needs 16 pixels, got 3")
    }

    @Test func areaResamplingAveragesAndNearestPicks() throws {
        let image = try GrayImage(width: 4, height: 2, pixels: [0, 100, 200, 255, 0, 100, 200, 255])
        let halved = image.resized(width: 2, height: 1, method: .area)
        #expect(halved.pixels == [50, 228])
        let nearest = image.resized(width: 2, height: 1, method: .nearest)
        #expect(nearest.pixels == [100, 255])
        let doubled = image.resized(width: 8, height: 4, method: .area)
        #expect(doubled.pixels.prefix(8) == [0, 0, 100, 100, 200, 200, 255, 255])
        #expect(image.resized(width: 0, height: 3).isEmpty)
        #expect(image.pixel(x: 99, y: -3) == 255)
    }

    @Test func autoLevelsStretchesContrastButLeavesFlatImagesAlone() throws {
        let dull = try GrayImage(width: 4, height: 1, pixels: [100, 110, 130, 140])
        #expect(dull.autoLeveled(clipFraction: 0).pixels == [0, 63, 191, 255])
        let flat = GrayImage(width: 3, height: 3, level: 90)
        #expect(flat.autoLeveled() == flat)
    }
}

@Suite struct HalfBlockImageTests {
    @Test func aFaceTakesHalfAsManyRowsAsPixels() {
        let size = HalfBlockImage.cellSize(imageWidth: 48, imageHeight: 48, scaling: .shrinkToFit,
                                           area: Size(width: 80, height: 24))
        #expect(size == Size(width: 48, height: 24))
        let shrunk = HalfBlockImage.cellSize(imageWidth: 48, imageHeight: 48, scaling: .shrinkToFit,
                                             area: Size(width: 30, height: 10))
        #expect(shrunk == Size(width: 20, height: 10))
        let grown = HalfBlockImage.cellSize(imageWidth: 48, imageHeight: 48, scaling: .fit,
                                            area: Size(width: 200, height: 48))
        #expect(grown == Size(width: 96, height: 48))
    }

    @Test func upperPixelIsForegroundLowerIsBackground() throws {
        let image = try GrayImage(width: 2, height: 3, pixels: [0, 255, 128, 64, 200, 10])
        let theme = Theme(capabilities: .truecolor)
        let buffer = rendered(HalfBlockImage(image: image, theme: theme), size: Size(width: 4, height: 3))
        #expect(buffer.lines == ["▀▀  ", "▀▀  ", "    "])
        #expect(buffer.cell(x: 0, y: 0)?.style == Style(foreground: .gray(0), background: .gray(128)))
        #expect(buffer.cell(x: 1, y: 0)?.style == Style(foreground: .gray(255), background: .gray(64)))
        // The odd last row has no lower pixel: the background stays the terminal's.
        #expect(buffer.cell(x: 0, y: 1)?.style == Style(foreground: .gray(200)))
        let indexed = buffer.styledLines(adaptedTo: .standard)
        #expect(indexed[0] == "{fg=16,bg=244}▀{fg=231,bg=238}▀{}  ")
    }

    @Test func fallsBackToColoredSpacesOrAnAsciiRamp() throws {
        let image = try GrayImage(width: 2, height: 2, pixels: [0, 255, 0, 255])
        let colorOnly = Theme(capabilities: Capabilities(colorMode: .indexed256, unicode: false))
        let spaces = rendered(HalfBlockImage(image: image, theme: colorOnly), size: Size(width: 2, height: 1))
        #expect(spaces.lines == ["  "])
        #expect(spaces.cell(x: 1, y: 0)?.style.background == .gray(255))
        let sixteen = Theme(capabilities: Capabilities(colorMode: .ansi16, unicode: true))
        let ramp = rendered(HalfBlockImage(image: image, theme: sixteen), size: Size(width: 2, height: 1))
        #expect(ramp.lines == [" @"])
    }
}

@Suite struct AsciiFrameTests {
    let theme = Theme(capabilities: .plain)

    @Test func sizeIsAspectCorrected() {
        // 4:3 video in 80×24: full height, 64 columns (cells are twice as tall as wide).
        #expect(AsciiFrame.cellSize(imageWidth: 640, imageHeight: 480, fitting: Size(width: 80, height: 24))
            == Size(width: 64, height: 24))
        #expect(AsciiFrame.cellSize(imageWidth: 640, imageHeight: 480, fitting: Size(width: 40, height: 40))
            == Size(width: 40, height: 15))
        #expect(AsciiFrame.cellSize(imageWidth: 0, imageHeight: 480, fitting: Size(width: 40, height: 40))
            == Size(width: 0, height: 0))
    }

    @Test func gradientUsesTheWholeRamp() {
        let gradient = GrayImage(checkedWidth: 20, height: 1, pixels: (0..<20).map { UInt8($0 * 255 / 19) })
        let frame = AsciiFrame(image: gradient, autoLevels: false, theme: theme)
        let buffer = rendered(frame, size: Size(width: 20, height: 1))
        #expect(buffer.lines[0].first == " ")
        #expect(buffer.lines[0].last == "@")
        #expect(Set(buffer.lines[0]).count == LuminanceRamp.standard.levels)
    }

    @Test func ditheringKeepsAverageBrightness() {
        let gray = GrayImage(width: 16, height: 16, level: 100)
        for dithering in [Dithering.floydSteinberg, .ordered] {
            let levels = dithering.quantize(gray, levels: 2)
            let brightFraction = Double(levels.reduce(0, +)) / Double(levels.count)
            #expect(abs(brightFraction - 100.0 / 255) < 0.05, "\(dithering)")
        }
        #expect(Set(Dithering.none.quantize(gray, levels: 2)) == [0])
    }

    @Test func overlayBoxIsMappedFromPixelsToCells() {
        let image = GrayImage(width: 100, height: 50, level: 0)
        let overlay = FrameOverlay(rect: Rect(x: 20, y: 10, width: 40, height: 30), label: "sad")
        let frame = AsciiFrame(image: image, overlays: [overlay], theme: theme)
        let buffer = rendered(frame, size: Size(width: 50, height: 12))
        // 100×50 pixels → 48×12 cells from column 1: x scale 0.48, y scale 0.24.
        let blank10 = String(repeating: " ", count: 10)
        #expect(buffer.lines[2] == blank10 + "+ sad -------------+" + blank10 + blank10)
        #expect(buffer.lines[9].dropFirst(10).hasPrefix("+------------------+"))
        #expect(buffer.cell(x: 12, y: 2)?.style.reverse == true)
    }

    @Test func halfBlockModeNeedsTheGrayRamp() {
        let capable = Theme(capabilities: .standard)
        let halfBlocks = AsciiFrame(image: Fixtures.frame, mode: .halfBlock, theme: capable)
        #expect(screenText(rendered(halfBlocks, size: Size(width: 40, height: 10))).contains("▀"))
        let plain = AsciiFrame(image: Fixtures.frame, mode: .halfBlock, theme: theme)
        #expect(!screenText(rendered(plain, size: Size(width: 40, height: 10))).contains("▀"))
    }
}

@Suite struct ImageClippingTests {
    @Test func imagesStayInsideTheirArea() {
        let theme = Theme(capabilities: .standard)
        var buffer = Buffer(width: 20, height: 6)
        buffer.fill(buffer.area, scalar: "x")
        let original = HalfBlockImage(image: Fixtures.face, scaling: .original, theme: theme)
        buffer.render(original, in: Rect(x: 3, y: 2, width: 5, height: 2))
        #expect(buffer.lines == [
            "xxxxxxxxxxxxxxxxxxxx", "xxxxxxxxxxxxxxxxxxxx", "xxx▀▀▀▀▀xxxxxxxxxxxx",
            "xxx▀▀▀▀▀xxxxxxxxxxxx", "xxxxxxxxxxxxxxxxxxxx", "xxxxxxxxxxxxxxxxxxxx",
        ])
        let centered = HalfBlockImage(image: Fixtures.face, centered: true, theme: theme)
        let text = rendered(centered, size: Size(width: 20, height: 4)).lines
        #expect(text == Array(repeating: "      ▀▀▀▀▀▀▀▀      ", count: 4))
    }

    @Test func colorizedAsciiTintsCharactersOnlyWithColor() {
        let gradient = GrayImage(checkedWidth: 8, height: 1, pixels: (0..<8).map { UInt8($0 * 36) })
        let truecolor = Theme(capabilities: .truecolor)
        let plain = Theme(capabilities: .plain)
        let color = AsciiFrame(image: gradient, autoLevels: false, colorize: true, theme: truecolor)
        let tinted = rendered(color, size: Size(width: 8, height: 1))
        #expect(tinted.cell(x: 7, y: 0)?.style.foreground == .gray(252))
        let mono = AsciiFrame(image: gradient, autoLevels: false, colorize: true, theme: plain)
        #expect(rendered(mono, size: Size(width: 8, height: 1)).cell(x: 7, y: 0)?.style == .plain)
        let inverted = AsciiFrame(image: gradient, autoLevels: false, invert: true, theme: plain)
        #expect(rendered(inverted, size: Size(width: 8, height: 1)).lines[0].first == "@")
    }
}
