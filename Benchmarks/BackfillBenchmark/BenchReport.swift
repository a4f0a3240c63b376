import Foundation

/// One repetition's figures.
struct BenchRun {
    var endToEnd: Measurement
    var getBaseline: Measurement
    var postBaseline: Measurement
}

/// The figures as ratios against the loopback baselines measured in the same run; with several repetitions, the
/// median of each (the machine is shared and noisy), with the end-to-end spread.
struct BenchReport {
    var records: Int
    var runs: [BenchRun]
    /// Resident memory with the sandbox dataset and the subscriber loaded, before the bridge first ran.
    var rssBeforeBridge: Double

    func print() {
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        }
        let e2e = runs.map(\.endToEnd.recordsPerSecond)
        let get = median(runs.map(\.getBaseline.recordsPerSecond))
        let post = median(runs.map(\.postBaseline.recordsPerSecond))
        let endToEnd = median(e2e)
        let seconds = median(runs.map(\.endToEnd.seconds))
        Swift.print("Results (median of \(runs.count) runs, \(records) records each):")
        Swift.print(String(format: "  baseline: GET the same pages (loopback)             %9.0f records/s", get))
        Swift.print(String(format: "  baseline: POST the same payloads (loopback)         %9.0f records/s", post))
        Swift.print(
            String(
                format: "  end to end (fetch→diff→store→sign→deliver→verify)  %9.0f records/s  (%.2f s; runs %@)",
                endToEnd, seconds, e2e.map { String(format: "%.0f", $0) }.joined(separator: ", ") as NSString))
        let transport = 1 / (1 / get + 1 / post)
        Swift.print(
            String(
                format: "  end to end / (GET+POST transport alone): %.2f   end to end / GET: %.2f   / POST: %.2f",
                endToEnd / transport, endToEnd / get, endToEnd / post))
        Swift.print(
            String(
                format: "  peak RSS: %.0f MiB for the whole process (sandbox dataset, subscriber and bridge); %.0f MiB before the bridge first ran",
                peakRSSMiB(), rssBeforeBridge))
        let target = 50_000.0
        Swift.print(
            String(
                format: "  target ≥ %.0f records/s end to end (median): %@", target,
                endToEnd >= target ? "met" : "NOT met"))
    }
}
