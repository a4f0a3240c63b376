import Foundation

/// The idle benchmark's figures for one connection count.
struct IdleReport {
    var connections: Int
    var interval: Double
    /// When the bridge was started, and the steady-state window, in the poll log's seconds.
    var started: Double
    var windowStart: Double
    var windowEnd: Double
    var cpuSeconds: Double
    var rssMiB: Double
    var peakRSSMiB: Double
    var polls: [[Double]]

    var window: Double { windowEnd - windowStart }
    var pollsInWindow: Int { polls.reduce(0) { $0 + $1.filter { $0 >= windowStart && $0 < windowEnd }.count } }
    var cpuPercent: Double { 100 * cpuSeconds / window }
    var cpuMillisecondsPerPoll: Double { pollsInWindow > 0 ? 1000 * cpuSeconds / Double(pollsInWindow) : 0 }

    /// Every period between two consecutive polls of one connection that ends inside the window.
    var periods: [Double] {
        polls.flatMap { times in
            zip(times, times.dropFirst()).filter { $0.1 >= windowStart && $0.1 < windowEnd }.map { $0.1 - $0.0 }
        }
    }

    func print() {
        let periods = self.periods.sorted()
        func percentile(_ p: Double) -> Double {
            periods.isEmpty ? 0 : periods[min(periods.count - 1, Int(Double(periods.count) * p))]
        }
        let inBand = periods.filter { abs($0 - interval) <= 2 }.count
        let firsts = polls.compactMap(\.first).map { $0 - started }
        let neverPolled = polls.filter(\.isEmpty).count
        let expected = Double(connections) * window / interval
        Swift.print(String(format: "  steady state: %.0f s", window))
        Swift.print(
            String(
                format: "  polls: %d in the window = %.2f/s (expected %.2f/s: %.1f%%)", pollsInWindow,
                Double(pollsInWindow) / window, expected / window, 100 * Double(pollsInWindow) / max(expected, 1)))
        Swift.print(
            String(
                format: "  poll period: min %.2f s, p1 %.2f, median %.2f, p99 %.2f, max %.2f; %.2f%% of %d within 60 ± 2 s",
                periods.first ?? 0, percentile(0.01), percentile(0.5), percentile(0.99), periods.last ?? 0,
                100 * Double(inBand) / Double(max(periods.count, 1)), periods.count))
        Swift.print(
            String(
                format: "  first polls: the last at %.1f s after start; %d connections never polled",
                firsts.max() ?? 0, neverPolled))
        Swift.print(
            String(
                format: "  bridge: %.2f%% of one core (%.2f CPU-s), %.3f ms CPU per poll, RSS %.0f MiB (peak %.0f MiB)",
                cpuPercent, cpuSeconds, cpuMillisecondsPerPoll, rssMiB, peakRSSMiB))
        let verdicts = [
            ("every stream polled once per interval (period 60 ± 2 s)", inBand == periods.count && !periods.isEmpty),
            ("all first polls within one interval", neverPolled == 0 && (firsts.max() ?? .infinity) <= interval),
            ("under 5 % of one core", cpuPercent < 5),
            ("under 150 MB RSS", peakRSSMiB * 1.048576 < 150),
            ("a no-change poll under 1 ms of CPU", cpuMillisecondsPerPoll < 1),
        ]
        for (target, met) in verdicts { Swift.print("  target \(target): \(met ? "met" : "NOT met")") }
    }

    /// CPU per poll across the counts measured in one run: linear growth keeps it flat.
    static func printLinearity(_ reports: [IdleReport]) {
        guard reports.count > 1, let first = reports.first, first.cpuMillisecondsPerPoll > 0 else { return }
        Swift.print("CPU per poll against \(first.connections) connections:")
        for report in reports {
            Swift.print(
                String(
                    format: "  %6d connections: %.3f ms per poll (%.2f×)", report.connections,
                    report.cpuMillisecondsPerPoll, report.cpuMillisecondsPerPoll / first.cpuMillisecondsPerPoll))
        }
    }
}
