import Testing
@testable import GeometryCore

@Suite struct EqualAreaProjectionTests {
    /// The Swift formulas agree with PROJ's ellipsoidal `+proj=laea` to 1 mm.
    @Test func matchesPROJLambertAzimuthalEqualArea() throws {
        for (lon0, lat0) in [(24.0, 52.0), (26.4, 59.8), (-70.0, -33.0), (10.0, 0.0)] {
            let projection = EqualAreaProjection(center: Coordinate(lon: lon0, lat: lat0))
            let proj = try Transformer(
                from: "EPSG:4326", to: "+proj=laea +lat_0=\(lat0) +lon_0=\(lon0) +x_0=0 +y_0=0 +ellps=WGS84 +units=m")
            for (dx, dy) in [(0.0, 0.0), (1.5, 0.7), (-3.0, 2.0), (0.2, -4.0), (8.0, 5.0)] {
                let c = Coordinate(lon: lon0 + dx, lat: lat0 + dy)
                let ours = projection.forward(c)
                let theirs = try proj.transform(c)
                #expect(abs(ours.x - theirs.x) < 1e-3 && abs(ours.y - theirs.y) < 1e-3, "\(c): \(ours) vs \(theirs)")
            }
        }
    }

    /// A geodesic circle's polygon measured in the projection has the polygon's geodesic area
    /// (Karney's `geod_polygonarea`) to one part per million.
    @Test func circleAreaAgreesWithGeodesicArea() throws {
        for (center, radius) in [(Coordinate(lon: 24, lat: 52), 100_000.0), (Coordinate(lon: 26, lat: 60), 250_000.0),
                                 (Coordinate(lon: 31, lat: 47), 35_000.0)] {
            let ring = try GeodesicCircle(center: center, radius: radius).ring(tolerance: 10)
            let geodesic = Geodesic.wgs84.areaAndPerimeter(ofRing: ring).area
            let projected = EqualAreaProjection(center: center).area(ofRing: ring)
            #expect(abs(projected - geodesic) / geodesic < 1e-6, "\(projected) vs \(geodesic)")
        }
    }
}
