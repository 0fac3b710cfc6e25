import GeoJSON

/// Compact JSON text of a ``JSONValue`` (member order kept), for nested properties stored as TEXT.
/// Non-finite numbers are refused (`nil`): JSON has no NaN or infinity.
enum JSONText {
    static func text(_ value: JSONValue) -> String? {
        var out = ""
        return append(value, to: &out) ? out : nil
    }

    private static func append(_ value: JSONValue, to out: inout String) -> Bool {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d):
            guard d.isFinite else { return false }
            out += NumberText.shortest(d)
        case .string(let s): out += JSONString.quoted(s)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                guard append(v, to: &out) else { return false }
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, m) in o.members.enumerated() {
                if i > 0 { out += "," }
                out += JSONString.quoted(m.key) + ":"
                guard append(m.value, to: &out) else { return false }
            }
            out += "}"
        }
        return true
    }

}
