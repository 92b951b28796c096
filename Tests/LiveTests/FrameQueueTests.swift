import Foundation
import Testing
@testable import Live

@Suite struct FrameQueueTests {
    @Test func keepsOrderAndDrainsAfterClosing() {
        let queue = FrameQueue<Int>(capacity: 4, dropsOldest: false)
        for value in 1...3 { #expect(queue.push(value)) }
        queue.close()
        #expect(!queue.push(4), "a closed queue takes nothing")
        #expect(queue.pop() == 1)
        #expect(queue.popBatch(maximum: 8) == [2, 3])
        #expect(queue.pop() == nil)
    }

    @Test func droppingModeKeepsTheNewestItems() {
        let queue = FrameQueue<Int>(capacity: 2, dropsOldest: true)
        for value in 1...5 { queue.push(value) }
        #expect(queue.dropped == 3)
        #expect(queue.popBatch(maximum: 10) == [4, 5])
    }

    @Test func blockingModeWaitsForTheConsumer() {
        let queue = FrameQueue<Int>(capacity: 1, dropsOldest: false)
        // A plain thread, not a task: the producer blocks, which tasks must not do.
        let producer = Thread {
            for value in 0..<50 { queue.push(value) }
            queue.close()
        }
        producer.start()
        var received: [Int] = []
        while let value = queue.pop() { received.append(value) }
        #expect(received == Array(0..<50), "nothing is lost or reordered")
        #expect(queue.dropped == 0)
    }
}
