extension StringProtocol {
    /// The string without leading and trailing whitespace and newlines.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The string on one line (lines trimmed and joined by spaces), cut to 80 characters, for
    /// error messages.
    var oneLine: String {
        let flat = split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace }.joined(separator: " ")
        return flat.count > 80 ? String(flat.prefix(77)) + "..." : flat
    }
}
