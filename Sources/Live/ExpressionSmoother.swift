import Vision

/// Steadies each face's probabilities over time with an exponential moving average, so the
/// label does not flicker from frame to frame. Faces are matched to the previous frames' faces
/// by box overlap; each keeps its own average and a stable `track` number.
public struct ExpressionSmoother: Sendable {
    /// Weight of the past in [0, 1): 0 shows each frame's own probabilities, 0.9 is very
    /// smooth (about the last 10 frames count). new = smoothing × old + (1 − smoothing) × frame.
    public let smoothing: Double
    /// Intersection over union a box needs with a remembered face to continue it.
    public let minimumOverlap: Double
    /// Frames a face stays remembered after it was last seen (bridges detector misses).
    public let memoryFrames: Int
    private var tracks: [Track] = []
    private var nextTrack = 1

    private struct Track {
        var number: Int
        var box: FaceBox
        var probabilities: [Float]
        var framesMissed: Int
    }

    public init(smoothing: Double, minimumOverlap: Double = 0.3, memoryFrames: Int = 5) throws {
        guard smoothing >= 0, smoothing < 1 else {
            throw LiveError.invalidOption(
                detail: "smoothing (--smoothing) must be at least 0 and below 1, got \(smoothing)")
        }
        self.smoothing = smoothing
        self.minimumOverlap = minimumOverlap
        self.memoryFrames = max(0, memoryFrames)
    }

    /// One frame's faces → their smoothed probabilities and track numbers, in the same order.
    public mutating func update(_ faces: [FaceObservation]) -> [(track: Int, probabilities: [Float])] {
        let assignment = matchTracks(to: faces)
        var matched = Set<Int>()
        var results: [(track: Int, probabilities: [Float])] = []
        for (faceIndex, face) in faces.enumerated() {
            if let trackIndex = assignment[faceIndex] {
                matched.insert(trackIndex)
                tracks[trackIndex].probabilities = blend(tracks[trackIndex].probabilities, face.probabilities)
                tracks[trackIndex].box = face.box
                tracks[trackIndex].framesMissed = 0
                results.append((tracks[trackIndex].number, tracks[trackIndex].probabilities))
            } else {
                tracks.append(
                    Track(
                        number: nextTrack, box: face.box, probabilities: face.probabilities, framesMissed: 0))
                matched.insert(tracks.count - 1)
                results.append((nextTrack, face.probabilities))
                nextTrack += 1
            }
        }
        for index in tracks.indices where !matched.contains(index) { tracks[index].framesMissed += 1 }
        tracks.removeAll { $0.framesMissed > memoryFrames }
        return results
    }

    /// Forgets every face (e.g. when a looping video starts over).
    public mutating func reset() {
        tracks.removeAll()
    }

    /// Face index → track index, pairing the most overlapping boxes first.
    private func matchTracks(to faces: [FaceObservation]) -> [Int: Int] {
        var pairs: [(overlap: Double, face: Int, track: Int)] = []
        for (faceIndex, face) in faces.enumerated() {
            for (trackIndex, track) in tracks.enumerated() {
                let overlap = face.box.intersectionOverUnion(with: track.box)
                if overlap >= minimumOverlap { pairs.append((overlap, faceIndex, trackIndex)) }
            }
        }
        pairs.sort { $0.overlap > $1.overlap }
        var assignment: [Int: Int] = [:]
        var usedTracks = Set<Int>()
        for pair in pairs where assignment[pair.face] == nil && !usedTracks.contains(pair.track) {
            assignment[pair.face] = pair.track
            usedTracks.insert(pair.track)
        }
        return assignment
    }

    private func blend(_ old: [Float], _ new: [Float]) -> [Float] {
        guard old.count == new.count else { return new }
        let keep = Float(smoothing), take = 1 - Float(smoothing)
        return zip(old, new).map { keep * $0 + take * $1 }
    }
}
