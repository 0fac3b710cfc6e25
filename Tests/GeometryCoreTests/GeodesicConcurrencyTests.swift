import Testing
@testable import GeometryCore

/// `Geodesic` is shared across threads (`Geodesic.wgs84` is a global): many tasks reading the same
/// instance at once must each get the serial answer. Run under `make tsan` (ThreadSanitizer), which
/// would report a data race if PROJ's `geod_geodesic` were reached through shared mutable storage.
@Suite struct GeodesicConcurrencyTests {
    static func workload(_ geodesic: Geodesic, seed: Int) throws -> [Double] {
        var out: [Double] = []
        for k in 0..<200 {
            let a = Coordinate(lon: Double((seed * 37 + k * 11) % 360) - 180, lat: Double((seed * 13 + k * 7) % 170) - 85)
            let b = Coordinate(lon: Double((seed * 53 + k * 17) % 360) - 180, lat: Double((seed * 29 + k * 5) % 170) - 85)
            let inverse = geodesic.inverse(a, b)
            out.append(inverse.distance)
            out.append(geodesic.direct(from: a, azimuth: inverse.azimuth1, distance: inverse.distance / 2).coordinate.lat)
            out.append(geodesic.length(of: [a, b, a]))
            out.append(geodesic.areaAndPerimeter(ofRing: [a, b, Coordinate(lon: a.lon, lat: b.lat), a]).area)
            if k % 20 == 0 {
                let ring = try GeodesicCircle(center: Coordinate(lon: a.lon, lat: max(-60, min(60, a.lat))), radius: 50_000)
                    .ring(vertexCount: 64, on: geodesic)
                out.append(ring[17].lon + ring[33].lat)
            }
        }
        return out
    }

    @Test func sharedGeodesicGivesTheSerialAnswersUnderConcurrency() async throws {
        let custom = Geodesic(equatorialRadius: 6_371_000, flattening: 1 / 300)
        for geodesic in [Geodesic.wgs84, custom] {
            let serial = try (0..<8).map { try Self.workload(geodesic, seed: $0) }
            let parallel = try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
                for seed in 0..<8 {
                    group.addTask { (seed, try Self.workload(geodesic, seed: seed)) }
                }
                var results = Array(repeating: [Double](), count: 8)
                for try await (seed, values) in group { results[seed] = values }
                return results
            }
            for seed in 0..<8 {
                #expect(parallel[seed].map(\.bitPattern) == serial[seed].map(\.bitPattern), "seed \(seed)")
            }
        }
    }
}
