import Testing
@testable import Terminal

@Suite struct BufferTests {
    @Test func setWritesAndClipsText() {
        var buffer = Buffer(width: 8, height: 2)
        let end = buffer.set(x: 5, y: 0, string: "hello")
        #expect(end == 8)
        #expect(buffer.lines == ["     hel", "        "])
        buffer.set(x: -2, y: 1, string: "abcdef", maxWidth: 5)
        #expect(buffer.lines[1] == "cde     ")
        buffer.set(x: 0, y: 5, string: "ignored")
        buffer.set(x: 0, y: -1, string: "ignored")
        #expect(buffer.lines == ["     hel", "cde     "])
    }

    @Test func wideCharactersTakeTwoCellsAndStayWhole() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.set(x: 0, y: 0, string: "日本x")
        #expect(buffer.cell(x: 0, y: 0)?.width == 2)
        #expect(buffer.cell(x: 1, y: 0)?.isContinuation == true)
        #expect(buffer.lines == ["日本x "])
        // Overwriting the right half of 本 blanks its left half too.
        buffer.set(x: 3, y: 0, string: "Z")
        #expect(buffer.lines == ["日 Zx "])
        // A wide character that does not fit at the edge becomes a space.
        buffer.set(x: 5, y: 0, string: "語")
        #expect(buffer.lines == ["日 Zx "])
        #expect(buffer.cell(x: 5, y: 0)?.width == 1)
    }

    @Test func controlCharactersAndCombiningMarksAreNeutralised() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.set(x: 0, y: 0, string: "a\u{1B}[b\u{301}\tc")
        #expect(buffer.lines == ["a?[b c"])
    }

    @Test func diffListsOnlyChangedCells() {
        var previous = Buffer(width: 4, height: 2)
        previous.set(x: 0, y: 0, string: "abcd")
        var next = previous
        next.set(x: 1, y: 1, string: "Z", style: Style(bold: true))
        next.set(x: 2, y: 0, string: "c")
        let changes = next.diff(from: previous)
        #expect(changes == [CellChange(x: 1, y: 1, cell: Cell("Z", style: Style(bold: true)))])
        #expect(next.diff(from: next).isEmpty)
    }

    @Test func diffAgainstADifferentSizeRedrawsEverything() {
        var next = Buffer(width: 3, height: 2)
        next.set(x: 0, y: 0, string: "日")
        let changes = next.diff(from: Buffer(width: 2, height: 2))
        // Six cells minus the continuation half of the wide character.
        #expect(changes.count == 5)
        #expect(changes.first?.cell.scalar == "日")
    }

    @Test func fillStyleAndPaste() {
        var buffer = Buffer(width: 5, height: 3)
        buffer.fill(Rect(x: 1, y: 1, width: 10, height: 1), scalar: "#")
        #expect(buffer.lines == ["     ", " ####", "     "])
        buffer.setStyle(Style(foreground: .red), in: Rect(x: 0, y: 1, width: 2, height: 1))
        #expect(buffer.cell(x: 1, y: 1)?.style.foreground == .red)
        #expect(buffer.cell(x: 1, y: 1)?.scalar == "#")
        var small = Buffer(width: 2, height: 1)
        small.set(x: 0, y: 0, string: "ok")
        buffer.paste(small, x: 4, y: 2)
        #expect(buffer.lines[2] == "    o")
    }

    @Test func styledLinesMarkStyleRuns() {
        var buffer = Buffer(width: 7, height: 1)
        buffer.set(x: 0, y: 0, string: "{a", style: Style(foreground: .rgb(255, 0, 0), bold: true))
        buffer.set(x: 3, y: 0, string: "b", style: Style(background: .gray(128)))
        let truecolor = buffer.styledLines(adaptedTo: .truecolor)
        #expect(truecolor == ["{fg=#ff0000,b}{{a{} {bg=#808080}b{}   "])
        let indexed = buffer.styledLines(adaptedTo: .standard)
        #expect(indexed == ["{fg=196,b}{{a{} {bg=244}b{}   "])
        #expect(buffer.styledLines(adaptedTo: .plain) == ["{b}{{a{} b   "])
    }
}
