#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// xoshiro256** (Blackman & Vigna), seeded through SplitMix64: a small, fast generator whose
/// sequence is fixed by its seed on every platform and Swift version, so initialisation,
/// dropout, folds, shuffles and augmentation replay exactly (resume, comparisons between runs).
/// The one seeded generator of the project; its state is saved in resume checkpoints.
public struct RandomGenerator: RandomNumberGenerator, Sendable, Codable, Equatable {
    private var state0: UInt64
    private var state1: UInt64
    private var state2: UInt64
    private var state3: UInt64

    public init(seed: UInt64) {
        var mixer = seed
        state0 = Self.splitMix64(&mixer)
        state1 = Self.splitMix64(&mixer)
        state2 = Self.splitMix64(&mixer)
        state3 = Self.splitMix64(&mixer)
    }

    /// A generator for one item of a stream, e.g. (seed, epoch, sample index): the parts are
    /// folded through SplitMix64 so neighbouring inputs give unrelated sequences.
    public init(seed: UInt64, stream parts: UInt64...) {
        var key = seed
        for part in parts {
            var mixer = key ^ (part &* 0x9E37_79B9_7F4A_7C15)
            key = Self.splitMix64(&mixer)
        }
        self.init(seed: key)
    }

    /// The four state words, as resume checkpoints store them.
    public var state: [UInt64] { [state0, state1, state2, state3] }

    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(state1 &* 5, 7) &* 9
        let shifted = state1 << 17
        state2 ^= state0
        state3 ^= state1
        state1 ^= state2
        state0 ^= state3
        state2 ^= shifted
        state3 = Self.rotateLeft(state3, 45)
        return result
    }

    /// A uniform Float in [0, 1) with 24 random bits.
    public mutating func uniform() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// A uniform Float in [low, high).
    public mutating func uniform(_ low: Float, _ high: Float) -> Float { low + (high - low) * uniform() }

    /// Uniform in `range` (lower bound included).
    public mutating func uniform(in range: ClosedRange<Float>) -> Float { uniform(range.lowerBound, range.upperBound) }

    /// A standard normal sample (Box–Muller).
    public mutating func normal() -> Float {
        let u1 = max(Double(next() >> 11) * 0x1p-53, 1e-300)
        let u2 = Double(next() >> 11) * 0x1p-53
        return Float((-2 * log(u1)).squareRoot() * cos(2 * .pi * u2))
    }

    /// Uniform integer in 0..<bound, unbiased (Lemire's multiply-and-reject); 0 when bound ≤ 1.
    public mutating func nextInt(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold {
                product = next().multipliedFullWidth(by: limit)
            }
        }
        return Int(product.high)
    }

    /// Fisher–Yates shuffle with this generator (Swift's own `shuffle(using:)` does not
    /// promise the same order across versions).
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for position in stride(from: elements.count - 1, to: 0, by: -1) {
            let other = nextInt(below: position + 1)
            elements.swapAt(position, other)
        }
    }

    /// A new generator derived from this one's seed stream, for an independent consumer.
    public mutating func split() -> RandomGenerator { RandomGenerator(seed: next()) }

    /// SplitMix64 step: advances `state` and returns a well-mixed value.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    private static func rotateLeft(_ value: UInt64, _ amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }

    // Coded as `{"state": [four words]}`, the format resume checkpoints have always used.
    enum CodingKeys: String, CodingKey { case state }

    public init(from decoder: any Decoder) throws {
        let words = try decoder.container(keyedBy: CodingKeys.self).decode([UInt64].self, forKey: .state)
        guard words.count == 4 else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "a generator state has 4 words, got \(words.count)"))
        }
        (state0, state1, state2, state3) = (words[0], words[1], words[2], words[3])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
    }
}
