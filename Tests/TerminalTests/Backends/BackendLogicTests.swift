import CNcursesw
import Testing
@testable import Terminal

@Suite struct CursesKeyMappingTests {
    @Test func charactersAndControlKeys() {
        let ok = fer_ok()
        #expect(CursesKeyMapping.key(status: ok, code: 0x71) == .character("q"))
        #expect(CursesKeyMapping.key(status: ok, code: 0x00E9) == .character("é"))
        #expect(CursesKeyMapping.key(status: ok, code: 27) == .escape)
        #expect(CursesKeyMapping.key(status: ok, code: 13) == .enter)
        #expect(CursesKeyMapping.key(status: ok, code: 9) == .tab)
        #expect(CursesKeyMapping.key(status: ok, code: 127) == .backspace)
        #expect(CursesKeyMapping.key(status: ok, code: 3) == .interrupt)
        #expect(CursesKeyMapping.key(status: ok, code: 6) == .control("f"))
        #expect(CursesKeyMapping.key(status: fer_err(), code: 0) == nil)
    }

    @Test func specialKeys() {
        let special = fer_key_code_yes()
        func key(_ code: Int32) -> Key? { CursesKeyMapping.key(status: special, code: UInt32(code)) }
        #expect(key(fer_key_up()) == .up)
        #expect(key(fer_key_npage()) == .pageDown)
        #expect(key(fer_key_btab()) == .backTab)
        #expect(key(fer_key_resize()) == .resize)
        #expect(key(fer_key_f0() + 5) == .function(5))
        #expect(key(fer_key_mouse()) == nil)
        #expect(Key.escape.isBackOrQuit && Key.character("q").isBackOrQuit && !Key.enter.isBackOrQuit)
    }

    @Test func mouseReports() {
        func key(_ buttons: mmask_t) -> Key? { CursesKeyMapping.mouseKey(buttons: buttons, x: 3, y: 4) }
        #expect(key(fer_button1_pressed()) == .mouse(MouseEvent(.press, x: 3, y: 4)))
        #expect(key(fer_button1_clicked()) == .mouse(MouseEvent(.press, x: 3, y: 4)))
        #expect(key(fer_wheel_up()) == .mouse(MouseEvent(.wheelUp, x: 3, y: 4)))
        #expect(key(fer_wheel_down()) == .mouse(MouseEvent(.wheelDown, x: 3, y: 4)))
        #expect(key(0) == nil, "buttons fer does not use")
        #expect(CursesKeyMapping.mouseMask & fer_wheel_down() != 0)
    }
}

@Suite struct CursesColorTests {
    @Test func colorsMapToTheTerminalsPalette() {
        let indexed = CursesColorMapping(
            mode: .indexed256, directColor: false, basicColors: 16, hasDefaultColors: true
        )
        #expect(indexed.number(for: .default, isBackground: false) == -1)
        #expect(indexed.number(for: .rgb(255, 0, 0), isBackground: false) == 196)
        #expect(indexed.number(for: .brightBlue, isBackground: false) == 12)
        let eight = CursesColorMapping(
            mode: .ansi16, directColor: false, basicColors: 8, hasDefaultColors: false
        )
        #expect(eight.number(for: .brightRed, isBackground: false) == 1)
        #expect(eight.number(for: .default, isBackground: true) == 0)
        #expect(eight.number(for: .default, isBackground: false) == 7)
        let direct = CursesColorMapping(
            mode: .truecolor, directColor: true, basicColors: 16, hasDefaultColors: true
        )
        #expect(direct.number(for: .rgb(1, 2, 3), isBackground: false) == 0x010203)
        #expect(direct.number(for: .red, isBackground: false) == 1)
        let mono = CursesColorMapping(
            mode: .monochrome, directColor: false, basicColors: 8, hasDefaultColors: true
        )
        #expect(mono.number(for: .rgb(9, 9, 9), isBackground: false) == -1)
    }

