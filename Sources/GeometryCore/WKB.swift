import CGEOS

/// Well-known binary in and out (2-D, little-endian on output).
extension Geometry {
    /// Parses WKB bytes. Throws `GeometryError.geos` with GEOS's message for malformed input
    /// and `.nonFiniteCoordinate` for NaN/infinite coordinates (other than WKB's encoding of
    /// an empty point, which GEOS reads as `POINT EMPTY`).
    public convenience init(wkb: [UInt8], context: GEOSContext = GEOSContext()) throws {
        let reader = try context.wkbReader
        context.clearError()
        let h = wkb.withUnsafeBufferPointer { buf in
            GEOSWKBReader_read_r(context.handle, reader, buf.baseAddress, buf.count)
        }
        self.init(taking: try context.check(h, "WKB read"), context: context)
        if let bad = try firstNonFiniteCoordinate() {
            throw GeometryError.nonFiniteCoordinate(context: "WKB", index: 0, x: bad.x, y: bad.y)
        }
    }

    /// Parses hex-encoded WKB (as in PostGIS output).
    public convenience init(wkbHex: String, context: GEOSContext = GEOSContext()) throws {
        let reader = try context.wkbReader
        let bytes = Array(wkbHex.utf8)
        let h = bytes.withUnsafeBufferPointer { buf in
            GEOSWKBReader_readHEX_r(context.handle, reader, buf.baseAddress, buf.count)
        }
        self.init(taking: try context.check(h, "WKB hex read"), context: context)
        if let bad = try firstNonFiniteCoordinate() {
            throw GeometryError.nonFiniteCoordinate(context: "WKB hex", index: 0, x: bad.x, y: bad.y)
        }
    }

    /// The geometry as 2-D little-endian WKB bytes (`Sendable`: the way to move a geometry to
    /// another task).
    public var wkb: [UInt8] {
        get throws {
            let writer = try context.wkbWriter
            var size = 0
            guard let buf = GEOSWKBWriter_write_r(context.handle, writer, handle, &size) else {
                throw context.failure("WKB write")
            }
            defer { GEOSFree_r(context.handle, buf) }
            return Array(UnsafeBufferPointer(start: buf, count: size))
        }
    }

    /// The geometry as hex-encoded 2-D little-endian WKB.
    public var wkbHex: String {
        get throws {
            let writer = try context.wkbWriter
            var size = 0
            guard let buf = GEOSWKBWriter_writeHEX_r(context.handle, writer, handle, &size) else {
                throw context.failure("WKB hex write")
            }
            defer { GEOSFree_r(context.handle, buf) }
            return String(decoding: UnsafeBufferPointer(start: buf, count: size), as: UTF8.self)
        }
    }
}
