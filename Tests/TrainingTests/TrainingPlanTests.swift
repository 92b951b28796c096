import Dataset
import Foundation
import Testing
@testable import Training

@Suite struct TrainingPlanTests {
    @Test func heldOutTestSamplesNeverEnterTrainingOrValidation() throws {
        let dataset = try Fixtures.shapes(trainPerClass: 12, testPerClass: 5)
        let test = Set(dataset.heldOutIndices)
        #expect(test.count == 15)
        let plan = try TrainingPlan(config: Fixtures.config(epochs: 3), dataset: dataset)
        #expect(Set(plan.folds.testIndices) == test)
        for fold in plan.folds.folds {
            #expect(test.isDisjoint(with: fold.validationIndices))
            for epoch in 0 ..< 3 {
                let order = plan.trainingOrder(fold: fold, epoch: epoch)
                #expect(test.isDisjoint(with: order), "fold \(fold.number), epoch \(epoch) trains on test")
                #expect(order.sorted() == fold.trainIndices)
            }
            #expect(Set(fold.trainIndices + fold.validationIndices) == Set(dataset.trainIndices))
        }

        var pooled = Fixtures.config(epochs: 3)
        pooled.poolTest = true
        let pooledPlan = try TrainingPlan(config: pooled, dataset: dataset)
        #expect(pooledPlan.folds.testIndices.isEmpty)
        #expect(Set(pooledPlan.folds.folds.flatMap(\.validationIndices)) == Set(0 ..< dataset.count))
    }

    @Test func dataOrderIsFreshEachEpochAndReproducible() throws {
        let dataset = try Fixtures.shapes(trainPerClass: 12)
        let plan = try TrainingPlan(config: Fixtures.config(), dataset: dataset)
        let again = try TrainingPlan(config: Fixtures.config(), dataset: dataset)
        let fold = try #require(plan.fold(1))
        #expect(plan.trainingOrder(fold: fold, epoch: 0) == again.trainingOrder(fold: fold, epoch: 0))
        #expect(plan.trainingOrder(fold: fold, epoch: 0) != plan.trainingOrder(fold: fold, epoch: 1))
        #expect(plan.modelSeed(fold: 1) != plan.modelSeed(fold: 2))
        #expect(plan.dataFingerprint == again.dataFingerprint)
        let otherData = try Fixtures.shapes(trainPerClass: 12, seed: 4)
        let other = try TrainingPlan(config: Fixtures.config(), dataset: otherData)
        #expect(other.dataFingerprint != plan.dataFingerprint)
    }

    @Test func foldsThatCannotBeMadeAreReportedAsDatasetErrors() throws {
        let dataset = try Fixtures.shapes(trainPerClass: 1)
        var config = Fixtures.config()
        config.foldCount = 5
        #expect {
            try TrainingPlan(config: config, dataset: dataset)
        } throws: { error in
            guard let error = error as? TrainingError, case .dataset = error else { return false }
            return error.description.contains("only 3 samples")
        }
    }
}
