import Testing
@testable import GeometryCore

@Suite struct WKTWKBTests {
    @Test func emptyRoundTrips() throws {
        for wkt in ["POINT EMPTY", "LINESTRING EMPTY", "POLYGON EMPTY", "MULTIPOLYGON EMPTY", "GEOMETRYCOLLECTION EMPTY"] {
            let g = try geom(wkt)
            #expect(g.wkt == wkt)
            let back = try Geometry(wkb: g.wkb)
            #expect(try back.isEmpty)
            #expect(try back.type == g.type)
        }
    }

    @Test func wktRoundTripFullPrecision() throws {
        let wkt = "POLYGON ((0.1 0.2, 10.123456789012 0, 10 10, 0 10, 0.1 0.2), (1 1, 1 2, 2 2, 1 1))"
        let g = try geom(wkt)
        #expect(g.wkt == wkt)
        let rounded = try g.wkt(precision: 1)
        #expect(rounded == "POLYGON ((0.1 0.2, 10.1 0, 10 10, 0 10, 0.1 0.2), (1 1, 1 2, 2 2, 1 1))", "\(rounded)")
        #expect(g.description == wkt)
    }

    @Test func wkbRoundTrip() throws {
        let g = try geom("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))")
        let bytes = try g.wkb
        #expect(bytes.first == 1) // little-endian
        let back = try Geometry(wkb: bytes)
        #expect(try back.equalsExact(g))
        let hex = try geom("POINT (1 2)").wkbHex
        #expect(hex == "0101000000000000000000F03F0000000000000040")
        #expect(try Geometry(wkbHex: hex).pointCoordinate == Coordinate(x: 1, y: 2))
    }

    @Test func invalidWKTThrowsWithGEOSText() throws {
        do {
            _ = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1")
            Issue.record("malformed WKT accepted")
        } catch let error as GeometryError {
            guard case let .geos(operation, message) = error else { Issue.record("\(error)"); return }
            #expect(operation == "WKT read")
            #expect(message.contains("ParseException"), "GEOS text: \(message)")
        }
        #expect(throws: GeometryError.self) { try Geometry(wkt: "") }
        #expect(throws: GeometryError.self) { try Geometry(wkt: "HELLO (1 2)") }
        // GEOS itself refuses an unclosed ring in WKT.
        #expect(throws: GeometryError.self) { try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1))") }
    }

    @Test func invalidWKBThrows() throws {
        #expect(throws: GeometryError.self) { try Geometry(wkb: []) }
        #expect(throws: GeometryError.self) { try Geometry(wkb: [1, 2, 3]) }
        let truncated = Array(try geom("LINESTRING (0 0, 1 1)").wkb.dropLast(4))
        do {
            _ = try Geometry(wkb: truncated)
            Issue.record("truncated WKB accepted")
        } catch let error as GeometryError {
            #expect(!error.message.isEmpty)
        }
        #expect(throws: GeometryError.self) { try Geometry(wkbHex: "zz") }
    }
}
