/// Any JSON value, as found in a feature's `properties` (or built for them).
///
/// Integers that fit in `Int` and have no fraction or exponent in the text are read as ``integer(_:)``;
/// every other number is ``number(_:)``. Objects keep their member order (``JSONObject``).
/// Non-finite doubles can be stored but ``GeoJSONWriter`` refuses to write them (JSON has no NaN/∞).
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The numeric value of an ``integer(_:)`` or ``number(_:)``; otherwise `nil`.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    /// The value of an ``integer(_:)``, or of a ``number(_:)`` holding an exact integer; otherwise `nil`.
    public var intValue: Int? {
        switch self {
        case .integer(let i): i
        case .number(let d): (d.rounded() == d && abs(d) < 9.0e18) ? Int(d) : nil
        default: nil
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Member of an object (`nil` for a missing key or a value that is not an object).
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// Element of an array (`nil` when out of range or not an array).
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let a) = self, a.indices.contains(index) else { return nil }
        return a[index]
    }

    /// A short name of the JSON kind, for error messages ("a string", "an array", …).
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string(let s): "a string (\"\(s.prefix(20))\")"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}
extension JSONValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
extension JSONValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .integer(value) }
}
extension JSONValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .number(value) }
}
extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
extension JSONValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}
extension JSONValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
