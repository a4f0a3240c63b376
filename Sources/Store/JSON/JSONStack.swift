/// The parser's working stack of finished elements whose container is still open.
///
/// Closing a container moves its elements into an exactly sized array. `Array`'s slice-copy-then-remove would retain
/// and release every element (through generic tuple witnesses for object members); moving them is a `memcpy`.
final class JSONStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The element at `position` (`0..<count`).
    @inline(__always)
    subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "JSONStack index out of range")
            return base[position]
        }
        set {
            precondition(position >= 0 && position < count, "JSONStack index out of range")
            base[position] = newValue
        }
    }

    /// Removes the elements from `start` to the top and returns them in order.
    func popArray(from start: Int) -> [Element] {
        precondition(start >= 0 && start <= count, "JSONStack start out of range")
        let moved = count - start
        let result = [Element](unsafeUninitializedCapacity: moved) { target, initialized in
            if moved > 0 { target.baseAddress!.moveInitialize(from: base + start, count: moved) }
            initialized = moved
        }
        count = start
        return result
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
