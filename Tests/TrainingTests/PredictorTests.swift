import Dataset
import Engine
import Foundation
import Testing
@testable import Training

@Suite struct PredictorTests {
    @Test func modelReferencesResolveRunsFoldsFilesAndTheDefault() throws {
        let run = try Fixtures.endToEnd.get()
        let folder = run.folder
        let bests = (1 ... 3).map { folder.bestCheckpoint(fold: $0).path }
        #expect(try ModelReference.resolve(folder.url.path, defaultModelPath: "/nowhere")
            == .ensemble(folder: folder.url.path, checkpoints: bests))
        #expect(try ModelReference.resolve(folder.foldDirectory(2).path, defaultModelPath: "/nowhere")
            == .checkpoint(path: bests[1]))
        let epochFile = folder.epochCheckpoint(fold: 1, epoch: run.config.epochs).path
        let resolved = try ModelReference.resolve(epochFile, defaultModelPath: "/nowhere")
        #expect(resolved == .checkpoint(path: epochFile))
        #expect(try ModelReference.resolve(nil, defaultModelPath: bests[0]) == .checkpoint(path: bests[0]))

        #expect {
            try ModelReference.resolve(nil, defaultModelPath: "/nowhere/model")
        } throws: { error in
            "\(error)".contains("default model is missing")
        }
        let empty = Fixtures.temporaryDirectory("empty-models")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: TrainingError.self) {
            try ModelReference.resolve(empty.path, defaultModelPath: "/nowhere")
        }
    }

    @Test func ensembleAveragesItsMembersAndMatchesTheSummary() throws {
        let run = try Fixtures.endToEnd.get()
        let reference = try ModelReference.resolve(run.folder.url.path, defaultModelPath: "/nowhere")
        let ensemble = try Predictor.load(reference)
        #expect(ensemble.models.count == 3)
        #expect(ensemble.classNames == Fixtures.classNames)

        let test = run.dataset.heldOutIndices
        let report = try Evaluator.evaluate(ensemble, dataset: run.dataset, indices: test)
        #expect(report == run.summary.ensembleTest)
        #expect(try Evaluator.evaluate(reference, dataset: run.dataset, indices: test) == report)

        let faces = test.prefix(4).map { Array(run.dataset.image(at: $0)) }
        let together = try ensemble.probabilities(for: faces)
        let members = try reference.checkpointPaths.map {
            try Predictor.load(.checkpoint(path: $0)).probabilities(for: faces)
        }
        for (face, probabilities) in together.enumerated() {
            #expect(abs(probabilities.reduce(0, +) - 1) < 1e-5)
            for (index, value) in probabilities.enumerated() {
                let mean = members.reduce(Float(0)) { $0 + $1[face][index] } / 3
                #expect(abs(value - mean) < 1e-6)
            }
        }
        let prediction = try ensemble.prediction(for: faces[0])
        #expect(prediction.label == Fixtures.classNames[prediction.classIndex])
        #expect(prediction.confidence == prediction.probabilities.max())
        #expect(prediction.classIndex == Int(run.dataset.labels[test[0]]))
    }

    @Test func flipAugmentationAveragesAFaceAndItsMirrorImage() throws {
        let run = try Fixtures.endToEnd.get()
        let predictor = try Predictor.load(.checkpoint(path: run.folder.bestCheckpoint(fold: 1).path))
        let side = FaceDataset.imageSide
        let faces = run.dataset.heldOutIndices.prefix(3).map { Array(run.dataset.image(at: $0)) }
        let mirrored = faces.map { face in
            (0 ..< side * side).map { face[($0 / side) * side + side - 1 - $0 % side] }
        }
        #expect(mirrored != faces)
        let plain = try predictor.probabilities(for: faces)
        let ofMirrors = try predictor.probabilities(for: mirrored)
        predictor.testTimeAugmentation = .flip
        let averaged = try predictor.probabilities(for: faces)
        for face in faces.indices {
            for index in plain[face].indices {
                #expect(abs(averaged[face][index] - (plain[face][index] + ofMirrors[face][index]) / 2) < 1e-6)
            }
        }
        let test = run.dataset.heldOutIndices
        #expect(
            try Evaluator.evaluate(predictor, dataset: run.dataset, indices: test)
                == Evaluator.evaluate(.checkpoint(path: run.folder.bestCheckpoint(fold: 1).path),
                                      dataset: run.dataset, indices: test, testTimeAugmentation: .flip)
        )
    }

    @Test func cropAugmentationAveragesTenShiftedAndMirroredViews() throws {
        let run = try Fixtures.endToEnd.get()
        let predictor = try Predictor.load(.checkpoint(path: run.folder.bestCheckpoint(fold: 1).path))
        let faces = run.dataset.heldOutIndices.prefix(2).map { Array(run.dataset.image(at: $0)) }
        let views = TestTimeAugmentation.crops.views
        #expect(views.count == 10 && Set(views).count == 10 && views.first == .identity)
        // Each view rendered by hand as bytes-to-float, then classified as its own face.
        var expected = [[Float]](repeating: [], count: faces.count)
        for view in views {
            for (index, face) in faces.enumerated() {
                var rendered = [Float](repeating: 0, count: face.count)
                face.withUnsafeBufferPointer { view.render($0.baseAddress!, into: &rendered) }
                let bytes = rendered.map { UInt8(($0 * 255).rounded()) }
                let probabilities = try predictor.probabilities(for: [bytes])[0]
                expected[index] = expected[index].isEmpty
                    ? probabilities : zip(expected[index], probabilities).map { $0 + $1 }
            }
        }
        predictor.testTimeAugmentation = .crops
        let averaged = try predictor.probabilities(for: faces)
        for face in faces.indices {
            #expect(abs(averaged[face].reduce(0, +) - 1) < 1e-5)
            for index in averaged[face].indices {
                // Whole-pixel shifts and mirrors need no interpolation: the bytes round-trip exactly.
                #expect(abs(averaged[face][index] - expected[face][index] / 10) < 1e-4)
            }
        }
        predictor.testTimeAugmentation = .none
        #expect(try predictor.probabilities(for: faces) != averaged)
    }

    @Test func inputBlurFromTheCheckpointIsApplied() throws {
        let run = try Fixtures.endToEnd.get()
        let source = run.folder.bestCheckpoint(fold: 1)
        var checkpoint = try Checkpoint.read(from: source)
        checkpoint.metadata.inputBlurSigma = 2
        let blurred = Fixtures.temporaryDirectory("blur").appendingPathComponent("m.safetensors")
        try checkpoint.write(to: blurred)
        let faces = run.dataset.heldOutIndices.prefix(3).map { Array(run.dataset.image(at: $0)) }
        let fromMetadata = try Predictor.load(.checkpoint(path: blurred.path))
        #expect(fromMetadata.inputBlurSigma == 2)
        let plain = try Predictor.load(.checkpoint(path: source.path))
        #expect(plain.inputBlurSigma == nil)
        let sharp = try plain.probabilities(for: faces)
        plain.inputBlurSigma = 2
        #expect(try fromMetadata.probabilities(for: faces) == plain.probabilities(for: faces))
        #expect(try plain.probabilities(for: faces) != sharp)

        // A blur keeps a flat image flat and its mean.
        let blur = GaussianBlur(sigma: 3)
        let flat = UnsafeMutablePointer<Float>.allocate(capacity: 48 * 48), scratch = UnsafeMutablePointer<Float>.allocate(capacity: 48 * 48)
        defer { flat.deallocate(); scratch.deallocate() }
        flat.initialize(repeating: 0.25, count: 48 * 48)
        blur.apply(flat, side: 48, scratch: scratch)
        #expect((0 ..< 48 * 48).allSatisfy { abs(flat[$0] - 0.25) < 1e-6 })
    }

    @Test func badInputIsRejectedWithAReason() throws {
        let run = try Fixtures.endToEnd.get()
        let predictor = try Predictor.load(.checkpoint(path: run.folder.bestCheckpoint(fold: 1).path))
        #expect {
            try predictor.probabilities(for: [UInt8](repeating: 0, count: 100))
        } throws: { error in
            "\(error)".contains("100 bytes")
        }
        let sevenClasses = try FaceDataset(
            pixels: [UInt8](repeating: 0, count: 2304), labels: [0], classNames: FER2013.classNames
        )
        #expect {
            try Evaluator.evaluate(predictor, dataset: sevenClasses)
        } throws: { error in
            "\(error)".contains("classes")
        }
        #expect(throws: TrainingError.self) { try Predictor(models: []) }
        let notAFile = Fixtures.temporaryDirectory("garbage").appendingPathExtension("safetensors")
        try Data("not a checkpoint".utf8).write(to: notAFile)
        defer { try? FileManager.default.removeItem(at: notAFile) }
        #expect {
            try Predictor.load(.checkpoint(path: notAFile.path))
        } throws: { error in
            "\(error)".contains(notAFile.path)
        }
    }

    @Test func aDatasetWithFewerClassesIsScoredOverTheClassesItHolds() throws {
        let run = try Fixtures.endToEnd.get()
        let predictor = try Predictor.load(.checkpoint(path: run.folder.bestCheckpoint(fold: 1).path))
        // The held-out squares and horizontal bars, their classes named in another order.
        let names = Fixtures.classNames, subsetNames = ["square", "horizontal"]
        let kept = run.dataset.heldOutIndices.filter { names[Int(run.dataset.labels[$0])] != "vertical" }
        let faces = kept.map { Array(run.dataset.image(at: $0)) }
        let actual = kept.map { names[Int(run.dataset.labels[$0])] }
        let subset = try FaceDataset(
            pixels: faces.flatMap { $0 }, labels: actual.map { UInt8(subsetNames.firstIndex(of: $0)!) },
            classNames: subsetNames
        )
        let predictedBySlot = try predictor.probabilities(for: faces).map { row in
            names[row.indices.max { row[$0] < row[$1] }!]
        }
        let correct = zip(predictedBySlot, actual).filter { $0 == $1 }.count

        let report = try Evaluator.evaluate(predictor, dataset: subset)
        #expect(report.sampleCount == kept.count)
        #expect(abs(report.accuracy - Double(correct) / Double(kept.count)) < 1e-12)
        #expect(report.absentClasses == ["vertical"])
        #expect(report.classes.map(\.name) == ["horizontal", "square"])
        #expect(report.confusionMatrix.classNames == names)
        let verticalGuesses = predictedBySlot.filter { $0 == "vertical" }.count
        #expect(report.confusionMatrix.predictions(of: 1) == verticalGuesses, "counted as errors")
        #expect(report.lines.contains { $0.contains("no vertical faces") })
        #expect(!report.lines.contains { $0.hasPrefix("vertical") }, "no row for the absent class")
    }

    @Test func evaluationReportsItsProgressOverEveryMember() throws {
        let run = try Fixtures.endToEnd.get()
        let test = run.dataset.heldOutIndices
        let reference = try ModelReference.resolve(run.folder.url.path, defaultModelPath: "")
        let members = reference.checkpointPaths.count
        nonisolated(unsafe) var calls: [(Int, Int)] = []
        let report = try Evaluator.evaluate(reference, dataset: run.dataset, indices: test) { calls.append(($0, $1)) }
        #expect(report == (try Evaluator.evaluate(reference, dataset: run.dataset, indices: test)))
        #expect(calls.allSatisfy { $0.1 == members * test.count })
        #expect(calls.last.map { $0.0 == $0.1 } == true)
        #expect(zip(calls, calls.dropFirst()).allSatisfy { $0.0 < $1.0 }, "increasing")
    }

    @Test func defaultEvaluationIndicesAreTheHeldOutSplit() throws {
        let withTest = try Fixtures.shapes(trainPerClass: 2, testPerClass: 1)
        let (indices, name) = Evaluator.defaultIndices(for: withTest)
        #expect(indices == withTest.heldOutIndices && name == "held-out test split")
        let withoutTest = try Fixtures.shapes(trainPerClass: 2)
        #expect(Evaluator.defaultIndices(for: withoutTest).indices == Array(0 ..< 6))
    }
}
