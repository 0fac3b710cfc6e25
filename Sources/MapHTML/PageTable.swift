import GeoJSON

/// A figures table shown beside the map (the comparison's figures: one column per perimeter). Rows that
/// belong to one target altitude carry its index, so the altitude switch shows that altitude's rows.
public struct PageTable: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var unit: String
        public var values: [String]
        public var altitude: Int?

        public init(label: String, unit: String, values: [String], altitude: Int? = nil) {
            self.label = label
            self.unit = unit
            self.values = values
            self.altitude = altitude
        }
    }

    public var columns: [String]
    public var rows: [Row]

    public init(columns: [String], rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }

    var json: JSONValue {
        .object([
            "columns": .array(columns.map { .string($0) }),
            "rows": .array(rows.map { r in
                .object(["label": .string(r.label), "unit": .string(r.unit), "values": .array(r.values.map { .string($0) }),
                         "altitude": r.altitude.map { .integer($0) } ?? .null])
            }),
        ])
    }
}
