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
