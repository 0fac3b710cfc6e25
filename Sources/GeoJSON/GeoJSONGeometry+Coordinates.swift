import GeometryCore

/// Building geometries from GeometryCore coordinates (lon/lat degrees, WGS84), without altitude.
extension GeoJSONGeometry {
    public static func point(coordinate: Coordinate) -> GeoJSONGeometry {
        .point(Position(coordinate))
    }

    public static func lineString(coordinates: [Coordinate]) -> GeoJSONGeometry {
        .lineString(coordinates.map { Position($0) })
    }

    /// A polygon from an exterior ring and holes; rings are closed when their last coordinate differs from
    /// the first. Winding does not matter: ``GeoJSONWriter`` applies the right-hand rule on output.
    public static func polygon(exterior: [Coordinate], holes: [[Coordinate]] = []) -> GeoJSONGeometry {
        .polygon(([exterior] + holes).map(closedRing))
    }

    /// The horizontal coordinates of every position, in document order.
    public var coordinates: [Coordinate] { allPositions.map(\.coordinate) }

    static func closedRing(_ ring: [Coordinate]) -> [Position] {
        var positions = ring.map { Position($0) }
        if let first = positions.first, first.coordinate != positions.last!.coordinate { positions.append(first) }
        return positions
    }
}
