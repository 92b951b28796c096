import Testing
@testable import Dataset

@Suite struct AugmentationTests {
    static let side = FaceDataset.imageSide
    static let image = TestImages.shape(4, variant: 3)

    static func unit(_ pixels: [UInt8]) -> [Float] {
        pixels.map { Float($0) / 255 }
    }

    static func bytes(_ floats: [Float]) -> [UInt8] {
        floats.map { UInt8(($0 * 255).rounded()) }
    }

    static func dataset() throws -> FaceDataset {
        try SyntheticFaces.dataset(classCount: 3, trainPerClass: 4, seed: 9)
    }

    @Test func flipTwiceIsIdentity() {
        let flip = SampleTransform(flip: true)
        let once = flip.applied(to: Self.image)
        let twice = flip.applied(to: Self.bytes(once))

        #expect(once != Self.unit(Self.image))
        #expect(once[0] == Self.unit(Self.image)[47])
        #expect(twice == Self.unit(Self.image))
    }

    @Test func zeroStrengthConfigIsIdentity() throws {
        let dataset = try Self.dataset()
        let indices = [5, 0, 11, 3]
        let size = FaceDataset.imageByteCount
        var plain = [Float](repeating: -1, count: indices.count * size)
        var augmented = [Float](repeating: -2, count: indices.count * size)
        plain.withUnsafeMutableBufferPointer { dataset.fillBatch(indices: indices, into: $0) }
        augmented.withUnsafeMutableBufferPointer {
            dataset.fillBatch(indices: indices, augmentation: .none, seed: 1, epoch: 4, into: $0)
        }

        #expect(AugmentationConfig.none.isIdentity)
        #expect(AugmentationConfig.none.transform(seed: 3, epoch: 2, sampleIndex: 1) == .identity)
        #expect(plain == augmented)
        let expected = indices.flatMap { Self.unit(Array(dataset.image(at: $0))) }
        #expect(plain == expected)
    }

    @Test func drawsAreDeterministicPerSeedEpochAndSample() {
        let config = AugmentationConfig.standard
        let first = config.transform(seed: 42, epoch: 3, sampleIndex: 17)

        #expect(config.transform(seed: 42, epoch: 3, sampleIndex: 17) == first)
        let others = [
            config.transform(seed: 42, epoch: 4, sampleIndex: 17),
            config.transform(seed: 42, epoch: 3, sampleIndex: 18),
            config.transform(seed: 43, epoch: 3, sampleIndex: 17),
        ]
        #expect(others.allSatisfy { $0 != first })
        #expect(first.applied(to: Self.image) == first.applied(to: Self.image))
    }

    @Test func drawsStayWithinTheConfiguredRanges() {
        let config = AugmentationConfig.standard
        var flips = 0
        var erasures = 0
        for index in 0 ..< 400 {
            let transform = config.transform(seed: 1, epoch: 0, sampleIndex: index)
            #expect(abs(transform.shiftX) <= 4.8 + 1e-4 && abs(transform.shiftY) <= 4.8 + 1e-4)
            #expect(abs(transform.rotationRadians) <= 10 * .pi / 180 + 1e-6)
            #expect(transform.scale >= 0.9 - 1e-6 && transform.scale <= 1.1 + 1e-6)
            if transform.flip { flips += 1 }
            if let rectangle = transform.erasing {
                erasures += 1
                let area = Float(rectangle.width * rectangle.height) / Float(Self.side * Self.side)
                #expect(area >= 0.005 && area <= 0.2)
                #expect(rectangle.x >= 0 && rectangle.x + rectangle.width <= Self.side)
                #expect(rectangle.y >= 0 && rectangle.y + rectangle.height <= Self.side)
            }
        }
        // Probabilities 0.5 and 0.25 over 400 draws.
        #expect((150 ... 250).contains(flips))
        #expect((60 ... 140).contains(erasures))
    }

    @Test func wholePixelShiftMovesPixelsAndReplicatesTheBorder() {
        let shifted = SampleTransform(shiftX: 2, shiftY: -1).applied(to: Self.image)
        let source = Self.unit(Self.image)

        for y in 0 ..< Self.side {
            for x in 0 ..< Self.side {
                let sourceX = max(x - 2, 0)
                let sourceY = min(y + 1, Self.side - 1)
                #expect(shifted[y * Self.side + x] == source[sourceY * Self.side + sourceX])
            }
        }
    }

    @Test func quarterTurnIsCounterClockwiseOnScreen() {
        var pixels = [UInt8](repeating: 0, count: FaceDataset.imageByteCount)
        pixels[23 * Self.side + 40] = 255  // right of centre
        let turned = SampleTransform(rotationRadians: .pi / 2).applied(to: pixels)

        // A point right of the centre (23.5, 23.5) goes above it.
        #expect(turned[7 * Self.side + 23] > 0.99)
        #expect(turned.reduce(0, +) < 1.01)
    }

    @Test func zoomKeepsTheCentreAndEnlarges() {
        var pixels = [UInt8](repeating: 0, count: FaceDataset.imageByteCount)
        for y in 20 ..< 28 {
            for x in 20 ..< 28 { pixels[y * Self.side + x] = 255 }
        }
        let zoomed = SampleTransform(scale: 2).applied(to: pixels)

        let bright = zoomed.filter { $0 > 0.5 }.count
        #expect((200 ... 330).contains(bright))  // 8×8 = 64 pixels become about 16×16 = 256
        #expect(zoomed[23 * Self.side + 23] == 1 && zoomed[24 * Self.side + 24] == 1)
    }

    @Test func erasingFillsOnlyItsRectangle() {
        let rectangle = ErasingRectangle(x: 5, y: 10, width: 7, height: 3, value: 0.25)
        let erased = SampleTransform(erasing: rectangle).applied(to: Self.image)
        let source = Self.unit(Self.image)

        for y in 0 ..< Self.side {
            for x in 0 ..< Self.side {
                let inside = (5 ..< 12).contains(x) && (10 ..< 13).contains(y)
                #expect(erased[y * Self.side + x] == (inside ? 0.25 : source[y * Self.side + x]))
            }
        }
    }

    @Test func standardBatchIsInRangeAndRepeatable() throws {
        let dataset = try Self.dataset()
        let indices = Array(0 ..< dataset.count)
        var first = [Float](repeating: -1, count: indices.count * FaceDataset.imageByteCount)
        var second = first
        first.withUnsafeMutableBufferPointer {
            dataset.fillBatch(indices: indices, augmentation: .standard, seed: 8, epoch: 1, into: $0)
        }
        second.withUnsafeMutableBufferPointer {
            dataset.fillBatch(indices: indices, augmentation: .standard, seed: 8, epoch: 1, into: $0)
        }

        #expect(first == second)
        #expect(first.allSatisfy { $0 >= 0 && $0 <= 1 })
        var plain = first
        plain.withUnsafeMutableBufferPointer { dataset.fillBatch(indices: indices, into: $0) }
        #expect(plain != first)
    }

    @Test func degenerateTransformNeverTraps() {
        let degenerate = SampleTransform(rotationRadians: .nan, scale: 0, shiftX: .infinity)
        let output = degenerate.applied(to: Self.image)
        #expect(output.count == FaceDataset.imageByteCount)
        #expect(output.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test func labelsFillIntoAnyIntegerBuffer() throws {
        let dataset = try Self.dataset()
        var labels = [Int32](repeating: -1, count: 3)
        labels.withUnsafeMutableBufferPointer { dataset.fillLabels(indices: [11, 0, 4], into: $0) }
        #expect(labels == [2, 0, 1])
    }
}
