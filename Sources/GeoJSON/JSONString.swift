/// JSON string literals: quotes, backslashes and control characters escaped per RFC 8259 (the escaping
/// `JSONTextWriter` does), and script-safe literals for the HTML page's data.
public enum JSONString {
    /// `s` as a quoted JSON string literal. `scriptSafe` also escapes `<`, `>`, `&`, U+2028 and U+2029,
    /// so the literal can stand inside an HTML `<script>` element (no `</script>` can close it).
    public static func quoted(_ s: String, scriptSafe: Bool = false) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where scriptSafe: out += "\\u003c"
            case ">" where scriptSafe: out += "\\u003e"
            case "&" where scriptSafe: out += "\\u0026"
            case "\u{2028}" where scriptSafe: out += "\\u2028"
            case "\u{2029}" where scriptSafe: out += "\\u2029"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
