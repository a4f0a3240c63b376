/// `--records N` (default 100,000).
struct BenchOptions {
    var records = 100_000

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
            default:
                throw BenchUsageError(message: "unknown argument \(argument) (usage: BackfillBenchmark [--records N])")
            }
        }
        return options
    }
}

struct BenchUsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
