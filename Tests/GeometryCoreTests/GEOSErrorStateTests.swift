import CGEOS
import Testing
@testable import GeometryCore

/// GEOS keeps the last error message in the context until something clears it. A failure nobody read
/// (a direct C call whose result was ignored) must never resurface as the error of a later, successful
/// call that detects failure by the presence of a message (STRtree, linear referencing) or reports it.
@Suite struct GEOSErrorStateTests {
    /// Makes GEOS fail on `context` and ignores the failure, leaving its message in the sink.
    static func provokeIgnoredFailure(_ context: GEOSContext) {
        let reader = GEOSWKTReader_create_r(context.handle)
        let bad = GEOSWKTReader_read_r(context.handle, reader, "POLYGON ((0 0, 1")
        #expect(bad == nil)
        GEOSWKTReader_destroy_r(context.handle, reader)
        #expect(context.sink.lastError?.contains("ParseException") == true)  // the stale message is there
    }

    @Test func staleMessageDoesNotFailALaterSTRtreeCall() throws {
        let ctx = GEOSContext()
        let tree = try STRtree(context: ctx)
        Self.provokeIgnoredFailure(ctx)
        try tree.insert(Geometry(wkt: "POINT (1 1)", context: ctx), payload: 10)
        Self.provokeIgnoredFailure(ctx)
        try tree.insert(Geometry(wkt: "POINT (5 5)", context: ctx), payload: 20)
        Self.provokeIgnoredFailure(ctx)
        #expect(try tree.query(Bounds(minX: 0, minY: 0, maxX: 2, maxY: 2)) == [10])
        Self.provokeIgnoredFailure(ctx)
        #expect(try tree.nearest(to: Geometry(wkt: "POINT (4 4)", context: ctx)) == 20)
    }

    @Test func staleMessageDoesNotFailALaterLineMergeOrProjection() throws {
        let ctx = GEOSContext()
        let lines = try Geometry(wkt: "MULTILINESTRING ((0 0, 1 0), (1 0, 2 0))", context: ctx)
        Self.provokeIgnoredFailure(ctx)
        let merged = try lines.lineMerge()
        #expect(merged.wkt == "LINESTRING (0 0, 1 0, 2 0)")
        Self.provokeIgnoredFailure(ctx)
        #expect(try merged.project(Geometry(wkt: "POINT (1.5 3)", context: ctx)) == 1.5)
        Self.provokeIgnoredFailure(ctx)
        #expect(try merged.projectFraction(Geometry(wkt: "POINT (1 3)", context: ctx)) == 0.5)
    }

    /// A real failure after a stale one reports its own message, not the old one.
    @Test func aRealFailureCarriesItsOwnMessage() throws {
        let ctx = GEOSContext()
        Self.provokeIgnoredFailure(ctx)
        do {
            _ = try Geometry(wkt: "LINESTRING (0 0)", context: ctx)
            Issue.record("a one-point line string was accepted")
        } catch let GeometryError.geos(_, message) {
            #expect(!message.contains("POLYGON") && !message.contains("Expected number"), "\(message)")
            #expect(message.contains("IllegalArgumentException") || message.contains("point"), "\(message)")
        }
    }
}
