import Testing
@testable import GeometryCore

@Suite struct TransformerTests {
    /// pyproj (always_xy=True) as the oracle for EPSG:4326 → EPSG:3035 and → EPSG:32635.
    @Test func matchesPyprojForKnownPoints() throws {
        let points = [Coordinate(lon: 21.0122, lat: 52.2297), Coordinate(lon: 30.5234, lat: 50.4501),
                      Coordinate(lon: 10, lat: 52), Coordinate(lon: 24.0, lat: 49.8)]
        for target in ["EPSG:3035", "EPSG:32635"] {
            let script = """
            import sys
            from pyproj import Transformer
            t = Transformer.from_crs("EPSG:4326", "\(target)", always_xy=True)
            for line in sys.stdin:
                lon, lat = map(float, line.split())
                x, y = t.transform(lon, lat)
                print(repr(x), repr(y))
            """
            let input = points.map { "\($0.lon) \($0.lat)" }.joined(separator: "\n")
            let expected = try PythonOracle.rows(script, input: input)
            let t = try Transformer(from: "EPSG:4326", to: target)
            #expect(!t.source.name.isEmpty)
            for (p, e) in zip(points, expected) {
                let got = try t.transform(p)
                #expect(abs(got.x - e[0]) < 1e-3, "\(target) x for \(p): \(got.x) vs pyproj \(e[0])")
                #expect(abs(got.y - e[1]) < 1e-3, "\(target) y for \(p): \(got.y) vs pyproj \(e[1])")
            }
            var bulk = points
            try t.transform(&bulk)
            for (g, e) in zip(bulk, expected) {
                #expect(abs(g.x - e[0]) < 1e-3 && abs(g.y - e[1]) < 1e-3, "bulk \(target): \(g) vs \(e)")
            }
        }
    }

    @Test func laeaKnownPointFromEPSGGuidance() throws {
        // EPSG Guidance Note 7-2, §3.2.3.2 worked example for LAEA Europe (EPSG:3035):
        // lat 50°N, lon 5°E → E = 3 962 799.45 m, N = 2 999 718.85 m (ETRS89).
        let t = try Transformer(from: "EPSG:4258", to: "EPSG:3035")
        let p = try t.transform(Coordinate(lon: 5, lat: 50))
        #expect(abs(p.x - 3_962_799.45) < 0.01)
        #expect(abs(p.y - 2_999_718.85) < 0.01)
    }

    /// PROJ 9.1 inverts LAEA with a series for the authalic latitude: ≈ 4e-9° (0.4 mm) round-trip error.
    @Test func roundTripWithinAMillimetre() throws {
        let t = try Transformer(from: "EPSG:4326", to: "EPSG:3035")
        let original = (0..<20).map { Coordinate(lon: 14 + Double($0) * 0.6, lat: 45 + Double($0) * 0.4) }
        var pts = original
        try t.transform(&pts)
        #expect(pts[0].x > 1_000_000, "projected metres, not degrees")
        try t.transform(&pts, direction: .inverse)
        for (a, b) in zip(original, pts) {
            #expect(abs(a.lon - b.lon) < 1e-8 && abs(a.lat - b.lat) < 1e-8, "\(a) vs \(b)")
        }
        let single = try t.inverse(t.transform(original[3]))
        #expect(abs(single.lon - original[3].lon) < 1e-9)
    }

    @Test func geographicAxisOrderIsAlwaysLonLat() throws {
        // EPSG:4326 declares lat/lon axis order; the transformer must still take x = lon.
        let t = try Transformer(from: "EPSG:4326", to: "EPSG:4258")
        let p = try t.transform(Coordinate(lon: 24, lat: 50))
        #expect(abs(p.lon - 24) < 1e-6 && abs(p.lat - 50) < 1e-6)
    }

    @Test func unknownEPSGCodeThrowsWithMessage() {
        #expect {
            _ = try CRS.epsg(999_999)
        } throws: { error in
            guard let e = error as? ProjError else { return false }
            let text = e.description
            return e.kind == .invalidDefinition && text.contains("EPSG:999999") && !e.message.isEmpty
        }
        #expect(throws: ProjError.self) { _ = try Transformer(from: "EPSG:4326", to: "EPSG:999999") }
    }

    @Test func garbageDefinitionsThrow() throws {
        for garbage in ["PROJCRS[\"broken\", GARBAGE[", "not a crs at all", "", "+proj=nonsense +ellps=WGS84"] {
            do {
                _ = try CRS(garbage)
                Issue.record("expected \(garbage.debugDescription) to throw")
            } catch let e as ProjError {
                #expect(e.kind == .invalidDefinition)
                #expect(e.description.contains("cannot create CRS"), "\(e)")
                #expect(!e.message.isEmpty, "\(e)")
            }
        }
    }

    @Test func outOfRangeInputGivesErrorNotInfinity() throws {
        let t = try Transformer(from: "EPSG:4326", to: "EPSG:3035")
        // LAEA centred at 52°N 10°E cannot map the antipode of its centre.
        let antipode = Coordinate(lon: -170, lat: -52)
        do {
            let p = try t.transform(antipode)
            Issue.record("expected an error, got \(p)")
        } catch let e as ProjError {
            #expect(e.kind == .pointFailed && e.pointIndex == 0)
            #expect(!e.message.isEmpty)
        }
        var pts = [Coordinate(lon: 20, lat: 50), Coordinate(lon: 21, lat: 51), antipode]
        let before = pts
        do {
            try t.transform(&pts)
            Issue.record("expected an error, got \(pts)")
        } catch let e as ProjError {
            #expect(e.pointIndex == 2, "\(e)")
            #expect(e.description.contains("point 2"), "\(e)")
        }
        #expect(pts == before, "array untouched on failure")
        // Latitude beyond 90° is invalid input.
        #expect(throws: ProjError.self) { _ = try t.transform(Coordinate(lon: 0, lat: 95)) }
    }

    @Test func areaOfUseCheck() throws {
        let t = try Transformer(from: "EPSG:4326", to: "EPSG:3035")
        let area = try #require(t.areaOfUse)
        #expect(area.west < 0 && area.east > 30 && area.south > 20 && area.north > 80)
        try t.checkAreaOfUse(Coordinate(lon: 21, lat: 52))
        #expect(throws: ProjError.self) { try t.checkAreaOfUse(Coordinate(lon: -100, lat: 40)) }
        let back = try Transformer(from: "EPSG:3035", to: "EPSG:4326")
        let warsaw = try t.transform(Coordinate(lon: 21, lat: 52))
        try back.checkAreaOfUse(warsaw)
    }

    @Test func contextCachesTransformers() throws {
        let context = ProjContext()
        let a = try context.transformer(from: "EPSG:4326", to: "EPSG:3035")
        let b = try context.transformer(from: "EPSG:4326", to: "EPSG:3035")
        #expect(a === b)
        let c = try context.transformer(from: "EPSG:3035", to: "EPSG:4326")
        #expect(a !== c)
        #expect(context.cachedTransformerCount == 2)
        #expect(throws: ProjError.self) { _ = try context.transformer(from: "EPSG:4326", to: "EPSG:999999") }
        #expect(context.cachedTransformerCount == 2)
    }
}
