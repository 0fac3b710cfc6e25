import Testing
@testable import GeometryCore

/// Inputs that crashed a `make fuzz` harness (each also kept in fuzz/corpus/<harness>/regression-*).
@Suite struct FuzzRegressionTests {
    /// harness `geometry`: GEOS 3.11's trimmed WKT writer overran a stack buffer ("stack smashing detected",
    /// abort) for a coordinate of about 1e125 or more; such geometries are now written untrimmed.
    @Test func hugeCoordinateIsWrittenAsWKT() throws {
        let bytes: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x01, 0x3F, 0xF8, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00]
            + Array(repeating: 0xFF, count: 47) + [0x00]
        let point = try Geometry(wkb: bytes)
        let y = try #require(try point.bounds).minY
        #expect(y < -1e300 && y.isFinite)
        let text = point.wkt
        #expect(text.hasPrefix("POINT (1.50000000") && text.contains(" -54874634545526702"), "\(text.prefix(60))")
        for exponent in [124, 125, 200, 308] {
            let g = try Geometry(wkt: "LINESTRING (0 0, -1.2345678901234567e\(exponent) 1)")
            let back = try Geometry(wkt: g.wkt)
            #expect(try back.bounds?.minX == g.bounds?.minX, "1e\(exponent)")
        }
        #expect(try Geometry(wkt: "POINT (1.5 2)").wkt == "POINT (1.5 2)")  // ordinary sizes stay trimmed
    }
}
