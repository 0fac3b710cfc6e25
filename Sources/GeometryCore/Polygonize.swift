import CGEOS

extension Geometry {
    /// The polygons formed by noded line work (`lines`' edges must already meet at their end
    /// points — see `node()` / `unionAll`); dangles and cut edges are dropped. The result is a
    /// geometry collection of polygons (empty when no ring closes).
    public static func polygonize(_ lines: [Geometry], context: GEOSContext = GEOSContext()) throws -> Geometry {
        var handles: [OpaquePointer?] = lines.map { $0.handle }
        let h = withExtendedLifetime(lines) {
            handles.withUnsafeMutableBufferPointer { buf in
                buf.withMemoryRebound(to: Optional<OpaquePointer>.self) { b in
                    GEOSPolygonize_r(context.handle, b.baseAddress, UInt32(b.count))
                }
            }
        }
        return Geometry(taking: try context.check(h, "polygonize"), context: context)
    }

    /// The polygons formed by this geometry's line work (see `polygonize(_:context:)`).
    public func polygonize() throws -> Geometry {
        try Geometry.polygonize([self], context: context)
    }
}
