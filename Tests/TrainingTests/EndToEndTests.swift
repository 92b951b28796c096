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

    /// Once the shapes are learnt, validation accuracy stops improving and the fold ends early.
    @Test func earlyStoppingEndsAFoldThatNoLongerImproves() throws {
        let directory = Fixtures.temporaryDirectory("early-stop")
        defer { try? FileManager.default.removeItem(at: directory) }
        var config = Fixtures.config(epochs: 30, folds: [2], learningRate: 1e-2)
        config.earlyStoppingPatience = 2
        let dataset = try Fixtures.shapes(trainPerClass: 30)
        let (run, outcome, _) = try Fixtures.train(config, on: dataset, in: directory)
        guard case let .finished(summary) = outcome, let fold = summary.folds.first else {
            Issue.record("the run did not finish: \(outcome)")
            return
        }
        #expect(fold.stoppedEarly)
        #expect(fold.epochsRun < 30)
        #expect(fold.epochsRun - fold.best.epoch == 2)
        #expect(try run.folder.readMetrics().count == fold.epochsRun)
    }
}