    @Test func textIsNeverDrawnInTheColorItStandsOn() {
        let gray = Color.rgb(90, 90, 90)
        for hasDefaultColors in [true, false] {
            let eight = CursesColorMapping(
                mode: .ansi16, directColor: false, basicColors: 8, hasDefaultColors: hasDefaultColors
            )
            let own: Int32 = hasDefaultColors ? -1 : 7
            #expect(eight.number(for: gray, isBackground: false) == 0, "a gray falls to black on 8 colors")
            #expect(eight.numbers(for: Style(foreground: gray)).foreground == own)
            #expect(eight.numbers(for: Style(foreground: .black)).foreground == own)
            #expect(eight.numbers(for: Style(foreground: .brightBlue, background: .blue)) == (own, 4))
            #expect(eight.numbers(for: Style(foreground: .black, background: .white)) == (0, 7), "kept on a light fill")
            #expect(eight.numbers(for: Style(foreground: .red)).foreground == 1)
        }
        let indexed = CursesColorMapping(mode: .indexed256, directColor: false, basicColors: 16, hasDefaultColors: true)
        #expect(indexed.numbers(for: Style(foreground: gray)).foreground != -1, "256 colors keep their grays")
    }

    @Test func pairCacheReusesPairsAndReportsExhaustion() {
        var cache = ColorPairCache(capacity: 2)
        #expect(cache.pair(foreground: -1, background: -1)! == (0, false))
        #expect(cache.pair(foreground: 196, background: -1)! == (1, true))
        #expect(cache.pair(foreground: 196, background: -1)! == (1, false))
        #expect(cache.pair(foreground: 2, background: 0)! == (2, true))
        #expect(cache.pair(foreground: 3, background: 0) == nil)
        cache.removeAll()
        #expect(cache.count == 0)
        #expect(cache.pair(foreground: 3, background: 0)! == (1, true))
    }
}

@Suite struct TestBackendTests {
    @Test func recordsFramesScriptsKeysAndResizes() {
        let backend = TestBackend(size: Size(width: 10, height: 2), keys: [.down, .character("q")])
        let frame = backend.drawFrame { area, buffer in
            buffer.set(x: 0, y: 0, string: "size \(area.width)")
        }
        #expect(frame.lines[0] == "size 10   ")
        #expect(backend.lastFrame == frame)
        #expect(backend.pollKey(timeout: .milliseconds(50)) == .down)
        backend.resize(to: Size(width: 4, height: 1))
        #expect(backend.pollKey(timeout: .zero) == .character("q"))
        #expect(backend.pollKey(timeout: .zero) == .resize)
        #expect(backend.pollKey(timeout: .zero) == nil)
        #expect(backend.pollCount == 4)
        backend.drawFrame { area, buffer in buffer.set(x: 0, y: 0, string: "\(area.width)x\(area.height)") }
        #expect(backend.frames.count == 2)
        #expect(backend.lastFrame?.lines == ["4x1 "])
        backend.restore()
        #expect(backend.isRestored)
    }
}

@Suite struct FormattingTests {
    @Test func numbersAndDurations() {
        #expect(formatCount(2431) == "2,431")
        #expect(formatCount(-1_234_567) == "-1,234,567")
        #expect(formatCount(999) == "999")
        #expect(formatRate(2431.4, unit: "img") == "2,431 img/s")
        #expect(formatRate(3.25, unit: "img") == "3.3 img/s")
        #expect(formatRate(.nan, unit: "img") == "- img/s")
        #expect(formatPercent(0.8734) == "87.3%")
        #expect(formatFixed(-0.0004, decimals: 3) == "0.000")
        #expect(formatFixed(2.5, decimals: 0) == "3")
        #expect(formatFixed(-1.05, decimals: 2) == "-1.05")
        #expect(formatDuration(83) == "1:23")
        #expect(formatDuration(3723) == "1:02:03")
        #expect(formatDuration(-1) == "--:--")
        #expect(formatDuration(.infinity) == "--:--")
        #expect(estimatedRemainingSeconds(fraction: 0.25, elapsed: 60) == 180)
        #expect(estimatedRemainingSeconds(fraction: 0, elapsed: 60) == nil)
        #expect(ValueFormat.automatic.format(0.41234, span: 0.5) == "0.412")
        #expect(ValueFormat.automatic.format(1234.5, span: 500) == "1235")
        #expect(ValueFormat.percent(decimals: 0).format(0.915, span: 1) == "92%")
    }
}
