import Testing
@testable import App

@Test func appModuleLinks() {
    #expect("\(AppModule.self)" == "AppModule")
}
