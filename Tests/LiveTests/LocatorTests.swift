import Engine
import Foundation
import Testing
@testable import Live
import Training
import Vision

@Suite struct LocatorTests {
    @Test func shippedModelIsTheDefaultAndARunFolderAnEnsemble() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let assets = directory.appendingPathComponent("Assets")
        let modelFolder = assets.appendingPathComponent("model")
        try FileManager.default.createDirectory(at: modelFolder, withIntermediateDirectories: true)
        let shipped = try TestSupport.writeCheckpoint(in: modelFolder, name: "fer.safetensors")
        let folders = [directory.appendingPathComponent("elsewhere").path, assets.path]
        #expect(try ModelLocator.reference(for: nil, assetFolders: folders) == .checkpoint(path: shipped))
        let second = try TestSupport.writeCheckpoint(in: modelFolder, name: "fer-fold2.safetensors", seed: 9)
        #expect(try ModelLocator.reference(for: nil, assetFolders: folders)
            == .ensemble(folder: modelFolder.path, checkpoints: [second, shipped]),
            "a shipped folder with several checkpoints is an ensemble")

        let run = directory.appendingPathComponent("run")
        for fold in 1...2 {
            let foldFolder = run.appendingPathComponent("fold-\(fold)")
            try FileManager.default.createDirectory(at: foldFolder, withIntermediateDirectories: true)
            _ = try TestSupport.writeCheckpoint(in: foldFolder, name: "best.safetensors", seed: UInt64(fold))
        }
        let classifier = try ClassifierLoader.load(modelPath: run.path, assetFolders: folders)
        let predictor = try #require(classifier as? Predictor)
        #expect(predictor.models.count == 2)
        let face = [UInt8](repeating: 128, count: 48 * 48)
        let probabilities = try classifier.probabilities(for: [face, face])
        #expect(probabilities.count == 2 && probabilities[0].count == 7)
        #expect(abs(probabilities[0].reduce(0, +) - 1) < 1e-5)
    }

    @Test func demoClipPutsTheFaceWhereItSays() throws {
        let clip = DemoClip(size: PixelSize(width: 596, height: 336), frameCount: 30)
        let first = clip.placement(0), middle = clip.placement(15), last = clip.placement(29)
        #expect(first.x < middle.x && middle.x < last.x, "left to right")
        #expect(middle.width > first.width, "grows towards the middle")
        for index in 0..<30 {
            let place = clip.placement(index)
            #expect(place.clamped(to: clip.size) == place, "frame \(index) stays inside the picture")
        }
        let face = clip.expectedFace(0)
        #expect(face.width == Int((95 * Double(first.width) / 180).rounded()))
    }
}
