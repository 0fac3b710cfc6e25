import Foundation
import Testing
@testable import GeometryCore
import PerimeterTestSupport

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

/// The ring hot path's shortcuts give the same bits as the calls they replace.
@Suite struct RingHotPathTests {
    /// `directPoint` (no end azimuth) is `direct(...).coordinate` bit for bit.
    @Test func directPointIsDirectsCoordinateBitForBit() {
        let geod = Geodesic.wgs84
        var random = SplitMix64(seed: 23)
        for _ in 0..<20_000 {
            let start = Coordinate(lon: random.uniform(-180, 180), lat: random.uniform(-90, 90))
            let azimuth = random.uniform(-720, 720), distance = random.uniform(0, 2e7)
            let fast = geod.directPoint(from: start, azimuth: azimuth, distance: distance)
            let full = geod.direct(from: start, azimuth: azimuth, distance: distance).coordinate
            #expect(fast.x.bitPattern == full.x.bitPattern && fast.y.bitPattern == full.y.bitPattern, "\(start) \(azimuth) \(distance)")
        }
    }

    /// `wrappedStep(d)` is `remainder(d, 360)` bit for bit, ±180 and ±0 included.
    @Test func wrappedStepIsRemainder() {
        var random = SplitMix64(seed: 29)
        var steps: [Double] = [0, -0.0, 180, -180, 180.00000000000003, -180.00000000000003, 179.99999999999997, 360, -360, 540, 1e-300]
        for _ in 0..<20_000 { steps.append(random.uniform(-1000, 1000)) }
        for _ in 0..<2_000 { steps.append(random.uniform(-1e-6, 1e-6)) }
        for d in steps {
            #expect(GeodesicCircle.wrappedStep(d).bitPattern == remainder(d, 360).bitPattern, "\(d)")
        }
    }
}
