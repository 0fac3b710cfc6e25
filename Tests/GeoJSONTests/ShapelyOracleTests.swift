import Foundation
import GeometryCore
import PerimeterTestSupport
import Testing
@testable import GeoJSON

/// Independent check of the antimeridian cut with shapely 2 (GEOS underneath): every output polygon is valid
/// (`is_valid`), lies within [-180, 180], and the parts together have the area of the uncut shape (the uncut
/// shape's area computed by shapely from its continuous-longitude form).
@Suite struct ShapelyOracleTests {
    /// `PERIMETER_PYTHON`, else `<package root>/.venv/bin/python`.
    /// A missing interpreter fails the test (the oracle must run), it never skips it.
    static var python: String { TestEnvironment.python }

    static let script = """
        import json, sys
        from shapely.geometry import shape
        out = json.load(open(sys.argv[1]))
        src = json.load(open(sys.argv[2]))
        for f, s in zip(out["features"], src["features"]):
            g = shape(f["geometry"])
            parts = list(g.geoms) if g.geom_type == "MultiPolygon" else [g]
            ok = g.is_valid and all(p.is_valid for p in parts)
            minx, miny, maxx, maxy = g.bounds
            print(f["properties"]["name"], ok, len(parts), minx >= -180 and maxx <= 180, round(g.area, 9), round(shape(s["geometry"]).area, 9))
        """

    static func circle(lon: Double, lat: Double, radius: Double) -> [Position] {
        let centre = Coordinate(lon: lon, lat: lat)
        var ring = stride(from: 0.0, to: 360, by: 3).map { az -> Position in
            var c = Geodesic.wgs84.direct(from: centre, azimuth: az, distance: radius).coordinate
            while c.lon - lon > 180 { c.x -= 360 }
            while c.lon - lon < -180 { c.x += 360 }
            return Position(c)
        }
        ring.append(ring[0])
        return ring
    }

    static let shapes: [(String, [[Position]])] = [
        ("square", [ring([(170, 0), (190, 0), (190, 10), (170, 10)])]),
        ("c-east", [ring([(170, 0), (190, 0), (190, 3), (175, 3), (175, 7), (190, 7), (190, 10), (170, 10)])]),
        ("c-west", [ring([(170, 0), (190, 0), (190, 10), (170, 10), (170, 7), (185, 7), (185, 3), (170, 3)])]),
        ("cut-hole", [ring([(170, 0), (190, 0), (190, 10), (170, 10)]), ring([(178, 4), (178, 6), (182, 6), (182, 4)])]),
        ("two-holes", [ring([(170, 0), (190, 0), (190, 10), (170, 10)]), ring([(172, 1), (172, 3), (188, 3), (188, 1)]), ring([(174, 7), (186, 7), (186, 8), (174, 8)])]),
        ("comb", [ring([(170, 0), (190, 0), (190, 2), (179, 2), (179, 4), (190, 4), (190, 6), (179, 6), (179, 8), (190, 8), (190, 10), (170, 10)])]),
        ("notch-west", [ring([(170, 0), (190, 0), (190, 10), (170, 10), (180, 5)])]),
        ("notch-east", [ring([(170, 0), (190, 0), (180, 5), (190, 10), (170, 10)])]),
        ("along-meridian", [ring([(170, 0), (190, 0), (190, 10), (170, 10), (175, 8), (180, 6), (180, 4), (175, 2)])]),
        ("circle-60N", [circle(lon: 179.5, lat: 60, radius: 400_000)]),
        ("circle-west", [circle(lon: -179.8, lat: -20, radius: 250_000)]),
    ]

    @Test func cutPolygonsAreValidInGEOS() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "oracle Python not found at \(Self.python): run make test-deps")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let features = Self.shapes.map { Feature(geometry: .polygon($0.1), properties: ["name": .string($0.0)]) }
        try GeoJSONWriter(precision: 9).write(FeatureCollection(features: features), to: dir + "/out.geojson")
        // The source in continuous longitudes, unnormalised, for the reference area.
        try GeoJSONWriter(precision: 9, normalize: false).write(FeatureCollection(features: features), to: dir + "/src.geojson")
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: dir + "/check.py"))
        let (status, output) = try run(Self.python, [dir + "/check.py", dir + "/out.geojson", dir + "/src.geojson"])
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == Self.shapes.count, "\(output)")
        let expectedParts = ["square": 2, "c-east": 3, "c-west": 3, "cut-hole": 2, "two-holes": 2, "comb": 4, "notch-west": 3, "notch-east": 3, "along-meridian": 3, "circle-60N": 2, "circle-west": 2]
        for l in lines where l.count == 6 {
            #expect(l[1] == "True", "\(l[0]) invalid in GEOS")
            #expect(Int(l[2]) == expectedParts[l[0]], "\(l[0]) parts \(l[2])")
            #expect(l[3] == "True", "\(l[0]) outside [-180, 180]")
            #expect(abs(Double(l[4])! - Double(l[5])!) < 1e-6, "\(l[0]) area \(l[4]) vs \(l[5])")
        }
    }
}
