import Foundation

/// A serial executor that runs every job on one dedicated thread, so an actor using it (the ``Store``) can make
/// blocking SQLite calls without stalling Swift's cooperative thread pool.
///
/// The thread drains a condition-variable job queue; it exits once the executor is deallocated and the queue is
/// empty (jobs retain their actor, and the actor retains the executor, so no job is ever stranded).
final class ThreadExecutor: SerialExecutor {
    private let queue: JobQueue

    /// Starts the thread, named `name` for debuggers and `top -H`.
    init(name: String) {
        let queue = JobQueue()
        self.queue = queue
        let executor = UnownedSerialExecutor(ordinary: self)
        // Named from inside, once `start()` has returned: Foundation's setter reaches the OS thread only when the
        // Thread holds its pthread handle, which `start()` stores after the new thread may already be running (on a
        // busy machine it then kept the process's name).
        let started = DispatchSemaphore(value: 0)
        let thread = Thread {
            started.wait()
            Thread.current.name = name
            queue.drain(on: executor)
        }
        thread.start()
        started.signal()
    }

    deinit {
        queue.finish()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        queue.push(UnownedJob(job))
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    func checkIsolated() {
        precondition(queue.isDrainingThread, "not on the store's executor thread")
    }
}

/// The queue between enqueuing threads and the executor's thread.
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is locked.
private final class JobQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var finished = false
    private var drainingThread: Thread?

    func push(_ job: UnownedJob) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    var isDrainingThread: Bool {
        condition.lock()
        defer { condition.unlock() }
        return drainingThread === Thread.current
    }

    /// The thread's body: runs jobs in arrival order until ``finish()`` has been called and nothing is left.
    func drain(on executor: UnownedSerialExecutor) {
        condition.lock()
        drainingThread = Thread.current
        condition.unlock()
        var batch: [UnownedJob] = []
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            swap(&batch, &jobs)
            condition.unlock()
            for job in batch { job.runSynchronously(on: executor) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
