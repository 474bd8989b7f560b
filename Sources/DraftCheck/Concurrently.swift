import Dispatch
import Synchronization

/// Runs `count` independent jobs on every core and returns their results in job order.
func concurrently<Result: Sendable>(_ count: Int, _ job: @Sendable (Int) -> Result) -> [Result] {
    let slots = Mutex<[Result?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let result = job(index)
        slots.withLock { $0[index] = result }
    }
    return slots.withLock { $0.map { $0! } }
}
