import Testing
@testable import Training

@Test func trainingModuleLinks() {
    #expect("\(TrainingModule.self)" == "TrainingModule")
}
