import Foundation

/// CPU time and memory of a process, read from `/proc`.
enum ProcessStats {
    /// User + system CPU seconds of process `pid` (`self` for this one).
    static func cpuSeconds(pid: Int32?) -> Double {
        let path = pid.map { "/proc/\($0)/stat" } ?? "/proc/self/stat"
        guard let stat = try? String(contentsOfFile: path, encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// A `/proc/PID/status` memory field (`VmRSS:`, `VmHWM:`) in MiB.
    static func statusMiB(_ field: String, pid: Int32?) -> Double {
        let path = pid.map { "/proc/\($0)/status" } ?? "/proc/self/status"
        guard let status = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            let kb = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }
            return (kb ?? 0) / 1024
        }
        return 0
    }

    /// Bytes of the SQLite files at `database` (the main file, its WAL and shared memory).
    static func databaseBytes(_ database: String) -> Int {
        ["", "-wal", "-shm"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: database + suffix)[.size]) as? NSNumber
            return total + (size?.intValue ?? 0)
        }
    }
}
