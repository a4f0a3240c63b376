/// `--records N` (default 100,000), `--runs N` (default 3; the report gives the median); `--idle N[,N…]` measures
/// that many idle connections instead (each count in turn), for `--idle-seconds S` of steady state (default 180).
struct BenchOptions {
    var records = 100_000
    var runs = 3
    var idleConnections: [Int] = []
    var idleSeconds = 180

    static let usage =
        "usage: BackfillBenchmark [--records N] [--runs N] | --idle N[,N...] [--idle-seconds S]"

    static func parse(_ arguments: ArraySlice<String>) throws -> BenchOptions {
        var options = BenchOptions()
        var rest = arguments
        while let argument = rest.popFirst() {
            switch argument {
            case "--records":
                guard let value = rest.popFirst().flatMap(Int.init), value > 0 else {
                    throw BenchUsageError(message: "--records needs a positive whole number")
                }
                options.records = value
            case "--runs":
                guard let value = rest.popFirst().flatMap(Int.init), value > 0, value <= 20 else {
                    throw BenchUsageError(message: "--runs needs a whole number from 1 to 20")
                }
                options.runs = value
            case "--idle":
                let counts = (rest.popFirst() ?? "").split(separator: ",").map { Int($0) }
                guard !counts.isEmpty, counts.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0) <= 100_000 }) else {
                    throw BenchUsageError(message: "--idle needs connection counts from 1 to 100000, such as 100,1000")
                }
                options.idleConnections = counts.compactMap { $0 }
            case "--idle-seconds":
                // Whole intervals: first polls are spread over part of one, so a shorter window miscounts.
                guard let value = rest.popFirst().flatMap(Int.init), value >= 60, value % 60 == 0 else {
                    throw BenchUsageError(message: "--idle-seconds needs a whole number of minutes in seconds (60, 180, ...)")
                }
                options.idleSeconds = value
            default:
                throw BenchUsageError(message: "unknown argument \(argument) (\(usage))")
            }
        }
        return options
    }
}

struct BenchUsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
