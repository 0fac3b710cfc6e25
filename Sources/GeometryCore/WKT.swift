import CGEOS

/// Well-known text in and out.
extension Geometry {
    /// Parses WKT (e.g. `"POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"`, x/y = lon/lat order).
    /// Throws `GeometryError.geos` with GEOS's parse message for malformed text, and
    /// `.nonFiniteCoordinate` for NaN/infinite coordinates.
    public convenience init(wkt: String, context: GEOSContext = GEOSContext()) throws {
        let reader = try context.wktReader
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
        let writer = try context.wktWriter
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(precision ?? -1))
        defer { GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, -1) }
        guard let text = GEOSWKTWriter_write_r(context.handle, writer, handle) else {
            throw context.failure("WKT write")
        }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }
}
