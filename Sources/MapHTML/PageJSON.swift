import GeoJSON

/// JSON text for the data block of a page, safe inside an HTML `<script>` element: `<`, `>` and `&` are
/// written as `\u003c`, `\u003e`, `\u0026` (so `</script>` or `<!--` in a name can never end the element),
/// and U+2028/U+2029 are escaped too. Numbers are written with at most `decimals` decimals (coordinates:
/// 6 ≈ 0.1 m); non-finite numbers become `null`.
struct PageJSON {
    private(set) var text = ""

    /// `value` as JSON text.
    static func encode(_ value: JSONValue, decimals: Int = 6) -> String {
        var out = PageJSON()
        out.write(value, decimals: decimals)
        return out.text
    }

    mutating func write(_ value: JSONValue, decimals: Int) {
        switch value {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .integer(let i): text += String(i)
        case .number(let d): text += Self.number(d, decimals: decimals)
        case .string(let s): Self.string(s, into: &text)
        case .array(let a):
            text += "["
            for (i, v) in a.enumerated() {
                if i > 0 { text += "," }
                write(v, decimals: decimals)
            }
            text += "]"
        case .object(let o):
            text += "{"
            for (i, m) in o.members.enumerated() {
                if i > 0 { text += "," }
                Self.string(m.key, into: &text)
                text += ":"
                write(m.value, decimals: decimals)
            }
            text += "}"
        }
    }

    /// The shortest text of `v` rounded to `decimals` decimals (`12`, `-3.5`, `23.456789`).
    static func number(_ v: Double, decimals: Int) -> String {
        guard v.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<max(0, min(decimals, 12)) { scale *= 10 }
        let r = (v * scale).rounded() / scale
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        let s = "\(r)"
        // Swift writes very small or large magnitudes with an exponent ("1e-07"), which JSON accepts.
        return s
    }

    static func string(_ s: String, into text: inout String) {
        text += JSONString.quoted(s, scriptSafe: true)
    }
}

extension JSONValue {
    /// A geometry as a GeoJSON geometry object (lon/lat order), coordinates as numbers.
    static func geometry(_ g: GeoJSONGeometry) -> JSONValue {
        func pos(_ p: Position) -> JSONValue { .array([.number(p.lon), .number(p.lat)]) }
        func line(_ ps: [Position]) -> JSONValue { .array(ps.map(pos)) }
        func poly(_ rings: [[Position]]) -> JSONValue { .array(rings.map(line)) }
        switch g {
        case .point(let p): return ["type": "Point", "coordinates": pos(p)]
        case .multiPoint(let ps): return ["type": "MultiPoint", "coordinates": line(ps)]
        case .lineString(let ps): return ["type": "LineString", "coordinates": line(ps)]
        case .multiLineString(let ls): return ["type": "MultiLineString", "coordinates": .array(ls.map(line))]
        case .polygon(let rings): return ["type": "Polygon", "coordinates": poly(rings)]
        case .multiPolygon(let ps): return ["type": "MultiPolygon", "coordinates": .array(ps.map(poly))]
        case .geometryCollection(let gs): return ["type": "GeometryCollection", "geometries": .array(gs.map(geometry))]
        }
    }
}
