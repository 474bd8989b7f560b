import Synchronization
@testable import SourceText
import Testing

/// Jobs claimed from a shared counter by one thread per worker.
@Suite struct ConcurrentlyTests {
    final class Worker: @unchecked Sendable {
        let busy = Atomic<Bool>(false)
        let jobs = Atomic<Int>(0)
    }

    @Test func jobsComeBackInOrderAndNoWorkerServesTwoThreadsAtOnce() {
        let workers = PerJob([Worker(), Worker(), Worker()])
        let overlaps = Atomic<Int>(0)
        for count in [0, 1, 2, 5, 1000] {
            let results = concurrently(count, workers: workers) { worker, index -> Int in
                if worker.busy.exchange(true, ordering: .acquiring) { overlaps.add(1, ordering: .relaxed) }
                var sum = 0
                for k in 0...(index % 7) * 1000 { sum &+= k }  // jobs of unequal length
                worker.busy.store(false, ordering: .releasing)
                worker.jobs.add(1, ordering: .relaxed)
                return index * 2 + (sum == -1 ? 1 : 0)
            }
            #expect(results == (0..<count).map { $0 * 2 })
        }
        #expect(overlaps.load(ordering: .relaxed) == 0)
        #expect(workers.value.map { $0.jobs.load(ordering: .relaxed) }.reduce(0, +) == 1008)
    }
}
