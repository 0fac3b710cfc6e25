import Foundation
import GeoJSON

/// Pretty JSON text of a `JSONValue` that keeps object member order (Foundation's encoder does
/// not). Non-finite numbers are written as `null`.
enum OrderedJSONText {
    static func render(_ v: JSONValue) -> String {
        var out = ""
        write(v, indent: 0, &out)
        return out + "\n"
    }

    private static func write(_ v: JSONValue, indent: Int, _ out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) : "null"
        case .string(let s): out += JSONString.quoted(s)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            if a.allSatisfy({ if case .object = $0 { return false }; if case .array = $0 { return false }; return true }) {
                out += "[" + a.map { render($0).trimmingCharacters(in: .newlines) }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (i, e) in a.enumerated() {
                out += pad; write(e, indent: indent + 1, &out); out += i < a.count - 1 ? ",\n" : "\n"
            }
            out += end + "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, m) in o.members.enumerated() {
                out += pad + JSONString.quoted(m.key) + ": "; write(m.value, indent: indent + 1, &out); out += i < o.count - 1 ? ",\n" : "\n"
            }
            out += end + "}"
        }
    }

}
