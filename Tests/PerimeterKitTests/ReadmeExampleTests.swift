import Testing
import GeometryCore
import GeoJSON
@testable import PerimeterKit

/// The README's library example, kept compiling and checked against known figures.
@Suite struct ReadmeExampleTests {
    @Test func libraryExampleRuns() throws {
        let warsaw = Coordinate(lon: 21.0122, lat: 52.2297), kyiv = Coordinate(lon: 30.5234, lat: 50.4501)
        let km = Geodesic.wgs84.distance(warsaw, kyiv) / 1000
        #expect(abs(km - 690) < 10, "Warsaw–Kyiv is about 690 km, got \(km)")

        let ring = try GeodesicCircle(center: kyiv, radius: 160_000).ring(tolerance: 10)
        let disk = try Geometry.polygon(shell: ring)
        let area = try disk.geodesicAreaPerimeter().area
        // π·R² less the chord deficit (≈ 2/3·tol·perimeter ≈ 6.7 km²), within 0.1%.
        #expect(abs(area / 1e6 - 3.14159265 * 160 * 160) / (3.14159265 * 160 * 160) < 0.001)

        let laea = try Transformer(from: "EPSG:4326", to: "EPSG:3035").transform(kyiv)
        #expect(laea.x > 5_000_000 && laea.y > 3_000_000)

        let sites = [Site(id: "a", position: kyiv, rangeM: 40_000), Site(id: "b", position: warsaw, rangeM: 40_000)]
        let coverage = try Coverage.build(sites: sites, toleranceM: 10)
        #expect(coverage.parts == 2 && coverage.holes == 0)
    }
}
