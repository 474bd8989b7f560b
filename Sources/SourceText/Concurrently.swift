import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs `count` independent jobs on every core and returns their results in job order.
/// Shared by the modules that split work across cores (extraction, checking, importing).
package func concurrently<Result: Sendable>(_ count: Int, _ job: @Sendable (Int) -> Result) -> [Result] {
    let slots = Mutex<[Result?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let result = job(index)
        slots.withLock { $0[index] = result }
    }
    return slots.withLock { $0.map { $0! } }
}

/// Runs `count` jobs on one thread per worker, each thread with its own worker (state a
/// thread must not share, such as an ICU segmenter), and returns the results in job order.
/// The jobs are claimed one at a time from a shared counter: a thread that finishes its jobs
/// early takes more, rather than wait for the slowest (a static split had left one core idle
/// for a fifth of the time when the other also served the caller's thread).
package func concurrently<Worker, Result: Sendable>(_ count: Int, workers: PerJob<Worker>,
                                                    _ job: @Sendable (Worker, Int) -> Result) -> [Result] {
    let next = Atomic<Int>(0)
    let claimed = concurrently(workers.value.count) { k -> [(job: Int, result: Result)] in
        var done: [(job: Int, result: Result)] = []
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { return done }
            done.append((index, job(workers[k], index)))
        }
    }
    var results = [Result?](repeating: nil, count: count)
    for list in claimed {
        for (index, result) in list { results[index] = result }
    }
    return results.map { $0! }
}

/// Values that one job at a time uses, handed to `concurrently`'s jobs: job k uses only
/// `value[k]` (a worker's own tools), so no two threads touch one of them at once.
package struct PerJob<Value>: @unchecked Sendable {
    package let value: [Value]

    package init(_ value: [Value]) {
        self.value = value
    }

    package subscript(job: Int) -> Value { value[job] }
}

/// The processors this process may run on.
package enum ProcessorCount {
    package static let active: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }()
}

/// Work started on another thread, whose result is collected later with `wait()`: the
/// caller goes on with other work meanwhile (a pipeline stage).
package final class BackgroundJob<Result: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the job before `leave()`, read after `wait()`: the group orders them.
    private var result: Result?

    /// Starts `work` on a global queue.
    package init(_ work: @escaping @Sendable () -> Result) {
        group.enter()
        DispatchQueue.global().async { [self] in
            result = work()
            group.leave()
        }
    }

    /// A job that is already done.
    package init(finished: Result) {
        result = finished
    }

    /// The result, once the work is done.
    package func wait() -> Result {
        group.wait()
        return result!
    }
}
