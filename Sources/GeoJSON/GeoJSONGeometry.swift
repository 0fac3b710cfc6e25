/// A GeoJSON geometry object (RFC 7946 §3.1), as plain Swift values.
///
/// Positions are longitude/latitude in degrees (WGS84) with an optional altitude in metres (see
/// ``Position``). Polygon rings are stored closed (first position repeated at the end) as GeoJSON
/// requires; the first ring of a polygon is its exterior ring, the others are holes.
///
/// Values built in Swift may carry continuous ("unwrapped") longitudes beyond ±180° — for example a
/// geodesic circle drawn around a site near the antimeridian. ``GeoJSONWriter`` normalises them on output
/// (``RFC7946Normalizer``): split at the antimeridian, rings wound by the right-hand rule.
public indirect enum GeoJSONGeometry: Hashable, Sendable {
    case point(Position)
    case multiPoint([Position])
    case lineString([Position])
    case multiLineString([[Position]])
    /// Rings: exterior first, then holes; every ring closed with at least 4 positions.
    case polygon([[Position]])
    case multiPolygon([[[Position]]])
    case geometryCollection([GeoJSONGeometry])

    /// The GeoJSON `"type"` member for this geometry (`"Point"`, `"MultiPolygon"`, …).
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// Every position of the geometry, in document order (members of a collection included).
    public var allPositions: [Position] {
        switch self {
        case .point(let p): [p]
        case .multiPoint(let ps), .lineString(let ps): ps
        case .multiLineString(let lines), .polygon(let lines): lines.flatMap { $0 }
        case .multiPolygon(let polys): polys.flatMap { $0.flatMap { $0 } }
        case .geometryCollection(let members): members.flatMap(\.allPositions)
        }
    }

    /// `true` when the geometry holds no position at all (e.g. `MultiPoint` with `[]`).
    public var isEmpty: Bool { allPositions.isEmpty }
}
