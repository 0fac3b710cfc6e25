import Testing
@testable import GeometryCore

@Suite struct CRSTests {
    @Test func epsgProperties() throws {
        let context = ProjContext()
        let wgs84 = try CRS.epsg(4326, context: context)
        #expect(wgs84.name == "WGS 84")
        #expect(wgs84.isGeographic)
        let laea = try CRS("EPSG:3035", context: context)
        #expect(laea.name == "ETRS89-extended / LAEA Europe")
        #expect(!laea.isGeographic)
        let area = try #require(laea.areaOfUse)
        // EPSG dataset extent of EPSG:3035 (area code 2881): -35.58, 24.6, 44.83, 84.73.
        #expect(abs(area.west - -35.58) < 0.01 && abs(area.south - 24.6) < 0.01, "\(area)")
        #expect(abs(area.east - 44.83) < 0.01 && abs(area.north - 84.73) < 0.01, "\(area)")
        #expect(area.contains(Coordinate(lon: 21, lat: 52)))
        let wkt = try #require(laea.wkt)
        #expect(wkt.hasPrefix("PROJCRS[\"ETRS89-extended / LAEA Europe\""))
        // WKT round trip gives the same CRS name.
        let again = try CRS(wkt, context: context)
        #expect(again.name == laea.name)
    }

    @Test func projStringCRS() throws {
        let crs = try CRS("+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m")
        #expect(!crs.isGeographic)
        #expect(crs.areaOfUse == nil)
        let t = try Transformer(from: CRS("EPSG:4258"), to: crs)
        let p = try t.transform(Coordinate(lon: 10, lat: 52))
        #expect(abs(p.x - 4_321_000) < 1e-6 && abs(p.y - 3_210_000) < 1e-6)
    }

    @Test func antimeridianAreaOfUse() {
        let area = AreaOfUse(west: 160, south: -60, east: -170, north: 0)
        #expect(area.contains(Coordinate(lon: 175, lat: -10)))
        #expect(area.contains(Coordinate(lon: -175, lat: -10)))
        #expect(area.contains(Coordinate(lon: 185, lat: -10)))
        #expect(!area.contains(Coordinate(lon: 0, lat: -10)))
        #expect(!area.contains(Coordinate(lon: 175, lat: 10)))
    }

    @Test func missingDatabaseSaysCannotFindProjDB() throws {
        let context = ProjContext(searchPaths: ["/nonexistent-perimeter-proj-data"])
        #expect(context.databasePath == nil)
        do {
            _ = try CRS.epsg(4326, context: context)
            Issue.record("expected failure without proj.db")
        } catch let e as ProjError {
            #expect(e.kind == .cannotFindDatabase)
            #expect(e.description.contains("cannot find proj.db"), "\(e)")
        }
        #expect(throws: ProjError.self) { try context.requireDatabase() }
        try ProjContext().requireDatabase()
    }
}
