import CGEOS

/// How the ends of buffered lines are drawn.
public enum BufferCapStyle: Int32, Sendable {
    case round = 1, flat = 2, square = 3
}

/// How the corners of buffers and offset curves are drawn.
public enum BufferJoinStyle: Int32, Sendable {
    case round = 1, mitre = 2, bevel = 3
}

extension Geometry {
    /// The planar buffer: every point within `distance` (CRS units — **degrees for lon/lat
    /// data**, which gives ellipses on the ground; project to metres first or use geodesic
    /// circles for real distances). Negative distances shrink polygons.
    ///
    /// - Parameters:
    ///   - quadrantSegments: segments used to approximate a quarter circle (8 → 32-gon).
    ///   - capStyle: line ends; `joinStyle`: corners; `mitreLimit`: mitre ratio limit.
    public func buffer(
        distance: Double, quadrantSegments: Int = 8, capStyle: BufferCapStyle = .round,
        joinStyle: BufferJoinStyle = .round, mitreLimit: Double = 5
    ) throws -> Geometry {
        guard distance.isFinite else { throw GeometryError.invalidArgument("buffer: distance \(distance) is not finite") }
        guard quadrantSegments >= 1 else {
            throw GeometryError.invalidArgument("buffer: quadrantSegments must be at least 1, got \(quadrantSegments)")
        }
        return try derived("buffer") {
            GEOSBufferWithStyle_r($0, $1, distance, Int32(quadrantSegments), capStyle.rawValue, joinStyle.rawValue, mitreLimit)
        }
    }
}
