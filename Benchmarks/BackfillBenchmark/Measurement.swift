import Foundation

/// A timed phase: how many records it moved, in how long, and (for the bridge) the CPU time, memory and database
/// size it took.
struct Measurement {
    var records: Int
    var seconds: Double
    var requests: Int
    var cpuSeconds: Double = 0
    var peakRSSMiB: Double = 0
    var databaseBytes: Int = 0
    /// The database the run left, for the POST baseline.
    var database: String = ""

    var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }
    var cpuSecondsPer100k: Double { records > 0 ? cpuSeconds * 100_000 / Double(records) : 0 }
}

func elapsedSeconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}
