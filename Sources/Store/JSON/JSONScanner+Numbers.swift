extension JSONScanner {
    /// Exact powers of ten for the fast path: a mantissa up to 2^53 scaled by one of these is correctly rounded.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses the number at `index` (RFC 8259 grammar) into the correctly rounded nearest `Double`.
    ///
    /// Numbers of at most 19 significant digits whose mantissa fits in 53 bits and whose decimal exponent is within
    /// ±22 are computed exactly in one floating-point operation (Clinger's fast path); the rest go through the
    /// standard library's correctly rounded conversion.
    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = index
        var position = index
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }

        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var exact = true

        guard position < count, isDigit(bytes[position]) else {
            throw JSONParseError(offset: position, reason: "expected a digit after '-', found \(describeByte(at: position))")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < count, isDigit(bytes[position]) {
                throw JSONParseError(offset: start, reason: "leading zeros are not allowed in a number")
            }
        } else {
            while position < count, isDigit(bytes[position]) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[position] &- UInt8(ascii: "0"))
                    digits += 1
                } else {
                    exact = false
                }
                position += 1
            }
        }

        if position < count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < count, isDigit(bytes[position]) else {
                throw JSONParseError(offset: position, reason: "expected a digit after the decimal point, found \(describeByte(at: position))")
            }
            while position < count, isDigit(bytes[position]) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[position] &- UInt8(ascii: "0"))
                    digits += 1
                    exponent -= 1
                } else {
                    exact = false
                }
                position += 1
            }
        }

        if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var exponentNegative = false
            if position < count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                exponentNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            guard position < count, isDigit(bytes[position]) else {
                throw JSONParseError(offset: position, reason: "expected a digit in the exponent, found \(describeByte(at: position))")
            }
            var value = 0
            while position < count, isDigit(bytes[position]) {
                if value < 1_000_000 { value = value * 10 + Int(bytes[position] &- UInt8(ascii: "0")) }
                position += 1
            }
            exponent += exponentNegative ? -value : value
        }
        index = position

        if exact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 {
                value /= Self.exactPowersOfTen[-exponent]
            } else if exponent > 0 {
                value *= Self.exactPowersOfTen[exponent]
            }
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: position - start), as: UTF8.self)
        guard let value = Double(text) else {
            throw JSONParseError(offset: start, reason: "number out of range")
        }
        return value
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
