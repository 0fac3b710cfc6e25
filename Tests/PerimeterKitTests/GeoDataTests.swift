import Foundation
import GeometryCore
import PerimeterTestSupport
import Testing

/// Checks on the shipped GeoData files (built by `make geodata`), read with Foundation only and
/// measured with `Geodesic.wgs84`. Distances in metres unless named `km`; coordinates lon/lat degrees.
@Suite struct GeoDataTests {
    // MARK: - tiny private loader

    private static let root = TestEnvironment.packageRoot
    private static let dataDir = root.appendingPathComponent("GeoData")
    private static let files = ["countries", "borders", "dnipro", "land", "places", "zones/DK-airports", "zones/US-AK-ADIZ"]

    private static func load(_ name: String) throws -> [String: Any] {
        let url = dataDir.appendingPathComponent("\(name).geojson")
        let data = try Data(contentsOf: url)
        guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw GeoDataTestError("\(url.path): not a JSON object")
        }
        return obj
    }

    private static func features(_ name: String) throws -> [[String: Any]] {
        try (load(name)["features"] as? [[String: Any]]) ?? []
    }

    private static func props(_ f: [String: Any]) -> [String: Any] { f["properties"] as? [String: Any] ?? [:] }

    /// Rings of a Polygon/MultiPolygon feature, as [[polygon][ring][point]].
    private static func polygons(_ f: [String: Any]) -> [[[Coordinate]]] {
        guard let g = f["geometry"] as? [String: Any], let type = g["type"] as? String else { return [] }
        func ring(_ r: Any) -> [Coordinate] {
            ((r as? [[Double]]) ?? []).map { Coordinate(lon: $0[0], lat: $0[1]) }
        }
        switch type {
        case "Polygon": return [((g["coordinates"] as? [Any]) ?? []).map(ring)]
        case "MultiPolygon": return ((g["coordinates"] as? [[Any]]) ?? []).map { $0.map(ring) }
        default: return []
        }
    }

    /// Lines of a LineString/MultiLineString feature.
    private static func lines(_ f: [String: Any]) -> [[Coordinate]] {
        guard let g = f["geometry"] as? [String: Any], let type = g["type"] as? String else { return [] }
        func line(_ r: Any) -> [Coordinate] {
            ((r as? [[Double]]) ?? []).map { Coordinate(lon: $0[0], lat: $0[1]) }
        }
        switch type {
        case "LineString": return [line(g["coordinates"] as Any)]
        case "MultiLineString": return ((g["coordinates"] as? [Any]) ?? []).map(line)
        default: return []
        }
    }

    /// The single Dnipro LineString.
    private static func dniproLine() throws -> [Coordinate] {
        guard let f = try features("dnipro").first, let line = lines(f).first, line.count > 1 else {
            throw GeoDataTestError("dnipro.geojson: no LineString feature")
        }
        return line
    }

    // MARK: - geometry helpers (test-local)

    /// Geodesic length of a polyline, metres.
    private static func length(_ line: [Coordinate]) -> Double {
        zip(line, line.dropFirst()).reduce(0) { $0 + Geodesic.wgs84.distance($1.0, $1.1) }
    }

    /// Even–odd ray casting over all rings (lon/lat treated as plane coordinates; fine away from poles
    /// and the antimeridian, which none of these data touch).
    private static func inside(_ p: Coordinate, _ rings: [[Coordinate]]) -> Bool {
        var c = false
        for r in rings {
            var j = r.count - 1
            for i in 0..<r.count {
                let a = r[i], b = r[j]
                if (a.lat > p.lat) != (b.lat > p.lat),
                   p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon {
                    c.toggle()
                }
                j = i
            }
        }
        return c
    }

    /// Geodesic distance (m) from a point to a polyline: each vertex is placed in the point's
    /// azimuthal equidistant plane (exact geodesic distance and azimuth from the point), and the
    /// nearest segment distance is taken there; segments are short, so the error is metres.
    private static func distance(from p: Coordinate, to line: [Coordinate]) -> Double {
        let xy = line.map { q -> (Double, Double) in
            let inv = Geodesic.wgs84.inverse(p, q)
            let az = inv.azimuth1 * .pi / 180
            return (inv.distance * sin(az), inv.distance * cos(az))
        }
        var best = Double.infinity
        for (a, b) in zip(xy, xy.dropFirst()) {
            let dx = b.0 - a.0, dy = b.1 - a.1
            let l2 = dx * dx + dy * dy
            let t = l2 > 0 ? max(0, min(1, -(a.0 * dx + a.1 * dy) / l2)) : 0
            best = min(best, hypot(a.0 + t * dx, a.1 + t * dy))
        }
        return best
    }

    /// Twice the signed planar area of a ring in lon/lat; positive when counter-clockwise.
    private static func signedArea(_ r: [Coordinate]) -> Double {
        zip(r, r.dropFirst()).reduce(0) { $0 + ($1.0.lon * $1.1.lat - $1.1.lon * $1.0.lat) }
    }

    // MARK: - tests

    /// Published lengths (km): Wikipedia "Borders of Poland" and the border pages named in
    /// GeoData/README.md; DCW at 1:1M must land within 25% of each.
    private static let published: [String: Double] = [
        "PL-UA": 535, "PL-BY": 418, "PL-RU": 210, "PL-LT": 104, "UA-BY": 1084, "UA-MD": 1222,
        "UA-RO": 580.8, "UA-RU": 1974, "EE-RU": 294, "LV-RU": 214, "LT-BY": 679, "LT-RU": 273,
    ]

    @Test func borderLengthsWithin25PercentOfPublished() throws {
        let feats = try Self.features("borders")
        var seen = Set<String>()
        for f in feats {
            let p = Self.props(f)
            guard let pair = p["pair"] as? String else { continue }
            let km = Self.lines(f).map(Self.length).reduce(0, +) / 1000
            if let written = p["length_km"] as? Double {
                #expect(abs(km - written) / written < 0.005, "\(pair): file says \(written) km, measured \(km) km")
            }
            if let pub = Self.published[pair] {
                seen.insert(pair)
                #expect(abs(km / pub - 1) <= 0.25, "\(pair): \(km) km vs published \(pub) km")
            }
        }
        #expect(seen == Set(Self.published.keys), "missing borders: \(Set(Self.published.keys).subtracting(seen))")
    }

    private static let cities: [(String, Double, Double)] = [
        ("Kyiv", 50.45, 30.5233), ("Cherkasy", 49.4444, 32.0597), ("Kremenchuk", 49.0667, 33.4167),
        ("Kamianske", 48.5167, 34.6), ("Dnipro", 48.4675, 35.04), ("Zaporizhzhia", 47.8333, 35.1667),
        ("Nikopol", 47.5667, 34.4), ("Nova Kakhovka", 46.7547, 33.3486), ("Kherson", 46.6425, 32.625),
    ]

    @Test func dniproPassesEveryRiversideCityWithin8km() throws {
        #expect(try Self.features("dnipro").count == 1)
        let line = try Self.dniproLine()
        for (name, lat, lon) in Self.cities {
            let d = Self.distance(from: Coordinate(lon: lon, lat: lat), to: line)
            #expect(d <= 8_000, "\(name) is \(d) m from the Dnipro line")
        }
    }

    @Test func dniproLengthInUkraineWithin10PercentOf981km() throws {
        let line = try Self.dniproLine()
        let countries = try Self.features("countries")
        let ua = try #require(countries.first { Self.props($0)["iso2"] as? String == "UA" && Self.props($0)["id"] == nil })
        let rings = Self.polygons(ua).flatMap { $0 }
        // A segment counts as in Ukraine when its midpoint is inside DCW Ukraine.
        var km = 0.0
        for (a, b) in zip(line, line.dropFirst()) {
            let mid = Coordinate(lon: (a.lon + b.lon) / 2, lat: (a.lat + b.lat) / 2)
            if Self.inside(mid, rings) { km += Geodesic.wgs84.distance(a, b) / 1000 }
        }
        #expect(abs(km / 981 - 1) <= 0.10, "Dnipro in Ukraine: \(km) km vs 981 km")
        // The whole line starts on the Belarus border and ends at the estuary: longer, but not absurdly so.
        let total = Self.length(line) / 1000
        #expect(total > km && total < 1_200, "Dnipro total \(total) km")
    }

    @Test func vaindlooIsEstonianLand() throws {
        let vaindloo = Coordinate(lon: 26.3583, lat: 59.8167)
        var nearest: (iso: String, metres: Double) = ("", .infinity)
        for f in try Self.features("land") {
            let iso = Self.props(f)["iso2"] as? String ?? "?"
            for poly in Self.polygons(f) {
                if Self.inside(vaindloo, poly) { nearest = (iso, 0); continue }
                let d = poly.map { Self.distance(from: vaindloo, to: $0) }.min() ?? .infinity
                if d < nearest.metres { nearest = (iso, d) }
            }
        }
        // GSHHG puts the islet ~40 m from this coordinate: accept 500 m, but it must be Estonia's.
        #expect(nearest.iso == "EE")
        #expect(nearest.metres <= 500, "Vaindloo is \(nearest.metres) m from the nearest land")
    }

    // MARK: - Alaska and its ADIZ, across the antimeridian

    /// The 26 points of 14 CFR 99.45 (lat, lon; degrees and minutes as published; east longitudes positive).
    private static let adizPublished: [(Double, Double)] = [
        (54, -136), (56 + 57 / 60.0, -144), (57, -145), (53, -158), (50, -169), (50, 180), (50, 170), (53, 170), (60, 180),
        (65, -169), (75, -169), (75, -141), (69 + 50 / 60.0, -141), (71 + 18 / 60.0, -(156 + 44 / 60.0)),
        (68 + 40 / 60.0, -(167 + 10 / 60.0)), (67, -165), (65 + 40 / 60.0, -(168 + 15 / 60.0)), (63 + 45 / 60.0, -(165 + 30 / 60.0)),
        (61 + 20 / 60.0, -(166 + 40 / 60.0)), (59, -163), (54, -163), (56 + 30 / 60.0, -154), (59 + 20 / 60.0, -146),
        (59 + 30 / 60.0, -140), (57, -136), (54 + 35 / 60.0, -133),
    ]

    /// The ADIZ file holds every published point as a vertex (±180 on either side of the cut), follows the
    /// 75° N parallel at constant latitude (a rhumb line, 14 CFR 99.41), is cut at ±180° into parts that
    /// touch the meridian from both sides, and its `area_km2` is the geodesic area of what is written.
    @Test func alaskaADIZFromItsPublishedPoints() throws {
        let f = try #require(try Self.features("zones/US-AK-ADIZ").first)
        #expect(Self.props(f)["kind"] as? String == "identification_zone")
        #expect((Self.props(f)["published_text"] as? String)?.contains("54[deg]35[min] N, 133[deg]00[min]W; to point of beginning") == true)
        let polys = Self.polygons(f)
        #expect(polys.count >= 2, "cut at the antimeridian into at least two parts")
        let vertices = polys.flatMap { $0.flatMap { $0 } }
        #expect(vertices.allSatisfy { $0.lon >= -180 && $0.lon <= 180 })
        #expect(vertices.contains { $0.lon == 180 } && vertices.contains { $0.lon == -180 })
        for (lat, lon) in Self.adizPublished {
            let hit = vertices.contains { abs($0.lat - lat) < 2e-6 && (abs($0.lon - lon) < 2e-6 || (abs(lon) == 180 && abs(abs($0.lon) - 180) < 2e-6)) }
            #expect(hit, "published point \(lat) N \(lon) E is not a vertex")
        }
        let along75 = vertices.filter { $0.lat > 74.99 }
        #expect(along75.count > 100 && along75.allSatisfy { $0.lat == 75 && $0.lon >= -169 && $0.lon <= -141 }, "the 75° N edge is a parallel")
        let area = polys.reduce(0.0) { $0 + Geodesic.wgs84.areaAndPerimeter(ofMultiPolygon: [$1]).area } / 1e6
        let stated = try #require(Self.props(f)["area_km2"] as? Double)
        #expect(abs(area / stated - 1) < 1e-4, "geodesic area \(area) km² against the stated \(stated) km²")
    }

    /// Alaska in countries.geojson: every longitude within [-180, 180], parts on both sides of 180° (the
    /// Aleutians west of it, east of 172° E), and its geodesic area within 5% of Alaska's published land
    /// area (1,477,953 km², U.S. Census Bureau; DCW counts lakes as land, so a little more is expected).
    @Test func alaskaLiesOnBothSidesOfTheAntimeridian() throws {
        let f = try #require(try Self.features("countries").first { Self.props($0)["iso2"] as? String == "US-AK" })
        let polys = Self.polygons(f)
        let vertices = polys.flatMap { $0.flatMap { $0 } }
        #expect(vertices.allSatisfy { $0.lon >= -180 && $0.lon <= 180 })
        #expect(polys.contains { p in p[0].allSatisfy { $0.lon > 172 } }, "no Aleutian part west of 180°")
        // No DCW island straddles 180° (Semisopochnoi lies at 179.6° E, Amatignak at 179.1° W), so the land has
        // parts on both sides but none cut; the airspace's 12 NM sea is (AirspaceTests).
        #expect(polys.contains { p in p[0].allSatisfy { $0.lon < -170 } })
        let area = polys.reduce(0.0) { $0 + Geodesic.wgs84.areaAndPerimeter(ofMultiPolygon: [$1]).area } / 1e6
        #expect(abs(area / 1_477_953 - 1) < 0.05, "Alaska \(area) km²")
    }

    @Test(arguments: files) func fileIsRFC7946(name: String) throws {
        let obj = try Self.load(name)
        #expect(obj["crs"] == nil, "\(name) has a crs member")
        #expect(obj["type"] as? String == "FeatureCollection")
        let feats = try Self.features(name)
        #expect(!feats.isEmpty)
        for f in feats {
            for poly in Self.polygons(f) {
                for (i, ring) in poly.enumerated() {
                    let a = Self.signedArea(ring)
                    #expect(i == 0 ? a > 0 : a < 0, "\(name): ring \(i) has the wrong orientation")
                    #expect(ring.first == ring.last, "\(name): ring \(i) is not closed")
                }
            }
        }
    }

    @Test(arguments: files) func ogrinfoReadsFile(name: String) throws {
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        proc.arguments = ["ogrinfo", "-al", "-so", Self.dataDir.appendingPathComponent("\(name).geojson").path]
        proc.standardOutput = FileHandle.nullDevice
        proc.standardError = FileHandle.nullDevice
        try proc.run()
        proc.waitUntilExit()
        #expect(proc.terminationStatus == 0, "ogrinfo failed on \(name).geojson")
    }
}

private struct GeoDataTestError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
