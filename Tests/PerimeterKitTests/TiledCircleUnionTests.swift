import Testing
import GeometryCore
@testable import PerimeterKit

/// The tiled union (whole tiles inside one circle, quartered partial tiles) must be the same
/// point set as GEOS's plain union of every circle polygon (cut at ±180).
@Suite struct TiledCircleUnionTests {
    /// A deterministic pseudo-random generator (no Foundation randomness in tests).
    struct LCG { var s: UInt64; mutating func next() -> Double { s = s &* 6364136223846793005 &+ 1442695040888963407; return Double(s >> 11) / Double(1 << 53) } }

    @Test(arguments: [(40, 100_000.0, 20.0, 48.0, 8.0, 5.0), (300, 60_000.0, 22.0, 47.0, 10.0, 6.0),
                      (25, 250_000.0, 178.0, 60.0, 6.0, 3.0), (60, 20_000.0, 24.0, 52.0, 1.5, 1.0)])
    func sameAsPlainUnion(count: Int, radius: Double, lon0: Double, lat0: Double, width: Double, height: Double) throws {
        var rng = LCG(s: UInt64(count) &* 977)
        let sites = (0..<count).map { i in
            Site(id: "\(i)", position: Coordinate(lon: lon0 + rng.next() * width, lat: lat0 + rng.next() * height),
                 rangeM: radius * (0.6 + 0.8 * rng.next()))
        }
        let coverage = try Coverage.build(sites: sites, toleranceM: 20, threads: 2)
        let context = GEOSContext()
        // The plain union of every circle's pieces in the lon/lat plane (cut at ±180, see LonLatPlane).
        let pieces = try coverage.circles.flatMap { try $0.polygons(toleranceM: 20, context: context) }
        let plain = try Geometry.unionAll(pieces.map { try Geometry.polygon(shell: $0, context: context) }, context: context)
        let tiled = try coverage.union(context: context)
        let difference = try plain.symmetricDifference(tiled).area
        let plainArea = try plain.area
        #expect(difference / plainArea < 1e-9, "symmetric difference \(difference) deg² of \(plainArea)")
        let plainMeasures = try plain.geodesicAreaPerimeter()
        // Tile edges add vertices on existing edges; measured as geodesics between vertices, a
        // split edge encloses a hair more or less (≈ 1e-8 relative here), hence 1e-7.
        #expect(abs(plainMeasures.area - coverage.areaM2) / plainMeasures.area < 1e-7)
        let plainParts = try plain.polygonRings.count
        let valid = try tiled.isValid
        // Pieces meeting across ±180 are one part on the ellipsoid, two polygons in the plane.
        let touchesCut = try tiled.polygonRings.contains { $0[0].contains { abs($0.x) == 180 } }
        #expect(touchesCut ? coverage.parts < plainParts : plainParts == coverage.parts)
        #expect(valid)
    }
}
