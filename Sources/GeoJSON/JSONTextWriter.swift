import Foundation

/// The one JSON text writer of Perimeter: GeoJSON properties (``GeoJSONWriter``), JSON text in GeoPackage
/// and KML columns, and the reports (`comparison.json`) all go through it. Numbers: integers as integers,
/// integral doubles below 10¹⁵ without a fraction (`2`, `0` for -0.0), others in their shortest
/// round-trip digits, in plain decimal notation (``Numbers/plain``: `0.00001`) or, for the reports,
/// Swift's round-trip text (``Numbers/roundTrip``: `1e-05`). NaN and ±∞ are refused everywhere with a
/// ``JSONNumberError`` naming the member that holds them
/// (`perimeters[0].figures.depth_km.value: nan cannot be written as JSON`). Object members keep their
/// order; strings are escaped per RFC 8259 (``JSONString``).
public enum JSONTextWriter {
    /// How the text is laid out.
    public enum Layout: Sendable, Hashable {
        /// Everything on one line, no spaces: `{"a":1,"b":[1,2]}`.
        case compact
        /// Every member and array element on its own line, indented by two spaces per level.
        case indented
        /// As ``indented``, but an array holding no object or array stays on one line (`[1, 2, "x"]`):
        /// the layout of the reports.
        case report
    }

    /// How non-integral numbers are written.
    public enum Numbers: Sendable, Hashable {
        /// Plain decimal notation, never an exponent (GeoJSON, GeoPackage, KML).
        case plain
        /// Swift's shortest round-trip text, with an exponent below 10⁻⁴ and from 10¹⁵ (the reports).
        case roundTrip
    }

    /// `value` as JSON text (no final newline). `path` names `value` in an error (empty: the document).
    public static func text(_ value: JSONValue, layout: Layout = .compact, numbers: Numbers = .plain,
                            path: String = "") throws(JSONNumberError) -> String {
        var out = JSONTextBuffer(indentWidth: layout == .compact ? nil : 2)
        try write(value, path: path, level: 0, scalarArraysInline: layout == .report, numbers: numbers, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The text of a finite `value`.
    public static func number(_ value: Double, _ numbers: Numbers = .plain) -> String {
        switch numbers {
        case .plain: JSONNumberFormat.shortest(value)
        case .roundTrip: value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }

    /// Appends `value` at indentation `level` (``JSONTextBuffer`` decides whether to indent).
    static func write(_ value: JSONValue, path: String, level: Int, scalarArraysInline: Bool = false,
                      numbers: Numbers = .plain, into out: inout JSONTextBuffer) throws(JSONNumberError) {
        switch value {
        case .null: out.raw("null")
        case .bool(let b): out.raw(b ? "true" : "false")
        case .integer(let i): out.raw(String(i))
        case .number(let d):
            guard d.isFinite else { throw JSONNumberError(path: path, value: d) }
            out.raw(number(d, numbers))
        case .string(let s): out.string(s)
        case .array(let elements):
            out.byte("[")
            if scalarArraysInline && elements.allSatisfy(\.isScalar) {
                for (i, e) in elements.enumerated() {
                    if i > 0 { out.raw(", ") }
                    try write(e, path: "\(path)[\(i)]", level: level + 1, numbers: numbers, into: &out)
                }
                out.byte("]")
                return
            }
            for (i, e) in elements.enumerated() {
                if i > 0 { out.byte(",") }
                out.newline(level + 1)
                try write(e, path: "\(path)[\(i)]", level: level + 1, scalarArraysInline: scalarArraysInline,
                          numbers: numbers, into: &out)
            }
            if !elements.isEmpty { out.newline(level) }
            out.byte("]")
        case .object(let object):
            out.byte("{")
            for (i, (key, member)) in object.members.enumerated() {
                if i > 0 { out.byte(",") }
                out.newline(level + 1)
                out.key(key)
                // A member that cannot fail is written without spelling its path (the hot path of properties).
                switch member {
                case .null, .bool, .integer, .string:
                    try write(member, path: "", level: level + 1, numbers: numbers, into: &out)
                case .number(let d) where d.isFinite:
                    out.raw(number(d, numbers))
                default:
                    try write(member, path: JSONPath.member(path, key), level: level + 1,
                              scalarArraysInline: scalarArraysInline, numbers: numbers, into: &out)
                }
            }
            if !object.isEmpty { out.newline(level) }
            out.byte("}")
        }
    }
}

/// A number JSON cannot hold (NaN or ±∞) and the JSON path of the member holding it.
public struct JSONNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the number is, e.g. `perimeters[0].coverage.area_km2`; empty for the document itself.
    public var path: String
    /// The offending number.
    public var value: Double

    public init(path: String, value: Double) {
        self.path = path
        self.value = value
    }

    /// What is wrong, without the path: `nan cannot be written as JSON`.
    public var message: String { "\(value) cannot be written as JSON" }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    public static func == (a: JSONNumberError, b: JSONNumberError) -> Bool {
        a.path == b.path && a.value.bitPattern == b.value.bitPattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(value.bitPattern)
    }
}

extension JSONValue {
    /// Neither an array nor an object.
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
