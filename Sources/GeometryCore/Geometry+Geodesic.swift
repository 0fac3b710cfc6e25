/// Ellipsoidal measures of GEOS geometries whose coordinates are lon/lat degrees.
///
/// GEOS measures are planar (square degrees for lon/lat data); these go through `Geodesic`
/// (Karney's algorithms in PROJ), with each edge taken as the geodesic between its vertices.
extension Geometry {
    /// The polygons of this geometry as `[exterior, holes…]` coordinate rings (polygons, multi
    /// polygons and the polygonal members of collections; other types give none).
    public var polygonRings: [[[Coordinate]]] {
        get throws {
            switch try type {
            case .polygon: return try isEmpty ? [] : [coordinateSequences]
            case .multiPolygon, .geometryCollection:
                return try geometries.flatMap { try $0.polygonRings }
            default: return []
            }
        }
    }

    /// Geodesic area (m², ≥ 0) and perimeter (m, holes included) of the polygonal parts.
    public func geodesicAreaPerimeter(on geodesic: Geodesic = .wgs84) throws -> AreaPerimeter {
        geodesic.areaAndPerimeter(ofMultiPolygon: try polygonRings)
    }

    /// Geodesic length in metres of the linear parts (line strings, linear rings, polygon
    /// boundaries are not included: take `boundary()` first for those).
    public func geodesicLength(on geodesic: Geodesic = .wgs84) throws -> Double {
        switch try type {
        case .lineString, .linearRing: return geodesic.length(of: try coordinates)
        case .multiLineString, .geometryCollection:
            return try geometries.reduce(0) { $0 + (try $1.geodesicLength(on: geodesic)) }
        default: return 0
        }
    }
}
