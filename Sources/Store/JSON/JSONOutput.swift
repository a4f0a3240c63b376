/// The growable byte buffer the JSON writers fill.
///
/// Appending to `[UInt8]` one byte at a time costs a uniqueness check per call; this buffer owns its memory, so an
/// append is a capacity compare and a store. Its bytes are copied out once, at the end.
struct JSONOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 512) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(minimum: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(minimum: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends the bytes of an ASCII literal such as `"null"`.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        if count + repeats > capacity { grow(minimum: count + repeats) }
        (base + count).update(repeating: byte, count: repeats)
        count += repeats
    }

    /// Overwrites the byte at `offset`, which must already be written.
    @inline(__always)
    mutating func set(_ byte: UInt8, at offset: Int) {
        precondition(offset >= 0 && offset < count, "JSONOutput offset out of range")
        base[offset] = byte
    }

    /// Appends everything written so far to `buffer`.
    func copy(into buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }

    /// Everything written so far, lent to `body` without a copy (hashing the canonical bytes).
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Everything written so far, as an exactly sized array.
    func bytes() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
            if count > 0 { target.baseAddress!.initialize(from: base, count: count) }
            initialized = count
        }
    }

    private mutating func grow(minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
