import Testing
@testable import Terminal

@Suite struct TextWidgetTests {
    let theme = Theme(capabilities: Capabilities(colorMode: .monochrome, unicode: true))

    @Test func blockDrawsBorderTitleAndReportsItsInside() {
        let block = Block(title: "Fold 1", theme: theme)
        let buffer = rendered(block, size: Size(width: 12, height: 3))
        #expect(buffer.lines == ["┌ Fold 1 ──┐", "│          │", "└──────────┘"])
        #expect(block.inner(Rect(x: 0, y: 0, width: 12, height: 3)) == Rect(x: 1, y: 1, width: 10, height: 1))
        let long = Block(title: "A very long title", theme: theme)
        #expect(rendered(long, size: Size(width: 10, height: 2)).lines[0] == "┌ A ver… ┐")
        let open = Block(title: "Log", borders: .top, theme: theme)
        #expect(open.inner(Rect(x: 0, y: 0, width: 10, height: 5)) == Rect(x: 0, y: 1, width: 10, height: 4))
    }

    @Test func paragraphWrapsAlignsAndScrolls() {
        let text = "one two three four five six"
        let paragraph = Paragraph(text: text, alignment: .right, theme: theme)
        #expect(rendered(paragraph, size: Size(width: 10, height: 3)).lines == [
            "   one two", "three four", "  five six",
        ])
        let scrolled = Paragraph(text: text, scroll: 1, theme: theme)
        #expect(rendered(scrolled, size: Size(width: 10, height: 1)).lines == ["three four"])
        let truncated = Paragraph(text: text, wrapping: .truncate, theme: theme)
        #expect(rendered(truncated, size: Size(width: 10, height: 2)).lines == ["one two t…", "          "])
        let lines = Paragraph(text: "a\n\nb", theme: theme).layout(width: 5)
        #expect(lines.map(\.plainText) == ["a", "", "b"])
    }

    @Test func statusBarKeepsTheRightSideAndTruncatesTheLeft() {
        let hints = [KeyBinding("q", "quit"), KeyBinding("?", "help")]
        let bar = StatusBar(hints: hints, right: "fold 2/5", theme: theme)
        let wide = rendered(bar, size: Size(width: 30, height: 1))
        #expect(wide.lines == [" q quit  ? help      fold 2/5 "])
        #expect(wide.cell(x: 1, y: 0)?.style == Style(bold: true, reverse: true))
        #expect(wide.cell(x: 29, y: 0)?.style.reverse == true)
        let narrow = rendered(bar, size: Size(width: 18, height: 1))
        #expect(narrow.lines == [" q qui…  fold 2/5 "])
    }

    @Test func helpOverlayIsCentredAndClearsBelow() {
        var buffer = Buffer(width: 30, height: 9)
        buffer.fill(buffer.area, scalar: "x")
        let overlay = HelpOverlay(bindings: [KeyBinding("q", "quit"), KeyBinding("?", "help")], theme: theme)
        buffer.render(overlay, in: buffer.area)
        #expect(buffer.lines == [
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxx╭────── Help ───────╮xxxxx",
            "xxxx│ q  quit           │xxxxx",
            "xxxx│ ?  help           │xxxxx",
            "xxxx│                   │xxxxx",
            "xxxx│ ? or Esc to close │xxxxx",
            "xxxx╰───────────────────╯xxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ])
    }

    @Test func sizeGuardFitsAndExplains() {
        let guardWidget = SizeGuard(minimumWidth: 80, minimumHeight: 24, theme: theme)
        #expect(guardWidget.fits(Rect(x: 0, y: 0, width: 80, height: 24)))
        #expect(!guardWidget.fits(Rect(x: 0, y: 0, width: 79, height: 40)))
        #expect(!guardWidget.fits(Rect(x: 0, y: 0, width: 200, height: 23)))
        #expect(guardWidget.message(for: Size(width: 60, height: 20))
            == "Terminal too small — enlarge it to at least 80×24 (now 60×20)")
        let ascii = SizeGuard(minimumWidth: 80, minimumHeight: 24, theme: Theme(capabilities: .plain))
        #expect(ascii.message(for: Size(width: 60, height: 20))
            == "Terminal too small - enlarge it to at least 80x24 (now 60x20)")
        var buffer = Buffer(width: 20, height: 7)
        buffer.fill(buffer.area, scalar: "#")
        buffer.render(guardWidget, in: buffer.area)
        #expect(buffer.lines == [
            "                    ", "Terminal too small —", "  enlarge it to at  ",
            "  least 80×24 (now  ", "       20×7)        ", "                    ", "                    ",
        ])
    }
}
