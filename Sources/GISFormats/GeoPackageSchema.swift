import Foundation

/// The SQL of a GeoPackage 1.3 container: core tables (§1.1.2, §1.1.3, §2.1.5, §2.1.6, extensions §2.3),
/// the three required spatial reference systems, feature tables and the R-tree spatial index
/// extension (Annex F.3, `gpkg_rtree_index`) with its standard triggers.
enum GeoPackageSchema {
    /// 'GPKG' as the SQLite `application_id`.
    static let applicationID: Int32 = 0x4750_4B47
    /// GeoPackage 1.3.0 as the SQLite `user_version`.
    static let userVersion: Int32 = 10300

    static let coreTables = """
        CREATE TABLE gpkg_spatial_ref_sys (
          srs_name TEXT NOT NULL,
          srs_id INTEGER PRIMARY KEY,
          organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL,
          definition TEXT NOT NULL,
          description TEXT);
        CREATE TABLE gpkg_contents (
          table_name TEXT NOT NULL PRIMARY KEY,
          data_type TEXT NOT NULL,
          identifier TEXT UNIQUE,
          description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
          srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (
          table_name TEXT NOT NULL,
          column_name TEXT NOT NULL,
          geometry_type_name TEXT NOT NULL,
          srs_id INTEGER NOT NULL,
          z TINYINT NOT NULL,
          m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT uk_gc_table_name UNIQUE (table_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE gpkg_extensions (
          table_name TEXT,
          column_name TEXT,
          extension_name TEXT NOT NULL,
          definition TEXT NOT NULL,
          scope TEXT NOT NULL,
          CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
        """

    static let wgs84WKT = """
        GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],\
        AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],\
        UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],\
        AUTHORITY["EPSG","4326"]]
        """

    /// The rows of `gpkg_spatial_ref_sys` every GeoPackage needs (srs_id -1, 0 and 4326).
    static var spatialReferenceSystems: String {
        """
        INSERT INTO gpkg_spatial_ref_sys VALUES
          ('Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined Cartesian coordinate reference system'),
          ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
          ('WGS 84 geodetic', 4326, 'EPSG', 4326, \(literal(wgs84WKT)), 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
        """
    }

    /// A double-quoted SQL identifier.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A single-quoted SQL string literal.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The R-tree virtual table and its six GeoPackage 1.3 triggers for `table`.`column` (primary key `fid`).
    /// The triggers call `ST_IsEmpty`/`ST_MinX`… which GeoPackage readers (GDAL) provide; they are created
    /// after the data is written, so the writer itself never fires them.
    static func rtreeTable(_ table: String, column: String) -> String {
        let rtree = identifier("rtree_\(table)_\(column)")
        return "CREATE VIRTUAL TABLE \(rtree) USING rtree(id, minx, maxx, miny, maxy);"
    }

    static func rtreeTriggers(_ table: String, column c: String, key i: String = "fid") -> String {
        let t = identifier(table)
        let rt = identifier("rtree_\(table)_\(c)")
        let cq = identifier(c), iq = identifier(i)
        func name(_ suffix: String) -> String { identifier("rtree_\(table)_\(c)_\(suffix)") }
        let values = "NEW.\(iq), ST_MinX(NEW.\(cq)), ST_MaxX(NEW.\(cq)), ST_MinY(NEW.\(cq)), ST_MaxY(NEW.\(cq))"
        return """
            CREATE TRIGGER \(name("insert")) AFTER INSERT ON \(t)
              WHEN (new.\(cq) NOT NULL AND NOT ST_IsEmpty(NEW.\(cq)))
            BEGIN
              INSERT OR REPLACE INTO \(rt) VALUES (\(values));
            END;
            CREATE TRIGGER \(name("update1")) AFTER UPDATE OF \(cq) ON \(t)
              WHEN OLD.\(iq) = NEW.\(iq) AND (NEW.\(cq) NOTNULL AND NOT ST_IsEmpty(NEW.\(cq)))
            BEGIN
              INSERT OR REPLACE INTO \(rt) VALUES (\(values));
            END;
            CREATE TRIGGER \(name("update2")) AFTER UPDATE OF \(cq) ON \(t)
              WHEN OLD.\(iq) = NEW.\(iq) AND (NEW.\(cq) ISNULL OR ST_IsEmpty(NEW.\(cq)))
            BEGIN
              DELETE FROM \(rt) WHERE id = OLD.\(iq);
            END;
            CREATE TRIGGER \(name("update3")) AFTER UPDATE ON \(t)
              WHEN OLD.\(iq) != NEW.\(iq) AND (NEW.\(cq) NOTNULL AND NOT ST_IsEmpty(NEW.\(cq)))
            BEGIN
              DELETE FROM \(rt) WHERE id = OLD.\(iq);
              INSERT OR REPLACE INTO \(rt) VALUES (\(values));
            END;
            CREATE TRIGGER \(name("update4")) AFTER UPDATE ON \(t)
              WHEN OLD.\(iq) != NEW.\(iq) AND (NEW.\(cq) ISNULL OR ST_IsEmpty(NEW.\(cq)))
            BEGIN
              DELETE FROM \(rt) WHERE id IN (OLD.\(iq), NEW.\(iq));
            END;
            CREATE TRIGGER \(name("delete")) AFTER DELETE ON \(t)
              WHEN old.\(cq) NOT NULL
            BEGIN
              DELETE FROM \(rt) WHERE id = OLD.\(iq);
            END;
            """
    }
}
