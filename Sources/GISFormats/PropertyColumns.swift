import GeoJSON

/// The attribute columns of a GeoPackage feature table, inferred from the features' properties.
///
/// One column per property key, in order of first appearance. The SQL type is chosen from the non-null
/// values: all booleans → `BOOLEAN`; all integers → `INTEGER`; numbers (integers mixed with fractions) →
/// `REAL`; everything else → `TEXT` (strings as they are, objects and arrays as compact JSON, other
/// scalars as their JSON text). Keys clashing with the `fid`/`geom` columns, or with each other when case is
/// ignored (SQLite column names are case-insensitive), get a `_2`, `_3` … suffix.
struct PropertyColumns {
    enum SQLType: String {
        case boolean = "BOOLEAN", integer = "INTEGER", real = "REAL", text = "TEXT"
    }

    struct Column {
        /// The property key.
        var key: String
        /// The column name in the table.
        var name: String
        var type: SQLType
    }

    private(set) var columns: [Column] = []

    init(_ features: [Feature], reserved: [String]) {
        var kinds: [String: Set<Kind>] = [:]
        var order: [String] = []
        for f in features {
            for (key, value) in f.properties.members {
                if kinds[key] == nil { order.append(key); kinds[key] = [] }
                if let k = Kind(value) { kinds[key]!.insert(k) }
            }
        }
        var taken = Set(reserved.map { $0.lowercased() })
        for key in order {
            var name = key
            var n = 2
            while taken.contains(name.lowercased()) {
                name = "\(key)_\(n)"
                n += 1
            }
            taken.insert(name.lowercased())
            columns.append(Column(key: key, name: name, type: Self.type(for: kinds[key]!)))
        }
    }

    private enum Kind: Hashable {
        case bool, integer, real, other
        init?(_ v: JSONValue) {
            switch v {
            case .null: return nil
            case .bool: self = .bool
            case .integer: self = .integer
            case .number: self = .real
            default: self = .other
            }
        }
    }

    private static func type(for kinds: Set<Kind>) -> SQLType {
        if kinds == [.bool] { return .boolean }
        if kinds == [.integer] { return .integer }
        if !kinds.isEmpty, kinds.isSubset(of: [.integer, .real]) { return .real }
        return .text
    }
}
