import Foundation
import GeometryCore
@testable import PerimeterKit
import PerimeterTestSupport
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

    /// The cells of a Voronoi diagram (1,500 seeded random sites, clipped to an envelope) form a coverage: for
    /// three "states" owning bands of cells, GEOS's coverage union gives the cascaded union's polygons vertex
    /// for vertex (equal once normalized; no area between them) — what lets the airspace build union cells by
    /// dropping shared edges. The same holds for the union of the states' unions (the claimed sea).
    @Test func coverageUnionOfVoronoiCellsEqualsCascadedUnion() throws {
        let context = GEOSContext()
        var rng = SplitMix64(seed: 17)
        let sites = (0..<1500).map { _ in Coordinate(x: 100_000 * rng.unit(), y: 60_000 * rng.unit()) }
        let envelope = try Geometry.polygon(shell: [Coordinate(x: -5000, y: -5000), Coordinate(x: 105_000, y: -5000),
                                                    Coordinate(x: 105_000, y: 65_000), Coordinate(x: -5000, y: 65_000),
                                                    Coordinate(x: -5000, y: -5000)], context: context)
        let cells = try Geometry.voronoi(sites: sites, envelope: envelope, tolerance: 0.01, context: context).geometries
        #expect(cells.count == 1500)
        // Owner by the cell's first vertex: bands along a wavy line, so each state's union is ragged.
        var byOwner: [[Geometry]] = [[], [], []]
        for cell in cells {
            let c = try cell.coordinates[0]
            byOwner[min(2, max(0, Int((c.x + 8000 * sin(c.y / 7000)) / 35_000)))].append(cell)
        }
        var unions: [Geometry] = []
        for group in byOwner {
            let polygons = try Geometry.geometryCollection(group, context: context)
            let coverage = try polygons.coverageUnion()   // throws if GEOS does not take the cells as a coverage
            let cascaded = try polygons.unaryUnion()
            #expect(try coverage.isValid)
            #expect(try coverage.normalized().wkb == cascaded.normalized().wkb)
            #expect(try coverage.symmetricDifference(cascaded).area == 0)
            #expect(try NearestCoastPartition.coverageUnion(polygons).normalized().wkb == cascaded.normalized().wkb)
            unions.append(cascaded)
        }
        let all = try Geometry.geometryCollection(unions, context: context)
        #expect(try all.coverageUnion().normalized().wkb == all.unaryUnion().normalized().wkb)
        // Overlapping polygons are no coverage: the fallback gives their union all the same.
        let a = try Geometry.polygon(shell: [Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10),
                                             Coordinate(x: 0, y: 10), Coordinate(x: 0, y: 0)], context: context)
        let b = try Geometry.polygon(shell: [Coordinate(x: 5, y: 5), Coordinate(x: 15, y: 5), Coordinate(x: 15, y: 15),
                                             Coordinate(x: 5, y: 15), Coordinate(x: 5, y: 5)], context: context)
        let overlapping = try Geometry.geometryCollection([a, b], context: context)
        #expect(try NearestCoastPartition.coverageUnion(overlapping).area == 175)
    }
}
