import Foundation

/// One repetition's figures.
struct BenchRun {
    var endToEnd: Measurement
    var getBaseline: Measurement
    var postBaseline: Measurement
}

/// The figures as ratios against the loopback baselines measured in the same run; with several repetitions, the
/// median of each (the machine is shared and noisy), with the end-to-end spread. CPU-seconds per 100k records are
/// the steady figure; records/s swings with the machine's load.
struct BenchReport {
    var records: Int
    var runs: [BenchRun]

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
        let cpu = median(runs.map(\.endToEnd.cpuSecondsPer100k))
        let bytes = median(runs.map { Double($0.endToEnd.databaseBytes) / Double(records) })
        let rss = median(runs.map(\.endToEnd.peakRSSMiB))
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
                format: "  bridge process: %.2f CPU-seconds per 100k records, %.0f bytes per record in SQLite, peak RSS %.0f MiB",
                cpu, bytes, rss))
        let verdicts = [
            ("≤ 1.0 CPU-s per 100k records", cpu <= 1.0),
            ("≥ 100,000 records/s", endToEnd >= 100_000),
            ("≥ half the POST baseline", endToEnd >= post / 2),
            ("≤ 600 bytes per record", bytes <= 600),
            ("peak RSS < 150 MiB", rss < 150),
        ]
        for (target, met) in verdicts { Swift.print("  target \(target): \(met ? "met" : "NOT met")") }
    }
}
