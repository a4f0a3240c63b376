extension JSWriter {
    /// The text JavaScript's `Number.prototype.toString()` (radix 10) gives for `value`.
    ///
    /// Integral values below 1e21 print without fraction or exponent (`100`, `123456789012345680000`); other values
    /// print the shortest digits that round-trip, in exponent form when the decimal exponent is ≥ 21 or ≤ −7
    /// (`1e+21`, `1e-7`, `1.5e-10`); `-0` prints `0`; non-finite values print `NaN`, `Infinity`, `-Infinity`
    /// (``write(_:into:)`` writes those as `null`, as `JSON.stringify` does).
    public static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        var output = JSONOutput(capacity: 32)
        appendFinite(value, to: &output)
        return String(decoding: output.bytes(), as: UTF8.self)
    }

    /// Appends `value` as `JSON.stringify` writes a number (`null` when not finite).
    static func writeNumber(_ value: Double, to output: inout JSONOutput) {
        if value.isFinite {
            appendFinite(value, to: &output)
        } else {
            output.append("null")
        }
    }

    private static func appendFinite(_ value: Double, to output: inout JSONOutput) {
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        // Every integer of magnitude below 2^53 is a distinct double, so its exact digits are the shortest ones.
        if value.magnitude < 9_007_199_254_740_992, value.rounded(.towardZero) == value {
            appendInteger(Int64(value), to: &output)
            return
        }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        // Swift's description holds the shortest round-trip digits (closest to the value on ties, like V8); only
        // their layout differs from JavaScript's, so take digits and exponent from it and lay them out again.
        let text = value.magnitude.description
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { layOut(description: $0, to: &output) }
        if done == nil {
            Array(text.utf8).withUnsafeBufferPointer { layOut(description: $0, to: &output) }
        }
    }

    /// Re-lays a positive finite `Double.description` (`1.5e-10`, `0.001`, `1.2345678901234568e+20`) per
    /// ECMAScript Number::toString.
    private static func layOut(description: UnsafeBufferPointer<UInt8>, to output: inout JSONOutput) {
        // At most 17 significant digits plus the leading zeros of forms such as `0.0001`.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digits in
            var count = 0
            var integerDigits = -1
            var exponent = 0
            var position = 0
            while position < description.count {
                let byte = description[position]
                if byte == UInt8(ascii: ".") {
                    integerDigits = count
                } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    var negative = false
                    position += 1
                    if position < description.count, description[position] == UInt8(ascii: "-") || description[position] == UInt8(ascii: "+") {
                        negative = description[position] == UInt8(ascii: "-")
                        position += 1
                    }
                    while position < description.count {
                        exponent = exponent * 10 + Int(description[position] &- UInt8(ascii: "0"))
                        position += 1
                    }
                    if negative { exponent = -exponent }
                    break
                } else if count < digits.count {
                    digits[count] = byte &- UInt8(ascii: "0")
                    count += 1
                }
                position += 1
            }
            if integerDigits < 0 { integerDigits = count }

            // ECMAScript's k (digit count) and n (position of the decimal point): value = 0.d1…dk × 10^n.
            var first = 0
            while first < count - 1, digits[first] == 0 {
                first += 1
                integerDigits -= 1
            }
            var end = count
            while end > first + 1, digits[end - 1] == 0 { end -= 1 }
            let k = end - first
            let n = integerDigits + exponent

            func appendDigits(_ range: Range<Int>) {
                for index in range { output.append(UInt8(ascii: "0") + digits[first + index]) }
            }
            func appendZeros(_ zeros: Int) {
                output.append(repeating: UInt8(ascii: "0"), count: zeros)
            }

            if k <= n, n <= 21 {
                appendDigits(0..<k)
                appendZeros(n - k)
            } else if 0 < n, n <= 21 {
                appendDigits(0..<n)
                output.append(UInt8(ascii: "."))
                appendDigits(n..<k)
            } else if -6 < n, n <= 0 {
                output.append(UInt8(ascii: "0"))
                output.append(UInt8(ascii: "."))
                appendZeros(-n)
                appendDigits(0..<k)
            } else {
                appendDigits(0..<1)
                if k > 1 {
                    output.append(UInt8(ascii: "."))
                    appendDigits(1..<k)
                }
                output.append(UInt8(ascii: "e"))
                output.append(n - 1 < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                appendInteger(Int64((n - 1).magnitude), to: &output)
            }
        }
    }

    /// Appends the decimal digits of `value`.
    static func appendInteger(_ value: Int64, to output: inout JSONOutput) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var width = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            width += 1
        }
        var position = output.count + width
        output.append(repeating: UInt8(ascii: "0"), count: width)
        repeat {
            position -= 1
            output.set(UInt8(ascii: "0") + UInt8(magnitude % 10), at: position)
            magnitude /= 10
        } while magnitude > 0
    }
}
