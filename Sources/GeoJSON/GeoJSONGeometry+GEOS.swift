import GeometryCore

/// Conversions between GeoJSON geometries (lon/lat WGS84 values) and GEOS geometries.
///
/// Altitudes are dropped on the way into GEOS (Perimeter's overlays are 2-D). Longitudes are
/// taken as they are: a polygon read from a file that crosses the antimeridian comes back from
/// `GeoJSONReader` in wrapped form (a jump of more than 180° between vertices); pass it through
/// `RFC7946Normalizer.normalized` (which cuts it at ±180) before converting it.
extension GeoJSONGeometry {
    /// This geometry as a GEOS geometry owned by `context`.
    public func geosGeometry(context: GEOSContext = GEOSContext()) throws -> Geometry {
        func coords(_ ps: [Position]) -> [Coordinate] { ps.map(\.coordinate) }
        func polygon(_ rings: [[Position]]) throws -> Geometry {
            guard let shell = rings.first else { return try Geometry.empty(.polygon, context: context) }
            return try Geometry.polygon(shell: coords(shell), holes: rings.dropFirst().map(coords), context: context)
        }
        switch self {
        case .point(let p):
            return try Geometry.point(p.coordinate, context: context)
        case .multiPoint(let ps):
            return try Geometry.multiPoint(coords(ps), context: context)
        case .lineString(let ps):
            return try Geometry.lineString(coords(ps), context: context)
        case .multiLineString(let lines):
            return try Geometry.multiLineString(
                lines.map { try Geometry.lineString(coords($0), context: context) }, context: context)
        case .polygon(let rings):
            return try polygon(rings)
        case .multiPolygon(let polys):
            return try Geometry.multiPolygon(polys.map(polygon), context: context)
        case .geometryCollection(let members):
            return try Geometry.geometryCollection(
                members.map { try $0.geosGeometry(context: context) }, context: context)
        }
    }

    /// The GeoJSON form of a GEOS geometry whose coordinates are lon/lat degrees.
    /// Linear rings become closed line strings (GeoJSON has no ring type).
    public init(_ geometry: Geometry) throws {
        func positions(_ g: Geometry) throws -> [Position] {
            try g.coordinates.map { Position($0) }
        }
        switch try geometry.type {
        case .point:
            guard try !geometry.isEmpty else { self = .multiPoint([]); return }
            self = .point(Position(try geometry.pointCoordinate))
        case .lineString, .linearRing:
            self = .lineString(try positions(geometry))
        case .polygon:
            self = .polygon(try geometry.coordinateSequences.map { $0.map { Position($0) } })
        case .multiPoint:
            self = .multiPoint(try positions(geometry))
        case .multiLineString:
            self = .multiLineString(try geometry.geometries.map(positions))
        case .multiPolygon:
            self = .multiPolygon(try geometry.geometries.map { try $0.coordinateSequences.map { $0.map { Position($0) } } })
        case .geometryCollection:
            self = .geometryCollection(try geometry.geometries.map { try GeoJSONGeometry($0) })
        }
    }
}
