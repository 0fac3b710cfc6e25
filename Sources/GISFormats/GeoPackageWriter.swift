import Foundation
import GeoJSON
import FileIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes named layers of features to an OGC GeoPackage 1.3 file (SQLite `application_id` 'GPKG',
/// `user_version` 10300) in EPSG:4326 (lon/lat degrees, WGS84).
///
/// Per layer: a feature table with `fid INTEGER PRIMARY KEY` (1, 2, … in feature order), a `geom` column
/// holding GeoPackage binary geometries (little-endian header with a `[minx, maxx, miny, maxy]` envelope,
/// srs_id 4326, then ISO WKB), one column per property key (see ``PropertyColumns``), a `gpkg_contents` row
/// with the layer's extent, a `gpkg_geometry_columns` row with the layer's geometry type (``LayerGeometryType``)
/// and an R-tree spatial index (`rtree_<layer>_geom`, filled, with the standard triggers).
///
/// Geometries are first brought into RFC 7946 form (``RFC7946Normalizer``: longitudes in range, antimeridian
/// cut, right-hand winding) unless `normalize` is off. A layer is written with Z (`z` = 1) when every position of
/// every feature carries an altitude (metres); otherwise altitudes are dropped.
///
/// All-or-nothing: the file is built under a temporary name in the destination's directory and renamed
/// over the destination at the end (``OutputDestination``: a symbolic link's target is replaced, a FIFO or
/// character device is written into); on any error the temporary file is removed and an existing
/// destination is untouched. Stateless; a writer may be used from several threads for different destinations.
public struct GeoPackageWriter: Sendable {
    /// Apply ``RFC7946Normalizer`` to geometries before writing (default `true`).
    public var normalize: Bool

    public init(normalize: Bool = true) {
        self.normalize = normalize
    }

    /// Writes `layers` to the GeoPackage at `path`, replacing it atomically.
    /// - Throws: ``GISFormatsError`` naming the file, the layer and the feature index.
    public func write(_ layers: [GISLayer], to path: String) throws(GISFormatsError) {
        let prepared = try prepareLayers(layers, path: path)
        let destination: OutputDestination
        do throws(FileWriteError) {
            destination = try OutputDestination.resolve(path)
        } catch {
            throw GISFormatsError(file: path, message: "cannot write the file: \(error.reason)")
        }
        let temporary = destination.temporaryPath()
        func removeTemporary() {
            unlink(temporary)
            unlink(temporary + "-journal")
        }
        do throws(GISFormatsError) {
            try build(temporary, prepared) // the connection is closed when this returns
        } catch {
            removeTemporary()
            throw error.inFile(path)
        }
        unlink(temporary + "-journal")
        do throws(FileWriteError) {
            try destination.commit(temporary: temporary)
        } catch {
            throw GISFormatsError(file: path, message: "cannot write the file: \(error.reason)")
        }
    }

    private func build(_ file: String, _ layers: [PreparedLayer]) throws(GISFormatsError) {
        let db = try SQLiteDatabase(path: file)
        try fill(db, with: layers)
    }

    /// Writes one layer.
    public func write(_ collection: FeatureCollection, layer: String, to path: String) throws(GISFormatsError) {
        try write([GISLayer(name: layer, collection: collection)], to: path)
    }

    // MARK: - Preparation (all checks before anything is written)

    struct PreparedLayer {
        var name: String
        var type: LayerGeometryType
        var hasZ: Bool
        var columns: PropertyColumns
        var rows: [(blob: [UInt8]?, envelope: GeoPackageBinary.Envelope?, values: [SQLiteDatabase.Value])]
        var extent: GeoPackageBinary.Envelope?
    }

    private func prepareLayers(_ layers: [GISLayer], path: String) throws(GISFormatsError) -> [PreparedLayer] {
        guard !layers.isEmpty else { throw GISFormatsError(file: path, message: "no layer to write") }
        var seen = Set<String>()
        var result: [PreparedLayer] = []
        for layer in layers {
            let name = layer.name
            let lower = name.lowercased()
            guard !name.isEmpty, !lower.hasPrefix("gpkg_"), !lower.hasPrefix("rtree_"), !lower.hasPrefix("sqlite_") else {
                throw GISFormatsError(file: path, layer: name, message: "the layer name must not be empty or start with gpkg_, rtree_ or sqlite_")
            }
            guard seen.insert(lower).inserted else {
                throw GISFormatsError(file: path, layer: name, message: "a layer of this name (ignoring case) is already written")
            }
            do throws(GISFormatsError) {
                result.append(try prepare(layer))
            } catch {
                throw error.inFile(path)
            }
        }
        return result
    }

    private func prepare(_ layer: GISLayer) throws(GISFormatsError) -> PreparedLayer {
        let features = layer.collection.features
        var geometries: [GeoJSONGeometry?] = []
        for (i, f) in features.enumerated() {
            guard var g = f.geometry else {
                geometries.append(nil)
                continue
            }
            if let bad = g.allPositions.first(where: { !$0.lon.isFinite || !$0.lat.isFinite || !($0.altitude?.isFinite ?? true) }) {
                throw GISFormatsError(layer: layer.name, featureIndex: i, message: "position \(bad) is not finite")
            }
            if normalize {
                do throws(GeoJSONError) {
                    g = try RFC7946Normalizer.normalized(g)
                } catch {
                    throw GISFormatsError(layer: layer.name, featureIndex: i, message: error.description)
                }
            }
            geometries.append(g)
        }
        let present = geometries.compactMap { $0 }
        let type = LayerGeometryType(present)
        let positions = present.flatMap(\.allPositions)
        let hasZ = !positions.isEmpty && positions.allSatisfy { $0.altitude != nil }
        let columns = PropertyColumns(features, reserved: ["fid", "geom"])
        var prepared = PreparedLayer(name: layer.name, type: type, hasZ: hasZ, columns: columns, rows: [], extent: nil)
        for (i, f) in features.enumerated() {
            var blob: [UInt8]?
            var envelope: GeoPackageBinary.Envelope?
            if let g = geometries[i] {
                (blob, envelope) = GeoPackageBinary.encode(type.conformed(g), srsID: 4326, hasZ: hasZ)
                if let envelope { prepared.extent = prepared.extent.map { $0.union(envelope) } ?? envelope }
            }
            var values: [SQLiteDatabase.Value] = []
            for column in columns.columns {
                guard let v = try Self.value(f.properties[column.key], as: column.type) else {
                    throw GISFormatsError(layer: layer.name, featureIndex: i, message: "property '\(column.key)' is not finite")
                }
                values.append(v)
            }
            prepared.rows.append((blob, envelope, values))
        }
        return prepared
    }

    /// The SQL value of a property in a column of `type`; `nil` for a non-finite number.
    private static func value(_ v: JSONValue?, as type: PropertyColumns.SQLType) throws(GISFormatsError) -> SQLiteDatabase.Value? {
        guard let v, !v.isNull else { return .null }
        switch (type, v) {
        case (.boolean, .bool(let b)): return .integer(b ? 1 : 0)
        case (.integer, .integer(let i)): return .integer(Int64(i))
        case (.real, _):
            guard let d = v.doubleValue, d.isFinite else { return nil }
            return .real(d)
        case (_, .string(let s)): return .text(s)
        default:
            guard let text = try? JSONTextWriter.text(v) else { return nil }
            return .text(text)
        }
    }

    // MARK: - Writing

    private func fill(_ db: SQLiteDatabase, with layers: [PreparedLayer]) throws(GISFormatsError) {
        try db.execute("PRAGMA application_id = \(GeoPackageSchema.applicationID); PRAGMA user_version = \(GeoPackageSchema.userVersion);")
        try db.execute("BEGIN;")
        try db.execute(GeoPackageSchema.coreTables)
        try db.execute(GeoPackageSchema.spatialReferenceSystems)
        for layer in layers {
            do throws(GISFormatsError) {
                try write(layer, to: db)
            } catch {
                var e = error
                e.layer = layer.name
                throw e
            }
        }
        try db.execute("COMMIT;")
    }

    private func write(_ layer: PreparedLayer, to db: SQLiteDatabase) throws(GISFormatsError) {
        let q = GeoPackageSchema.identifier
        let lit = GeoPackageSchema.literal
        let t = q(layer.name)
        var columnsSQL = ["\(q("fid")) INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL", "\(q("geom")) \(layer.type.name)"]
        columnsSQL += layer.columns.columns.map { "\(q($0.name)) \($0.type.rawValue)" }
        try db.execute("CREATE TABLE \(t) (\(columnsSQL.joined(separator: ", ")));")
        let extent = layer.extent
        func number(_ d: Double?) -> String { d.map { "\($0)" } ?? "NULL" }
        try db.execute("""
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
            VALUES (\(lit(layer.name)), 'features', \(lit(layer.name)), '', strftime('%Y-%m-%dT%H:%M:%fZ','now'),
              \(number(extent?.minX)), \(number(extent?.minY)), \(number(extent?.maxX)), \(number(extent?.maxY)), 4326);
            INSERT INTO gpkg_geometry_columns VALUES (\(lit(layer.name)), 'geom', '\(layer.type.name)', 4326, \(layer.hasZ ? 1 : 0), 0);
            """)
        let names = ["fid", "geom"] + layer.columns.columns.map(\.name)
        let insert = try db.prepare(
            "INSERT INTO \(t) (\(names.map(q).joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")));")
        try db.execute(GeoPackageSchema.rtreeTable(layer.name, column: "geom"))
        let index = try db.prepare("INSERT INTO \(q("rtree_\(layer.name)_geom")) VALUES (?, ?, ?, ?, ?);")
        for (i, row) in layer.rows.enumerated() {
            let fid = Int64(i + 1)
            do throws(GISFormatsError) {
                try insert.run([.integer(fid), row.blob.map { .blob($0) } ?? .null] + row.values)
                if let e = row.envelope {
                    try index.run([.integer(fid), .real(e.minX), .real(e.maxX), .real(e.minY), .real(e.maxY)])
                }
            } catch {
                var e = error
                e.featureIndex = i
                throw e
            }
        }
        try db.execute("""
            INSERT INTO gpkg_extensions VALUES (\(lit(layer.name)), 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
            """)
        try db.execute(GeoPackageSchema.rtreeTriggers(layer.name, column: "geom"))
    }
}
