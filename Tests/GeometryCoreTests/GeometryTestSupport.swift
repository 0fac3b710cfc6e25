import Testing
@testable import GeometryCore

/// Parses WKT in a fresh context (test helper).
func geom(_ wkt: String, context: GEOSContext = GEOSContext()) throws -> Geometry {
    try Geometry(wkt: wkt, context: context)
}

/// Expects the two geometries to be the same shape after normalising both (GEOS C-API test
/// habit), printing both WKTs on a mismatch.
func expectSameShape(
    _ actual: Geometry, _ expected: Geometry, tolerance: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let a = try actual.normalized(), e = try expected.normalized()
    let same = try a.equalsExact(e, tolerance: tolerance)
    #expect(same, "geometries differ:\n  actual:   \(a.wkt)\n  expected: \(e.wkt)", sourceLocation: sourceLocation)
}

func expectSameShape(
    _ actual: Geometry, _ expectedWKT: String, tolerance: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try expectSameShape(actual, geom(expectedWKT), tolerance: tolerance, sourceLocation: sourceLocation)
}

let unitSquare = [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 1), Coordinate(x: 0, y: 0)]

func square(_ x0: Double, _ y0: Double, _ side: Double, context: GEOSContext = GEOSContext()) throws -> Geometry {
    try Geometry.polygon(shell: [
        Coordinate(x: x0, y: y0), Coordinate(x: x0 + side, y: y0), Coordinate(x: x0 + side, y: y0 + side),
        Coordinate(x: x0, y: y0 + side), Coordinate(x: x0, y: y0),
    ], context: context)
}
