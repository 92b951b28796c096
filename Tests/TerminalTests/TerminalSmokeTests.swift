import Testing
@testable import Terminal

@Test func terminalModuleLinks() {
    #expect("\(TerminalModule.self)" == "TerminalModule")
}
