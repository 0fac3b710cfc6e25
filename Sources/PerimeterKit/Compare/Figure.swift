import GeoJSON

/// One reported number with its unit and the names of the inputs that produced it (flag names
/// such as `range_km`, `target_alt_m`, or GeoData file names).
public struct Figure: Sendable, Hashable {
    /// Human-readable row label for tables.
    public var label: String
    public var value: Double
    /// Unit: `km`, `km2`, `pct`, `min`, `count`, …
    public var unit: String
    /// Names of the inputs (keys of the comparison's `inputs` block) this figure depends on.
    public var inputs: [String]

    public init(_ label: String, _ value: Double, _ unit: String, inputs: [String]) {
        self.label = label
        self.value = value
        self.unit = unit
        self.inputs = inputs
    }

    /// `{"label", "value", "unit", "inputs"}`. A count is an integer; a non-finite value stays a number, so
    /// the JSON writer refuses it by name.
    public var json: JSONValue {
        let v: JSONValue = unit == "count" && value.isFinite ? .integer(Int(value)) : .number(value)
        return .object(["label": .string(label), "value": v, "unit": .string(unit), "inputs": .array(inputs.map { .string($0) })])
    }
}
