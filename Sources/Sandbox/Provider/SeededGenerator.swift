/// SplitMix64: a small, fast, reproducible generator, so the sandbox's data depends on the seed alone.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for one purpose (an object's dataset, the mutation stream) that does not shift when another
    /// purpose draws more or fewer numbers.
    static func derived(from seed: UInt64, salt: UInt64) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ (salt &* 0xD6E8_FEB8_6659_FD93))
        return SeededGenerator(seed: mixer.next())
    }
}
