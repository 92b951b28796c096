import Testing
@testable import Terminal

@Suite struct TextLayoutTests {
    @Test func widthCountsWideAndZeroWidthScalars() {
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("日本") == 4)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("⣿▀█") == 3)
        #expect(TextWidth.of("😀") == 2)
    }

    @Test func truncateAddsEllipsisOnlyWhenCutting() {
        #expect(TextWidth.truncate("hello world", toWidth: 8) == "hello w…")
        #expect(TextWidth.truncate("hello", toWidth: 8) == "hello")
        #expect(TextWidth.truncate("hello", toWidth: 1) == "h")
        #expect(TextWidth.truncate("日本語", toWidth: 4) == "日…")
        #expect(TextWidth.pad("ab", toWidth: 5, alignment: .right) == "   ab")
        #expect(TextWidth.pad("ab", toWidth: 5, alignment: .center) == " ab  ")
    }

    @Test func wordWrapBreaksBetweenWordsAndSplitsLongOnes() {
        let rows = TextLayout.wrap(Line("the quick brown fox jumps"), width: 10, wrapping: .word)
        #expect(rows.map(\.plainText) == ["the quick", "brown fox", "jumps"])
        let long = TextLayout.wrap(Line("a supercalifragilistic word"), width: 8, wrapping: .word)
        #expect(long.map(\.plainText) == ["a", "supercal", "ifragili", "stic", "word"])
        let characters = TextLayout.wrap(Line("abcdefgh"), width: 3, wrapping: .character)
        #expect(characters.map(\.plainText) == ["abc", "def", "gh"])
    }

    @Test func wrappingKeepsSpanStyles() {
        let bold = Style(bold: true)
        let line = Line([Span("plain "), Span("bold words", style: bold)])
        let rows = TextLayout.wrap(line, width: 10, wrapping: .word)
        #expect(rows.map(\.plainText) == ["plain bold", "words"])
        #expect(rows[0].spans.last == Span("bold", style: bold))
        #expect(rows[1].spans == [Span("words", style: bold)])
    }
}
