extension String {
    /// This text with every `placeholder` (`{token}`, `{connection_id}`) replaced by `value`, by a byte search: it
    /// runs per request, where Foundation's and the string-processing replacers cost more than the request itself.
    func replacing(placeholder: String, with value: String) -> String {
        let text = Array(utf8)
        let pattern = Array(placeholder.utf8)
        guard !pattern.isEmpty, text.count >= pattern.count else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(text.count + value.utf8.count)
        var index = 0
        var replaced = false
        while index < text.count {
            if text[index] == pattern[0], index + pattern.count <= text.count,
                text[index..<index + pattern.count].elementsEqual(pattern)
            {
                output.append(contentsOf: value.utf8)
                index += pattern.count
                replaced = true
            } else {
                output.append(text[index])
                index += 1
            }
        }
        return replaced ? String(decoding: output, as: UTF8.self) : self
    }
}
