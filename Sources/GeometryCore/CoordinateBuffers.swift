import CGEOS

// Bulk coordinate copies between Swift `[Coordinate]` and GEOS coordinate sequences
// (GEOSCoordSeq_copyFromBuffer_r / GEOSCoordSeq_copyToBuffer_r, both in GEOS 3.11), relying on
// `Coordinate` being laid out as two contiguous Doubles (x then y), checked below.

@usableFromInline let coordinateIsTwoDoubles: Bool =
    MemoryLayout<Coordinate>.size == 16 && MemoryLayout<Coordinate>.stride == 16
    && MemoryLayout<Coordinate>.offset(of: \Coordinate.y) == 8

extension GEOSContext {
    /// A new coordinate sequence (owned by the caller) holding `coords`.
    func makeCoordSeq(_ coords: [Coordinate], _ operation: String) throws -> OpaquePointer {
        precondition(coordinateIsTwoDoubles, "Coordinate layout is not two contiguous Doubles")
        let seq = coords.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: Double.self) { doubles in
                GEOSCoordSeq_copyFromBuffer_r(handle, doubles.baseAddress, UInt32(coords.count), 0, 0)
            }
        }
        return try check(seq, operation)
    }

    /// The coordinates of a borrowed coordinate sequence.
    func coordinates(of seq: OpaquePointer, _ operation: String) throws -> [Coordinate] {
        precondition(coordinateIsTwoDoubles, "Coordinate layout is not two contiguous Doubles")
        var size: UInt32 = 0
        try checkStatus(GEOSCoordSeq_getSize_r(handle, seq, &size), operation)
        let n = Int(size)
        var ok = true
        let coords = [Coordinate](unsafeUninitializedCapacity: n) { buf, count in
            if n > 0 {
                let status = UnsafeMutableRawPointer(buf.baseAddress!).withMemoryRebound(
                    to: Double.self, capacity: 2 * n
                ) { GEOSCoordSeq_copyToBuffer_r(handle, seq, $0, 0, 0) }
                ok = status != 0
            }
            // Doubles are trivial: an unwritten buffer on failure is harmless but we still drop it.
            count = ok ? n : 0
        }
        if !ok { throw failure(operation) }
        return coords
    }
}

/// Rejects NaN and infinite coordinates with a clear error.
func checkFinite(_ coords: [Coordinate], _ what: String) throws {
    for (i, c) in coords.enumerated() where !c.isFinite {
        throw GeometryError.nonFiniteCoordinate(context: what, index: i, x: c.x, y: c.y)
    }
}

extension Geometry {
    /// Every coordinate sequence of the geometry, in order, as Swift arrays: one array for a
    /// point or line string, shell then holes for a polygon, and the parts' sequences one after
    /// another for multi geometries and collections. Coordinates are x/y (lon/lat) in CRS units.
    public var coordinateSequences: [[Coordinate]] {
        get throws {
            var out: [[Coordinate]] = []
            try appendSequences(of: handle, to: &out)
            return out
        }
    }

    /// All coordinates of the geometry flattened into one array (see `coordinateSequences`).
    public var coordinates: [Coordinate] {
        get throws { try coordinateSequences.flatMap { $0 } }
    }

    /// The rings of a polygon, shell first then holes, each closed (first == last).
    public var rings: [[Coordinate]] {
        get throws {
            try require([.polygon], "rings", expected: "Polygon")
            return try coordinateSequences
        }
    }

    private func appendSequences(of g: OpaquePointer, to out: inout [[Coordinate]]) throws {
        let h = context.handle
        let id = GEOSGeomTypeId_r(h, g)
        guard let t = GeometryType(rawValue: id) else { throw context.failure("coordinates") }
        switch t {
        case .point, .lineString, .linearRing:
            if GEOSisEmpty_r(h, g) == 1 {
                if t != .point { out.append([]) }
                return
            }
            let seq = try context.check(GEOSGeom_getCoordSeq_r(h, g), "coordinates")
            out.append(try context.coordinates(of: seq, "coordinates"))
        case .polygon:
            if GEOSisEmpty_r(h, g) == 1 { return }
            let shell = try context.check(GEOSGetExteriorRing_r(h, g), "coordinates")
            try appendSequences(of: shell, to: &out)
            let n = GEOSGetNumInteriorRings_r(h, g)
            guard n >= 0 else { throw context.failure("coordinates") }
            for i in 0..<n {
                let ring = try context.check(GEOSGetInteriorRingN_r(h, g, i), "coordinates")
                try appendSequences(of: ring, to: &out)
            }
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            let n = GEOSGetNumGeometries_r(h, g)
            guard n >= 0 else { throw context.failure("coordinates") }
            for i in 0..<n {
                let part = try context.check(GEOSGetGeometryN_r(h, g, i), "coordinates")
                try appendSequences(of: part, to: &out)
            }
        }
    }

    /// True when any coordinate is NaN or infinite (used to vet parsed WKT/WKB).
    func firstNonFiniteCoordinate() throws -> Coordinate? {
        for seq in try coordinateSequences {
            if let bad = seq.first(where: { !$0.isFinite }) { return bad }
        }
        return nil
    }
}
