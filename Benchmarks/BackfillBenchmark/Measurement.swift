import Foundation

/// A timed phase: how many records it moved, in how long, and the process CPU time it took.
struct Measurement {
    var records: Int
    var seconds: Double
    var requests: Int
    var cpuSeconds: Double = 0

    var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }
}

/// Peak resident set size of this process (`VmHWM`), in MiB.
func peakRSSMiB() -> Double { statusMiB("VmHWM:") }

/// Current resident set size of this process (`VmRSS`), in MiB.
func currentRSSMiB() -> Double { statusMiB("VmRSS:") }

private func statusMiB(_ field: String) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(field) {
        let kb = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }
        return (kb ?? 0) / 1024
    }
    return 0
}

func elapsedSeconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// User + system CPU time of this process so far, in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
