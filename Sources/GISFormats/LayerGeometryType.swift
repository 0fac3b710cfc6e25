import GeoJSON

/// The single geometry type a GeoPackage layer declares (`gpkg_geometry_columns.geometry_type_name`),
/// chosen from its features' geometries:
/// - all the same type → that type (`POINT`, `LINESTRING`, `POLYGON`, `MULTIPOINT`, …);
/// - single and multi of one family (Polygon + MultiPolygon) → the multi type, singles promoted;
/// - anything else, or no geometry at all → `GEOMETRY` (geometries written as they are).
struct LayerGeometryType: Equatable {
    /// The GeoPackage name, e.g. `MULTIPOLYGON`.
    var name: String
    /// Whether singles are promoted to the multi type.
    var promotesToMulti: Bool

    init(_ geometries: [GeoJSONGeometry]) {
        let names = Set(geometries.map { $0.typeName.uppercased() })
        if names.count == 1 {
            name = names.first!
            promotesToMulti = false
        } else if names.count == 2, let multi = names.first(where: { $0.hasPrefix("MULTI") }),
                  names.contains(String(multi.dropFirst(5))) {
            name = multi
            promotesToMulti = true
        } else {
            name = "GEOMETRY"
            promotesToMulti = false
        }
    }

    /// `geometry` in the layer's declared type (a single promoted to a multi of one when needed).
    func conformed(_ geometry: GeoJSONGeometry) -> GeoJSONGeometry {
        guard promotesToMulti else { return geometry }
        switch geometry {
        case .point(let p): return .multiPoint([p])
        case .lineString(let l): return .multiLineString([l])
        case .polygon(let r): return .multiPolygon([r])
        default: return geometry
        }
    }
}
