import Dataset
import Engine
import Foundation
import Testing
import Vision
@testable import Training

@Suite struct EndToEndTests {
    @Test func threeFoldRunLearnsShapes() throws {
        let run = try Fixtures.endToEnd.get()
        #expect(run.summary.folds.map(\.fold) == [1, 2, 3])
        for fold in run.summary.folds {
            #expect(fold.best.validationAccuracy >= 0.9, "fold \(fold.fold): \(fold.best)")
        }
        #expect(run.summary.validationAccuracy.mean >= 0.9)
        let ensemble = try #require(run.summary.ensembleTest)
        #expect(ensemble.sampleCount == 30)
        #expect(ensemble.accuracy >= 0.9)
        #expect(run.summary.testAccuracy?.values.count == 3)
    }
}
