import Terminal
import Testing
@testable import App

@Suite struct KeyIntentTests {
    @Test func arrowsAndVimKeysMoveTheSameWay() {
        #expect(KeyIntent(.up) == .up)
        #expect(KeyIntent(.character("k")) == .up)
        #expect(KeyIntent(.down) == .down)
        #expect(KeyIntent(.character("j")) == .down)
        #expect(KeyIntent(.left) == .left)
        #expect(KeyIntent(.character("h")) == .left)
        #expect(KeyIntent(.right) == .right)
        #expect(KeyIntent(.character("l")) == .right)
    }

    @Test func terminalConventions() {
        #expect(KeyIntent(.character("q")) == .back)
        #expect(KeyIntent(.escape) == .back)
        #expect(KeyIntent(.character("?")) == .help)
        #expect(KeyIntent(.tab) == .nextPane)
        #expect(KeyIntent(.backTab) == .previousPane)
        #expect(KeyIntent(.enter) == .choose)
        #expect(KeyIntent(.character("/")) == .search)
        #expect(KeyIntent(.pageDown) == .pageDown)
        #expect(KeyIntent(.control("f")) == .pageDown)
        #expect(KeyIntent(.home) == .first)
        #expect(KeyIntent(.character("G")) == .last)
        #expect(KeyIntent(.character("x")) == .other)
    }
}
