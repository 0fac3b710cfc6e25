import Foundation
import GeometryCore
import Testing
@testable import PerimeterKit

/// Merging neighbouring polygons into one protected region (``RegionMerge``) and the vertex-by-vertex coast test.
@Suite struct RegionMergeTests {
    func polygon(_ c: [(Double, Double)], holes: [[(Double, Double)]] = [], _ ctx: GEOSContext) throws -> Geometry {
        try Geometry.polygon(shell: c.map { Coordinate(lon: $0.0, lat: $0.1) }, holes: holes.map { $0.map { Coordinate(lon: $0.0, lat: $0.1) } },
                             context: ctx)
    }

    /// Two neighbours whose outlines part along their shared border leave a sliver hole in the plain union:
    /// the merge fills it and counts it; a hole one member has of its own (an enclave) stays.
    @Test func sliverBetweenTwoMembersIsFilledAnEnclaveIsKept() throws {
        let ctx = GEOSContext()
        // A: x 0..1 with its right edge bowing left between y 0.4 and 0.6 (and an enclave); B: x 1..2, straight: a sliver opens.
        let a = try polygon([(0, 0), (1, 0), (1, 0.4), (0.99, 0.5), (1, 0.6), (1, 1), (0, 1), (0, 0)],
                            holes: [[(0.2, 0.2), (0.2, 0.3), (0.3, 0.3), (0.3, 0.2), (0.2, 0.2)]], ctx)
        let b = try polygon([(1, 0), (2, 0), (2, 1), (1, 1), (1, 0)], ctx)
        let plain = try Geometry.unionAll([a, b], context: ctx)
        let plainHoles = try plain.numInteriorRings
        #expect(plainHoles == 2, "the plain union keeps the sliver and the enclave")
        let (merged, merge) = try RegionMerge.union([a, b], context: ctx)
        #expect(merge.holesFilled == 1 && merge.holesKept == 1)
        let mergedHoles = try merged.numInteriorRings
        #expect(mergedHoles == 1)
        // The sliver's ring: 2 × √(0.01² + 0.1²)° of geodesic edges plus 0.2° of the meridian x = 1 (≈ 22 km + 22 km).
        #expect(merge.filledBoundaryM > 40_000 && merge.filledBoundaryM < 50_000, "\(merge.filledBoundaryM)")
        #expect(merge.filledAreaM2 > 0)
        // One member: nothing to merge, its own hole stays.
        let (single, none) = try RegionMerge.union([a], context: ctx)
        let singleHoles = try single.numInteriorRings
        #expect(none.holesFilled == 0 && singleHoles == 1)
    }

    /// A line along a shore splits into a coast run (every vertex within the distance) and the rest; the edge
    /// from the last near vertex to the first far one goes to the rest, and the runs add up to the line.
    @Test func coastRunsKeepOnlyNearVertices() throws {
        let projection = try LocalProjection(roundedCenter: Coordinate(lon: 18, lat: 54.5))
        // A shoreline along the parallel 54.5° N, 17.9–18.1° E.
        let coast = [[Coordinate(lon: 17.9, lat: 54.5), Coordinate(lon: 18.1, lat: 54.5)]]
        let window = Bounds(minX: 17, minY: 54, maxX: 19, maxY: 55)
        let near = try CoastProximity(coast: coast, window: window, projection: projection, distanceM: 1950)
        // Points 1 km north of the shore (0.009°), then 5 km north: the last edge leaves the coast.
        let ll = [17.95, 18.0, 18.05].map { Coordinate(lon: $0, lat: 54.509) } + [Coordinate(lon: 18.05, lat: 54.545)]
        let xy = try projection.forward(ll)
        let (c, r) = near.split(xy)
        #expect(c.count == 1 && c[0].count == 3)
        #expect(r.count == 1 && r[0].count == 2)
        #expect(near.isNear(xy[0]) && !near.isNear(xy[3]))
    }
}
