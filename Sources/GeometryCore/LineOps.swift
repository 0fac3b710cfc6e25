import CGEOS

/// Line work: merging, offsetting, noding, linear referencing (CRS units).
extension Geometry {
    /// Sews touching line strings of a multi line string into the longest possible lines.
    public func lineMerge() throws -> Geometry { try derived("lineMerge", GEOSLineMerge_r) }

    /// The line offset by `distance` (CRS units) to the left (positive) or right (negative) of
    /// its direction. Applies to line strings.
    public func offsetCurve(
        distance: Double, quadrantSegments: Int = 8, joinStyle: BufferJoinStyle = .round, mitreLimit: Double = 5
    ) throws -> Geometry {
        guard distance.isFinite else { throw GeometryError.invalidArgument("offsetCurve: distance \(distance) is not finite") }
        try require([.lineString, .linearRing, .multiLineString], "offsetCurve", expected: "LineString")
        return try derived("offsetCurve") {
            GEOSOffsetCurve_r($0, $1, distance, Int32(quadrantSegments), joinStyle.rawValue, mitreLimit)
        }
    }

    /// The line work split at every intersection (fully noded), as a multi line string.
    public func node() throws -> Geometry { try derived("node", GEOSNode_r) }

    /// The point at `distance` (CRS units) along a line from its start; clamped to the ends.
    /// An empty line gives an empty point.
    public func interpolate(distance: Double) throws -> Geometry {
        try require([.lineString, .linearRing, .multiLineString], "interpolate", expected: "LineString")
        if try isEmpty { return try Geometry.empty(.point, context: context) }
        guard distance.isFinite else { throw GeometryError.invalidArgument("interpolate: distance \(distance) is not finite") }
        return try derived("interpolate") { GEOSInterpolate_r($0, $1, distance) }
    }

    /// The point at `fraction` (0 = start, 1 = end) of a line's length.
    public func interpolate(fraction: Double) throws -> Geometry {
        try require([.lineString, .linearRing, .multiLineString], "interpolate", expected: "LineString")
        if try isEmpty { return try Geometry.empty(.point, context: context) }
        guard fraction.isFinite else { throw GeometryError.invalidArgument("interpolate: fraction \(fraction) is not finite") }
        return try derived("interpolate") { GEOSInterpolateNormalized_r($0, $1, fraction) }
    }

    /// The distance (CRS units) along this line to the point on it nearest `point`.
    /// Throws for an empty line or point.
    public func project(_ point: Geometry) throws -> Double {
        try checkLinearReferencing(point)
        context.clearError()
        let d = withExtendedLifetime(point) { GEOSProject_r(context.handle, handle, point.handle) }
        if d == -1, let message = context.takeError() { throw GeometryError.geos(operation: "project", message: message) }
        return d
    }

    /// As `project(_:)`, as a fraction of the line's length (0...1).
    public func projectFraction(_ point: Geometry) throws -> Double {
        try checkLinearReferencing(point)
        context.clearError()
        let d = withExtendedLifetime(point) { GEOSProjectNormalized_r(context.handle, handle, point.handle) }
        if d == -1, let message = context.takeError() { throw GeometryError.geos(operation: "project", message: message) }
        return d
    }

    /// GEOS 3.11 dereferences an empty line in GEOSProject_r (segfault): refuse empties first.
    private func checkLinearReferencing(_ point: Geometry) throws {
        try require([.lineString, .linearRing, .multiLineString], "project", expected: "LineString")
        try point.require([.point], "project", expected: "Point")
        if try isEmpty { throw GeometryError.invalidArgument("project: the line is empty") }
        if try point.isEmpty { throw GeometryError.invalidArgument("project: the point is empty") }
    }
}
