import CGEOS

/// Well-known text in and out.
extension Geometry {
    /// Parses WKT (e.g. `"POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"`, x/y = lon/lat order).
    /// Throws `GeometryError.geos` with GEOS's parse message for malformed text, and
    /// `.nonFiniteCoordinate` for NaN/infinite coordinates.
    public convenience init(wkt: String, context: GEOSContext = GEOSContext()) throws {
        let reader = try context.wktReader
        context.clearError()
        let h = wkt.withCString { GEOSWKTReader_read_r(context.handle, reader, $0) }
        self.init(taking: try context.check(h, "WKT read"), context: context)
        if let bad = try firstNonFiniteCoordinate() {
            throw GeometryError.nonFiniteCoordinate(context: "WKT", index: 0, x: bad.x, y: bad.y)
        }
    }

    /// The geometry as 2-D WKT with full precision and trimmed trailing zeros.
    /// Falls back to a bracketed error text if GEOS cannot write it (never seen in practice).
    public var wkt: String {
        do { return try wkt(precision: nil) } catch { return "<WKT unavailable: \(error)>" }
    }

    /// The geometry as 2-D WKT; `precision` decimal places (nil = full precision).
    public func wkt(precision: Int?) throws -> String {
        if try needsUntrimmedWriter() { return try untrimmedWKT(precision: precision) }
        let writer = try context.wktWriter
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(precision ?? -1))
        defer { GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, -1) }
        context.clearError()
        guard let text = GEOSWKTWriter_write_r(context.handle, writer, handle) else {
            throw context.failure("WKT write")
        }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// GEOS 3.11's trimmed WKT writer formats each number with `%f` into a fixed stack buffer and
    /// overruns it (the process aborts: "stack smashing detected") once a coordinate reaches about
    /// 1e125 (found by `make fuzz`, harness `geometry`). Such geometries are written untrimmed.
    private func needsUntrimmedWriter() throws -> Bool {
        guard let b = try bounds else { return false }
        return max(abs(b.minX), abs(b.maxX), abs(b.minY), abs(b.maxY)) >= 1e100
    }

    private func untrimmedWKT(precision: Int?) throws -> String {
        let writer = try context.check(GEOSWKTWriter_create_r(context.handle), "WKT writer creation")
        defer { GEOSWKTWriter_destroy_r(context.handle, writer) }
        GEOSWKTWriter_setTrim_r(context.handle, writer, 0)
        GEOSWKTWriter_setOutputDimension_r(context.handle, writer, 2)
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(precision ?? 16))
        context.clearError()
        guard let text = GEOSWKTWriter_write_r(context.handle, writer, handle) else {
            throw context.failure("WKT write")
        }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }
}
