import CSQLite
import Foundation
import GeoJSON
import Testing
@testable import GISFormats

/// The GeoPackage writer's output, checked by GDAL (ogrinfo, ogr2ogr, validate_gpkg.py) and by SQLite.
@Suite struct GeoPackageWriterTests {
    static func written() throws -> (dir: String, path: String) {
        let dir = try makeTemporaryDirectory()
        let path = dir + "/perimeter.gpkg"
        try GeoPackageWriter().write(Fixtures.layers, to: path)
        return (dir, path)
    }

    @Test func ogrinfoSummary() throws {
        let (dir, path) = try Self.written()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (status, out) = try run(ogrinfo, ["-al", "-so", path])
        #expect(status == 0, "\(out)")
        #expect(out.components(separatedBy: "Layer name: ").count - 1 == 3, "\(out)")
        for (layer, count, type) in [("sites", 3, "Point"), ("lines", 2, "Line String"), ("areas", 2, "Multi Polygon")] {
            let section = out.components(separatedBy: "Layer name: \(layer)\n").last ?? ""
            #expect(section.contains("Geometry: \(type)"), "\(layer): \(out)")
            #expect(section.contains("Feature Count: \(count)"), "\(layer): \(out)")
        }
        #expect(out.contains("Extent: (21.012200, 50.450100) - (30.523400, 59.437000)"), "\(out)")
        #expect(out.contains("Extent: (14.000000, 44.000000) - (40.000000, 60.000000)"), "\(out)")
        #expect(out.contains("range_km: Real"), "\(out)")
        #expect(out.contains("count: Integer"), "\(out)")
        #expect(out.contains("active: Integer(Boolean)"), "\(out)")
        #expect(out.contains("name: String"), "\(out)")
    }

    @Test(arguments: ["sites", "lines", "areas"])
    func ogr2ogrRoundTrip(layer: String) throws {
        let (dir, path) = try Self.written()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/\(layer).geojson"
        let (status, text) = try run(ogr2ogr, ["-f", "GeoJSON", out, path, layer])
        #expect(status == 0, "\(text)")
        let back = try GeoJSONReader.read(contentsOf: out)
        let original = Fixtures.layers.first { $0.name == layer }!.collection
        try #require(back.features.count == original.features.count)
        for (a, b) in zip(original.features, back.features) {
            let pa = a.geometry!.allPositions, pb = b.geometry!.allPositions
            #expect(a.geometry!.typeName == b.geometry!.typeName)
            try #require(pa.count == pb.count)
            for (p, q) in zip(pa, pb) {
                #expect(abs(p.lon - q.lon) <= 1e-9 && abs(p.lat - q.lat) <= 1e-9, "\(p) vs \(q)")
            }
            for (key, value) in a.properties.members {
                let got = b.properties[key] ?? .null
                switch value {
                case .integer(let i) where ["range_km", "area_km2"].contains(key): // REAL columns
                    #expect(got == .number(Double(i)), "\(key)")
                default: // nested values come back as JSON: GDAL's GeoJSON driver detects JSON text

                    #expect(got == value, "\(key): \(got) vs \(value)")
                }
            }
        }
    }

