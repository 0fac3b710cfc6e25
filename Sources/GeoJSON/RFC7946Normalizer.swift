/// Brings a geometry into RFC 7946 form (§3.1.6 winding, §3.1.9 antimeridian cutting, longitudes in range).
///
/// - Points: longitudes shifted into [-180, 180] by a multiple of 360°.
/// - Lines: recognised as crossing the antimeridian when their longitudes go beyond ±180 (continuous form) or
///   jump by more than 180° between consecutive positions (wrapped form); cut at ±180 into parts, so a
///   LineString may become a MultiLineString.
/// - Polygons: rings unwrapped, then wound by the right-hand rule (exterior counter-clockwise, holes
///   clockwise, by signed area in the lon/lat plane); a polygon crossing the antimeridian is clipped into
///   closed parts on either side, each touching ±180, and becomes a MultiPolygon. Concave rings crossing
///   several times and holes (also holes cut by the meridian) are handled.
/// - Geometry collections: members normalised one by one.
///
/// Limitation: a ring encircling a pole cannot be cut (it is refused with a ``GeoJSONError``). Geometries are
/// cut where the straight lon/lat segment meets the meridian, which is how GeoJSON draws the segment.
public enum RFC7946Normalizer {
    /// The RFC 7946 form of `geometry`. Errors carry a path relative to the geometry (`coordinates[0]`).
    public static func normalized(_ geometry: GeoJSONGeometry) throws(GeoJSONError) -> GeoJSONGeometry {
        try normalized(geometry, path: "")
    }

    static func normalized(_ geometry: GeoJSONGeometry, path: String) throws(GeoJSONError) -> GeoJSONGeometry {
        switch geometry {
        case .point(let p):
            return .point(wrapped(p))
        case .multiPoint(let ps):
            return .multiPoint(ps.map(wrapped))
        case .lineString(let line):
            let parts = Antimeridian.splitLine(line)
            return parts.count == 1 ? .lineString(parts[0]) : .multiLineString(parts)
        case .multiLineString(let lines):
            return .multiLineString(lines.flatMap(Antimeridian.splitLine))
        case .polygon(let rings):
            let parts = try polygonParts(rings, path: GeoJSONDecoding.join(path, "coordinates"))
            return parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(parts)
        case .multiPolygon(let polygons):
            var result: [[[Position]]] = []
            for (i, rings) in polygons.enumerated() {
                result += try polygonParts(rings, path: GeoJSONDecoding.join(path, "coordinates") + "[\(i)]")
            }
            return .multiPolygon(result)
        case .geometryCollection(let members):
            var result: [GeoJSONGeometry] = []
            for (i, member) in members.enumerated() {
                result.append(try normalized(member, path: GeoJSONDecoding.join(path, "geometries") + "[\(i)]"))
            }
            return .geometryCollection(result)
        }
    }

    private static func wrapped(_ p: Position) -> Position {
        var q = p
        q.lon = Longitude.normalized(p.lon)
        return q
    }

    private static func polygonParts(_ rings: [[Position]], path: String) throws(GeoJSONError) -> [[[Position]]] {
        do {
            return try Antimeridian.splitPolygon(rings)
        } catch {
            throw GeoJSONError(path: "\(path)[\(error.ring)]", message:
                "ring encircles a pole (its longitudes advance by 360°); such rings cannot be cut at the antimeridian")
        }
    }
}
