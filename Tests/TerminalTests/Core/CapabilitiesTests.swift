import Testing
@testable import Terminal

@Suite struct CapabilitiesTests {
    @Test(arguments: [
        (["TERM": "xterm-256color", "COLORTERM": "truecolor"], ColorMode.truecolor),
        (["TERM": "xterm-256color", "COLORTERM": "24bit"], .truecolor),
        (["TERM": "xterm-direct"], .truecolor),
        (["TERM": "xterm-256color"], .indexed256),
        (["TERM": "screen-256color", "COLORTERM": "yes"], .indexed256),
        (["TERM": "xterm"], .ansi16),
        (["TERM": "dumb", "COLORTERM": "truecolor"], .monochrome),
        ([:], .monochrome),
        (["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"], .monochrome),
        (["TERM": "xterm-256color", "NO_COLOR": ""], .indexed256),
    ])
    func colorModeFromEnvironment(environment: [String: String], expected: ColorMode) {
        #expect(Capabilities.detect(environment: environment).colorMode == expected)
    }

    @Test func terminfoColorCountRefinesTheGuess() {
        let xterm = ["TERM": "xterm"]
        #expect(Capabilities.detect(environment: xterm, terminalColors: 256).colorMode == .indexed256)
        #expect(Capabilities.detect(environment: xterm, terminalColors: 2).colorMode == .monochrome)
        #expect(Capabilities.detect(environment: xterm, terminalColors: 8).colorMode == .ansi16)
    }

    @Test(arguments: [
        (["LANG": "en_US.UTF-8"], true),
        (["LANG": "C.utf8"], true),
        (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false),
        (["LC_ALL": "", "LC_CTYPE": "de_DE.UTF-8", "LANG": "C"], true),
        (["LANG": "POSIX"], false),
        ([:], false),
    ])
    func unicodeFromLocale(environment: [String: String], expected: Bool) {
        #expect(Capabilities.detect(environment: environment).unicode == expected)
        #expect(Capabilities.detect(environment: environment).symbols.hasBraille == expected)
    }

    @Test func rgbDownConvertsToCubeAndGrayRamp() {
        let indexed = Capabilities(colorMode: .indexed256, unicode: true)
        #expect(indexed.adapt(.rgb(255, 0, 0)) == .indexed(196))
        #expect(indexed.adapt(.rgb(0, 0, 0)) == .indexed(16))
        #expect(indexed.adapt(.rgb(255, 255, 255)) == .indexed(231))
        #expect(indexed.adapt(.gray(128)) == .indexed(244))
        #expect(indexed.adapt(.gray(8)) == .indexed(232))
        #expect(indexed.adapt(.gray(238)) == .indexed(255))
        #expect(indexed.adapt(.rgb(95, 135, 175)) == .indexed(67))
        #expect(indexed.adapt(.ansi(3)) == .ansi(3))
    }

    @Test func everyGrayLevelMapsToAGrayEntry() {
        let indexed = Capabilities(colorMode: .indexed256, unicode: true)
        var previousLevel = -1
        for level in 0...255 {
            guard case .indexed(let index) = indexed.adapt(.gray(UInt8(level))) else {
                Issue.record("gray \(level) did not become an indexed color")
                return
            }
            let rgb = ColorPalette.rgb(ofIndex: index)
            #expect(rgb.red == rgb.green && rgb.green == rgb.blue, "gray \(level) -> \(index)")
            #expect(Int(rgb.red) >= previousLevel, "gray ramp must be monotonic at \(level)")
            #expect(abs(Int(rgb.red) - level) <= 20)
            previousLevel = Int(rgb.red)
        }
    }

    @Test func sixteenColorAndMonochromeConversion() {
        let basic = Capabilities(colorMode: .ansi16, unicode: false)
        #expect(basic.adapt(.rgb(250, 10, 10)) == .brightRed)
        #expect(basic.adapt(.indexed(4)) == .blue)
        #expect(basic.adapt(.indexed(21)) == .blue)
        #expect(basic.adapt(.gray(20)) == .black)
        let mono = Capabilities.plain
        let style = mono.adapt(Style(foreground: .red, background: .gray(3), bold: true))
        #expect(style == Style(bold: true))
        #expect(Capabilities.truecolor.adapt(.rgb(1, 2, 3)) == .rgb(1, 2, 3))
    }
}
