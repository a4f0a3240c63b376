#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The claim of one serving process on a database file: an exclusive `flock` on `<database>-serve.lock`, which also
/// holds the claimant's pid so that a refused second server can name it.
///
/// A lock file of its own, with `flock`, because SQLite takes POSIX record locks on the database file and the kernel
/// drops a process's POSIX locks on a file whenever any descriptor of that file is closed; a `flock` belongs to this
/// one open file description, so nothing SQLite does releases it. The kernel releases it when the descriptor closes,
/// which includes the death of the process however it dies (SIGKILL too): a crashed server never blocks a restart,
/// and a stale pid left in the file means nothing. The descriptor is close-on-exec.
final class ServeLock {
    /// The database the claim is for (for messages).
    let databasePath: String
    /// The lock file beside it.
    let lockPath: String
    private var descriptor: Int32

    /// Takes the claim, or fails at once (never waits) when another open file description holds it.
    /// - Throws: ``StoreError/databaseInUse(path:holderPID:)`` when another serving process holds the database;
    ///   ``StoreError/lockUnavailable(path:reason:)`` when the lock file cannot be opened or locked.
    init(databasePath: String) throws(StoreError) {
        self.databasePath = databasePath
        lockPath = databasePath + "-serve.lock"
        descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .lockUnavailable(path: lockPath, reason: Self.lastError()) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let reason = Self.lastError()
            let holder = Self.readPID(descriptor)
            close(descriptor)
            descriptor = -1
            if code == EWOULDBLOCK { throw .databaseInUse(path: databasePath, holderPID: holder) }
            throw .lockUnavailable(path: lockPath, reason: reason)
        }
        let pid = Array("\(getpid())\n".utf8)
        // The pid is only for the refusal message: failing to write it does not weaken the claim.
        if ftruncate(descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
    }

    deinit { release() }

    /// Gives the claim up (the lock file stays; an unlocked file claims nothing). Idempotent.
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// The pid the holder wrote, `nil` when the file holds none yet (the holder is between its lock and its write).
    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        return Int32(text.prefix { !$0.isWhitespace })
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
