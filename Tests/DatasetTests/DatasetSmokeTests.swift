import Testing
@testable import Dataset

@Test func datasetModuleLinks() {
    #expect("\(DatasetModule.self)" == "DatasetModule")
}
