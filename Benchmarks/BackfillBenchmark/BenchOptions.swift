/// `--records N` (default 100,000), `--runs N` (default 3; the report gives the median).
struct BenchOptions {
    var records = 100_000
    var runs = 3

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
            default:
                throw BenchUsageError(message: "unknown argument \(argument) (usage: BackfillBenchmark [--records N] [--runs N])")
            }
        }
        return options
    }
}

struct BenchUsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
