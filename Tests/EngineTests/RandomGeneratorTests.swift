import Foundation
import Testing
@testable import Engine

/// The project's one seeded generator: its sequence, its helpers, its saved form.
@Suite struct RandomGeneratorTests {
    /// SplitMix64's first output for state 0 is the published 0xE220A8397B1DCDAF; the
    /// xoshiro256** values come from a separate Python transcription of Vigna's C reference.
    @Test func seededRandomMatchesTheReference() {
        var state: UInt64 = 0
        #expect(RandomGenerator.splitMix64(&state) == 0xE220_A839_7B1D_CDAF)
        var random = RandomGenerator(seed: 0)
        #expect([random.next(), random.next(), random.next()] == [
            0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0,
        ])
    }

    @Test func seededRandomHelpersStayInRange() {
        var random = RandomGenerator(seed: 5)
        var seen = Set<Int>()
        for _ in 0 ..< 1000 {
            let value = random.nextInt(below: 7)
            #expect((0 ..< 7).contains(value))
            seen.insert(value)
            let unit = random.uniform()
            #expect(unit >= 0 && unit < 1)
        }
        #expect(seen.count == 7)
        var order = Array(0 ..< 50)
        random.shuffle(&order)
        #expect(order.sorted() == Array(0 ..< 50))
        #expect(order != Array(0 ..< 50))
    }

    @Test func savedStateReplaysTheSequenceAndKeepsItsFormat() throws {
        var random = RandomGenerator(seed: 9, stream: 3, 4)
        _ = random.next()
        let saved = try JSONEncoder().encode(random)
        let object = try JSONSerialization.jsonObject(with: saved) as? [String: [UInt64]]
        #expect(object?["state"] == random.state, "the resume-checkpoint format: {\"state\": [4 words]}")
        var restored = try JSONDecoder().decode(RandomGenerator.self, from: saved)
        #expect(restored == random)
        #expect((0 ..< 5).map { _ in restored.next() } == (0 ..< 5).map { _ in random.next() })
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RandomGenerator.self, from: Data(#"{"state": [1, 2]}"#.utf8))
        }
    }
}