    @Test func sqliteTablesAndPragmas() throws {
        let (dir, path) = try Self.written()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try TestDatabase(path)
        #expect(try db.ints("PRAGMA application_id") == [0x4750_4B47])
        #expect(try db.ints("PRAGMA user_version") == [10300])
        #expect(try db.ints("SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id") == [-1, 0, 4326])
        #expect(try db.strings("SELECT table_name || ':' || data_type || ':' || srs_id FROM gpkg_contents ORDER BY table_name")
                == ["areas:features:4326", "lines:features:4326", "sites:features:4326"])
        #expect(try db.strings("SELECT min_x || ',' || min_y || ',' || max_x || ',' || max_y FROM gpkg_contents WHERE table_name = 'lines'")
                == ["14.1,48.5,35.0,52.9"])
        #expect(try db.strings("SELECT table_name || ':' || column_name || ':' || geometry_type_name || ':' || z || m FROM gpkg_geometry_columns ORDER BY table_name")
                == ["areas:geom:MULTIPOLYGON:00", "lines:geom:LINESTRING:00", "sites:geom:POINT:00"])
        #expect(try db.ints("SELECT count(*) FROM rtree_sites_geom") == [3])
        #expect(try db.ints("SELECT count(*) FROM rtree_lines_geom") == [2])
        #expect(try db.ints("SELECT count(*) FROM rtree_areas_geom") == [2])
        #expect(try db.strings("SELECT table_name FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index' ORDER BY table_name")
                == ["areas", "lines", "sites"])
        #expect(try db.ints("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_sites_geom_%'") == [6])
        // The R-tree box of the Kyiv point is the point itself (R-tree stores 32-bit floats: widened, never narrowed).
        let box = try db.doubles("SELECT minx, maxx, miny, maxy FROM rtree_sites_geom WHERE id = 2")
        #expect(box.count == 4 && box[0] <= 30.5234 && box[1] >= 30.5234 && box[2] <= 50.4501 && box[3] >= 50.4501 && box[1] - box[0] < 1e-4)
        // The geometry blob: GP, version 0, flags 0b011 (little endian, envelope [minx,maxx,miny,maxy]), srs 4326.
        let blob = try db.blob("SELECT geom FROM sites WHERE fid = 1")
        #expect(Array(blob.prefix(8)) == [0x47, 0x50, 0, 0x03, 0xE6, 0x10, 0, 0])
        #expect(blob.count == 8 + 32 + 21)
        #expect(Array(blob[40..<45]) == [1, 1, 0, 0, 0]) // WKB little-endian Point
    }

    @Test func gdalSeesTheSpatialIndex() throws {
        let (dir, path) = try Self.written()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for layer in ["sites", "lines", "areas"] {
            let (status, out) = try run(ogrinfo, ["-q", path, "-sql", "SELECT HasSpatialIndex('\(layer)', 'geom')"])
            #expect(status == 0, "\(out)")
            #expect(out.contains("= 1"), "\(layer): \(out)")
        }
        // The index answers a spatial filter: only Tallinn lies north of 55°.
        let (_, out) = try run(ogrinfo, ["-q", "-al", "-spat", "20", "55", "30", "60", path, "sites"])
        #expect(out.contains("Tallinn") && !out.contains("Warsaw"), "\(out)")
    }

    static let validator = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"

    /// GDAL's own GeoPackage validator (Debian python3-gdal, installed by make test-deps); missing = failure.
    @Test func gdalValidatorAcceptsTheFile() throws {
        try #require(FileManager.default.fileExists(atPath: Self.validator), "\(Self.validator) missing: apt-get install python3-gdal (make test-deps)")
        let (dir, path) = try Self.written()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (status, out) = try run("/usr/bin/python3", [Self.validator, path])
        #expect(status == 0, "\(out)")
        #expect(!out.localizedCaseInsensitiveContains("error"), "\(out)")
    }

    @Test func failingWriteLeavesTheExistingFileUntouched() throws {
        let (dir, path) = try Self.written()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var bad = Fixtures.sites
        bad.features[1].properties["range_km"] = .number(.nan)
        let error = #expect(throws: GISFormatsError.self) {
            try GeoPackageWriter().write([GISLayer(name: "lines", collection: Fixtures.lines), GISLayer(name: "sites", collection: bad)], to: path)
        }
        #expect(error?.description == "\(path): layer 'sites': feature 1: property 'range_km' is not finite")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["perimeter.gpkg"])
    }

    @Test func refusesBadLayerNames() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/x.gpkg"
        #expect(throws: GISFormatsError.self) { try GeoPackageWriter().write(Fixtures.sites, layer: "gpkg_contents", to: path) }
        #expect(throws: GISFormatsError.self) {
            try GeoPackageWriter().write([GISLayer(name: "A", collection: Fixtures.sites), GISLayer(name: "a", collection: Fixtures.sites)], to: path)
        }
        #expect(throws: GISFormatsError.self) { try GeoPackageWriter().write([], to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func mixedSingleAndMultiBecomeMulti_andMixedFamiliesGeometry() throws {
        #expect(LayerGeometryType([.polygon([ring([(0, 0), (1, 0), (1, 1)])]), .multiPolygon([])]).name == "MULTIPOLYGON")
        #expect(LayerGeometryType([.point(Position(lon: 0, lat: 0)), .lineString([])]).name == "GEOMETRY")
        #expect(LayerGeometryType([]).name == "GEOMETRY")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/mixed.gpkg"
        let mixed = FeatureCollection(features: [
            Feature(geometry: .point(Position(lon: 1, lat: 2, altitude: 100))),
            Feature(geometry: .lineString([Position(lon: 1, lat: 2, altitude: 5), Position(lon: 3, lat: 4, altitude: 6)])),
            Feature(geometry: nil, properties: ["name": "nowhere"]),
        ])
        try GeoPackageWriter().write(mixed, layer: "mixed", to: path)
        let db = try TestDatabase(path)
        #expect(try db.strings("SELECT geometry_type_name || z FROM gpkg_geometry_columns") == ["GEOMETRY1"])
        #expect(try db.ints("SELECT count(*) FROM rtree_mixed_geom") == [2])
        let (status, out) = try run(ogrinfo, ["-q", "-al", path])  // GDAL required (make test-deps)
        #expect(status == 0, "\(out)")
        #expect(out.contains("POINT Z (1 2 100)"), "\(out)")
        #expect(out.contains("LINESTRING Z (1 2 5,3 4 6)"), "\(out)")
    }
}

/// Read-only queries over the sqlite3 C API.
final class TestDatabase {
    private var db: OpaquePointer?

    init(_ path: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw GISFormatsError(message: "cannot open \(path)")
        }
    }

    deinit { sqlite3_close(db) }

    private func rows<T>(_ sql: String, _ column: (OpaquePointer) -> T) throws -> [T] {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw GISFormatsError(message: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(stmt) }
        var out: [T] = []
        while sqlite3_step(stmt) == SQLITE_ROW { out.append(column(stmt)) }
        return out
    }

    func ints(_ sql: String) throws -> [Int64] { try rows(sql) { sqlite3_column_int64($0, 0) } }
    func strings(_ sql: String) throws -> [String] { try rows(sql) { String(cString: sqlite3_column_text($0, 0)) } }
    func doubles(_ sql: String) throws -> [Double] {
        try rows(sql) { s in (0..<sqlite3_column_count(s)).map { sqlite3_column_double(s, $0) } }.flatMap { $0 }
    }
    func blob(_ sql: String) throws -> [UInt8] {
        let all: [[UInt8]] = try rows(sql) { s in
            let n = Int(sqlite3_column_bytes(s, 0))
            guard let p = sqlite3_column_blob(s, 0) else { return [] }
            return Array(UnsafeRawBufferPointer(start: p, count: n))
        }
        return all.first ?? []
    }
}
