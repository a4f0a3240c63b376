import Foundation

/// The figures, as ratios against the loopback baselines of the same run.
struct BenchReport {
    var records: Int
    var endToEnd: Measurement
    var getBaseline: Measurement
    var postBaseline: Measurement

    func print() {
        func line(_ name: String, _ m: Measurement) -> String {
            String(
                format: "  %-44@ %9.0f records/s  (%.2f s, %d requests)", name as NSString, m.recordsPerSecond,
                m.seconds, m.requests)
        }
        Swift.print(line("baseline: GET the same pages (loopback)", getBaseline))
        Swift.print(line("baseline: POST the same payloads (loopback)", postBaseline))
        Swift.print(line("end to end (fetch→diff→store→sign→deliver→verify)", endToEnd))
        let transport = 1 / (1 / getBaseline.recordsPerSecond + 1 / postBaseline.recordsPerSecond)
        Swift.print(
            String(
                format: "  end to end / (GET+POST transport alone): %.2f   end to end / GET: %.2f   / POST: %.2f",
                endToEnd.recordsPerSecond / transport, endToEnd.recordsPerSecond / getBaseline.recordsPerSecond,
                endToEnd.recordsPerSecond / postBaseline.recordsPerSecond))
        Swift.print(String(format: "  peak RSS: %.0f MiB (whole process: sandbox, subscriber and bridge)", peakRSSMiB()))
        let target = 50_000.0
        Swift.print(
            String(
                format: "  target ≥ %.0f records/s end to end: %@", target,
                endToEnd.recordsPerSecond >= target ? "met" : "NOT met"))
    }
}
