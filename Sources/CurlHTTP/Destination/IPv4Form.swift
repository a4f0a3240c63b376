/// The IPv4 host forms of the WHATWG URL standard (and of `inet_aton`, which resolvers use): one to four parts, each
/// decimal, `0x` hexadecimal or `0`-prefixed octal, the last filling the remaining bytes (`127.1` is `127.0.0.1`,
/// `2130706433` is too). The destination rule reads such hosts as the address a resolver would, so none slips past
/// the range check.
enum IPv4Form {
    /// Whether a host's last label makes it an IPv4 host (WHATWG "ends in a number"): all decimal digits, or `0x`
    /// followed by hexadecimal digits.
    static func isNumber(_ label: Substring) -> Bool {
        if label.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        return hexDigits(label).map { $0.allSatisfy(\.isHexDigit) } ?? false
    }

    /// The address the labels spell, or `nil` when they are not an IPv4 address in any form (too many parts, a
    /// digit the base lacks, a part too large).
    static func parse(_ labels: [Substring]) -> UInt32? {
        guard (1...4).contains(labels.count) else { return nil }
        var numbers: [UInt64] = []
        for label in labels {
            guard let number = number(label) else { return nil }
            numbers.append(number)
        }
        let last = numbers.removeLast()
        guard numbers.allSatisfy({ $0 <= 255 }), last < (UInt64(1) << (8 * UInt64(5 - labels.count))) else {
            return nil
        }
        var value = last
        for (index, number) in numbers.enumerated() {
            value |= number << (8 * UInt64(3 - index))
        }
        return UInt32(value)
    }

    /// One part: `0x…` hexadecimal (empty digits are 0), `0…` octal, else decimal; `nil` past 2^32 or on a bad
    /// digit.
    private static func number(_ label: Substring) -> UInt64? {
        let digits: Substring
        let radix: Int
        if let hex = hexDigits(label) {
            digits = hex
            radix = 16
        } else if label.count > 1, label.hasPrefix("0") {
            digits = label.dropFirst()
            radix = 8
        } else {
            digits = label
            radix = 10
        }
        if digits.isEmpty { return radix == 16 ? 0 : nil }
        let trimmed = digits.drop { $0 == "0" }
        guard trimmed.count <= 11, let value = UInt64(trimmed.isEmpty ? "0" : trimmed, radix: radix),
            value <= UInt64(UInt32.max)
        else { return nil }
        return value
    }

    private static func hexDigits(_ label: Substring) -> Substring? {
        label.hasPrefix("0x") || label.hasPrefix("0X") ? label.dropFirst(2) : nil
    }
}
