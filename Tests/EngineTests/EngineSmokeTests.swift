import Testing
@testable import Engine

@Test func engineModuleLinks() {
    #expect("\(EngineModule.self)" == "EngineModule")
}
