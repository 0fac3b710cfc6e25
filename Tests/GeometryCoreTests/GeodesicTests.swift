import Testing
@testable import GeometryCore

/// Published reference values: C. F. F. Karney, "Algorithms for geodesics",
/// J. Geodesy 87 (2013) 43–55, the worked examples (WGS84).
@Suite struct GeodesicTests {
    let geod = Geodesic.wgs84

    @Test func directKarney2013Example() {
        // lat1 = 40°, azi1 = 30°, s12 = 10 000 km → lat2 = 41.79331020506°, lon2 = 137.84490004377°,
        // azi2 = 149.09016931807° (Karney 2013, §3 example).
        let d = geod.direct(from: Coordinate(lon: 0, lat: 40), azimuth: 30, distance: 10_000_000)
        #expect(abs(d.coordinate.lat - 41.79331020506) < 1e-8)
        #expect(abs(d.coordinate.lon - 137.84490004377) < 1e-8)
        #expect(abs(d.azimuth2 - 149.09016931807) < 1e-8)
    }

    @Test func inverseRoundTrip() {
        let p1 = Coordinate(lon: 0, lat: 40)
        let p2 = Coordinate(lon: 137.84490004377, lat: 41.79331020506)
        let inv = geod.inverse(p1, p2)
        #expect(abs(inv.distance - 10_000_000) < 1e-3)
        #expect(abs(inv.azimuth1 - 30) < 1e-8)
    }
}
