import GeometryCore
@testable import PerimeterKit
import Testing

/// The nearest-coast partition on small planar cases (metres).
@Suite struct NearestCoastPartitionTests {
    /// A point on two coasts (a land border's end) and a ring's closing point become one site each,
    /// owned by the coast listed first.
    @Test func repeatedSitesAreKeptOnce() {
        let sites = [Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 0.0002, y: 0),
                     Coordinate(x: 10, y: 0), Coordinate(x: 5, y: 5)]
        let (kept, owners) = NearestCoastPartition.distinct(sites, [0, 0, 1, 1, 1], grid: 0.001)
        #expect(kept == [Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 5, y: 5)])
        #expect(owners == [0, 0, 1])
    }

    /// Two square "states" side by side share their border's vertices: the partition builds, and
    /// above the border's end the median lies within half a site spacing of x = 1000 m (the shared
    /// sites belong to A, the first coast; evenly spaced parallel edges are cocircular, which GEOS 3.11 only
    /// builds once the sites are jittered by ≤ 1 mm).
    @Test func neighboursSharingBorderVertices() throws {
        let context = GEOSContext()
        let a = try Geometry.polygon(shell: [Coordinate(x: 0, y: 0), Coordinate(x: 1000, y: 0), Coordinate(x: 1000, y: 1000),
                                             Coordinate(x: 0, y: 1000), Coordinate(x: 0, y: 0)], context: context)
        let b = try Geometry.polygon(shell: [Coordinate(x: 1000, y: 0), Coordinate(x: 2000, y: 0), Coordinate(x: 2000, y: 1000),
                                             Coordinate(x: 1000, y: 1000), Coordinate(x: 1000, y: 0)], context: context)
        let envelope = try Geometry.polygon(shell: [Coordinate(x: -500, y: -500), Coordinate(x: 2500, y: -500), Coordinate(x: 2500, y: 1500),
                                                    Coordinate(x: -500, y: 1500), Coordinate(x: -500, y: -500)], context: context)
        let partition = try NearestCoastPartition(coasts: [("A", a.boundary()), ("B", b.boundary())], envelope: envelope, spacing: 100)
        // 2 squares × 44 sites (each 1 km edge: a vertex and 10 points 90.9 m apart); the 12 on the shared border once.
        #expect(partition.siteCount == 76)
        let median = try #require(try partition.medianLine("A", "B"))
        let above = try median.clip(to: Bounds(minX: -500, minY: 1001, maxX: 2500, maxY: 1500))
        #expect(try !above.isEmpty)
        for c in try above.coordinates { #expect(c.x > 1000 && c.x < 1000 + 1000 / 22 + 0.01, "\(c)") }
    }
}
