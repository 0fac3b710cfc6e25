import Foundation
import PerimeterTestSupport
import Testing
import GeometryCore
@testable import PerimeterKit

/// The grid point-in-polygon and the boundary distance on Poland (DCW fixture) against brute force.
@Suite struct EdgeIndexTests {
    typealias S = TrackTestSupport
    let geod = Geodesic.wgs84

    func poland() throws -> AirspacePolygon {
        try S.loadPolygon(S.fixtures.appendingPathComponent("poland_dcw.geojson").path, name: "Poland")
    }

    @Test func gridLocateAgreesWithFullRayCasting() throws {
        let index = try EdgeIndex(poland())
        var rng = SplitMix64(seed: 42)
        var inside = 0
        for _ in 0..<20_000 {
            let p = Coordinate(lon: 13.5 + rng.unit() * 11, lat: 48.8 + rng.unit() * 6.2)
            let fast = index.locate(p)
            #expect(fast == index.locateByRay(p.x, p.y), "\(p)")
            if fast == .inside { inside += 1 }
        }
        #expect(inside > 5_000 && inside < 15_000)
        #expect(index.locate(Coordinate(lon: 21.01, lat: 52.23)) == .inside)  // Warsaw
        #expect(index.locate(Coordinate(lon: 13.40, lat: 52.52)) == .outside)  // Berlin
    }

    @Test func localMetricMatchesGeodesicForShortSegments() {
        let metric = LocalMetric(geod)
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let p = Coordinate(lon: rng.unit() * 40 - 20, lat: rng.unit() * 150 - 75)
            let q = Coordinate(lon: p.lon + (rng.unit() - 0.5) * 0.1, lat: min(90, p.lat + (rng.unit() - 0.5) * 0.1))
            let exact = geod.distance(p, q)
            #expect(abs(metric.distance(p, q) - exact) <= 1e-6 * exact + 1e-6, "\(p) \(q)")
        }
    }

    /// Distance to the boundary against a brute force over every edge (golden section on
    /// `Geodesic.inverse` along each edge near the best).
    @Test func boundaryDistanceMatchesBruteForce() throws {
        let polygon = try poland()
        let finder = try IncursionFinder(airspace: polygon)
        let edges = finder.index.edges
        for p in [Coordinate(lon: 19.67, lat: 52.08), Coordinate(lon: 21.01, lat: 52.23), Coordinate(lon: 17.0, lat: 51.1),
                  Coordinate(lon: 22.9, lat: 50.2)] {
            // Rough pass on edge midpoints and ends, then exact minimisation on the nearest 20 edges.
            let rough = edges.indices.map { k -> (Double, Int) in
                let e = edges[k]
                return (min(geod.distance(p, Coordinate(lon: e.ax, lat: e.ay)), geod.distance(p, Coordinate(lon: e.bx, lat: e.by))), k)
            }.sorted { $0.0 < $1.0 }.prefix(20)
            var best = Double.infinity
            for (_, k) in rough {
                let e = edges[k]
                var lo = 0.0, hi = 1.0
                let g = { (t: Double) in self.geod.distance(p, Coordinate(lon: e.ax + t * (e.bx - e.ax), lat: e.ay + t * (e.by - e.ay))) }
                for _ in 0..<60 {
                    let a = lo + (hi - lo) / 3, b = hi - (hi - lo) / 3
                    if g(a) < g(b) { hi = b } else { lo = a }
                }
                best = min(best, g(0.5 * (lo + hi)))
            }
            let d = finder.distanceToBoundary(p)
            #expect(abs(d - best) < 0.5, "\(p): \(d) vs brute force \(best)")
        }
    }

    /// The bounds that let `BoundaryDistance` skip geodesics: the 3-D chord to a point, and the
    /// distance to an edge's 3-D chord less its bulge, never exceed the geodesic distance to any
    /// point of the edge (short and long edges, any latitude, longitudes past ±180 as in a frame).
    @Test func chordBoundsNeverExceedTheGeodesic() {
        let metric = LocalMetric(geod)
        var rng = SplitMix64(seed: 0xC40D)
        var tightest = Double.infinity
        for n in 0..<3_000 {
            let span = n % 3 == 0 ? rng.uniform(0.05, 3) : rng.uniform(0, 0.05)
            let a = Coordinate(lon: rng.uniform(-190, 190), lat: rng.uniform(-88, 88))
            let heading = rng.uniform(0, 2 * .pi)
            let b = Coordinate(lon: a.x + span * sin(heading), lat: max(-89.9, min(89.9, a.y + span * cos(heading))))
            let edge = ChordEdge(EdgeIndex.Edge(ax: a.x, ay: a.y, bx: b.x, by: b.y), metric)
            let reach = [0.001, 0.05, 1, 5][n % 4]
            let p = Coordinate(lon: a.x + rng.uniform(-reach, reach), lat: max(-89.9, min(89.9, a.y + rng.uniform(-reach, reach))))
            let origin = BoundaryDistance.earthCentred(p, metric)
            let bound = edge.lowerBound(origin)
            for k in 0...20 {
                let t = Double(k) / 20
                let q = Coordinate(lon: a.x + t * (b.x - a.x), lat: a.y + t * (b.y - a.y))
                let s = geod.distance(p, q)
                let c = BoundaryDistance.earthCentred(q, metric)
                let chord = ((c.x - origin.x) * (c.x - origin.x) + (c.y - origin.y) * (c.y - origin.y)
                             + (c.z - origin.z) * (c.z - origin.z)).squareRoot()
                #expect(chord <= s + 1e-6, "chord \(chord) > geodesic \(s): \(p) to \(q)")
                #expect(bound <= chord + 1e-6, "edge bound \(bound) > chord \(chord): \(p), edge \(a) to \(b)")
                tightest = min(tightest, s - bound)
            }
        }
        #expect(tightest < 0.01)  // the bound is not vacuous: somewhere it meets the geodesic
    }
}
