import Testing
@testable import GeometryCore

/// Every operation on every kind of empty input either returns or throws a `GeometryError`;
/// none may crash the process or throw anything else.
@Suite struct EmptyInputTests {
    /// Runs `body`, accepting a value or a GeometryError.
    func survives<T>(_ what: String, _ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) {
        do { _ = try body() } catch is GeometryError {} catch {
            Issue.record("\(what): unexpected error type \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["POINT EMPTY", "LINESTRING EMPTY", "POLYGON EMPTY", "MULTIPOINT EMPTY",
                      "MULTILINESTRING EMPTY", "MULTIPOLYGON EMPTY", "GEOMETRYCOLLECTION EMPTY"])
    func everyOperationOnEmpty(_ wkt: String) throws {
        let ctx = GEOSContext()
        let e = try Geometry(wkt: wkt, context: ctx)
        let s = try square(0, 0, 1, context: ctx)
        let line = try geom("LINESTRING (0 0, 1 1)", context: ctx)
        survives("isValid") { try e.isValid }
        survives("validityReason") { try e.validityReason }
        survives("makeValid") { try e.makeValid() }
        survives("normalized") { try e.normalized() }
        survives("reversed") { try e.reversed() }
        survives("area") { try e.area }
        survives("length") { try e.length }
        survives("centroid") { try e.centroid() }
        survives("pointOnSurface") { try e.pointOnSurface() }
        survives("boundary") { try e.boundary() }
        survives("envelope") { try e.envelope() }
        survives("convexHull") { try e.convexHull() }
        survives("buffer") { try e.buffer(distance: 1) }
        survives("simplify") { try e.simplify(tolerance: 1) }
        survives("simplify DP") { try e.simplify(tolerance: 1, preserveTopology: false) }
        survives("distance") { try e.distance(to: s) }
        survives("distance reversed") { try s.distance(to: e) }
        survives("nearestPoints") { try s.nearestPoints(e) }
        survives("hausdorff") { try e.hausdorffDistance(to: s) }
        survives("withinDistance") { try e.isWithinDistance(s, distance: 1) }
        for (name, op) in [("intersects", e.intersects), ("contains", e.contains), ("within", e.within),
                           ("covers", e.covers), ("touches", e.touches), ("crosses", e.crosses),
                           ("disjoint", e.disjoint), ("overlaps", e.overlaps), ("equals", e.equals)] as [(String, (Geometry) throws -> Bool)] {
            survives(name) { try op(s) }
        }
        survives("relate") { try e.relate(s) }
        survives("intersection") { try e.intersection(s) }
        survives("union") { try s.union(e) }
        survives("difference") { try s.difference(e) }
        survives("symDifference") { try e.symmetricDifference(s) }
        survives("unaryUnion") { try e.unaryUnion() }
        survives("unionAll") { try Geometry.unionAll([e, e], context: ctx) }
        survives("clip") { try e.clip(to: Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1)) }
        survives("lineMerge") { try e.lineMerge() }
        survives("offsetCurve") { try e.offsetCurve(distance: 1) }
        survives("node") { try e.node() }
        survives("interpolate") { try e.interpolate(distance: 1) }
        survives("interpolate fraction") { try e.interpolate(fraction: 0.5) }
        survives("project onto empty") { try e.project(Geometry.point(Coordinate(x: 0, y: 0), context: ctx)) }
        survives("project empty point") { try line.project(Geometry.empty(.point, context: ctx)) }
        survives("polygonize") { try e.polygonize() }
        survives("split") { try e.split(by: line) }
        survives("split by empty") { try s.split(by: Geometry.empty(.lineString, context: ctx)) }
        survives("voronoi") { try e.voronoiDiagram() }
        survives("delaunay") { try e.delaunayTriangulation() }
        survives("prepared") { try e.prepared().contains(s) }
        survives("prepare against") { try s.prepared().intersects(e) }
        survives("wkb") { try Geometry(wkb: e.wkb, context: ctx) }
        survives("wkbHex") { try e.wkbHex }
        survives("coordinates") { try e.coordinateSequences }
        survives("geometries") { try e.geometries }
        survives("pointCoordinate") { try e.pointCoordinate }
        survives("exteriorRing") { try e.exteriorRing }
        survives("STRtree") {
            let t = try STRtree(context: ctx)
            try t.insert(e, payload: 0)
            return try (t.query(e), t.nearest(to: e), t.nearest(to: s))
        }
        #expect(try e.isEmpty)
    }
}
