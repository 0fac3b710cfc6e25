import CPROJ

/// Lengths of polylines and points along geodesics (metres, lon/lat degrees).
///
/// Longitudes of generated points: they are "unrolled" from the segment's start (`GEOD_LONG_UNROLL`),
/// so they may leave [-180, 180] when the segment crosses the antimeridian and the input longitudes are
/// themselves continuous (e.g. 179 → 181). If the input is wrapped (e.g. 179 → −179), the generated
/// points are reduced to [-180, 180] like their end points. Input vertices are returned as given.
extension Geodesic {
    /// Geodesic length of a polyline in metres: the sum of the shortest geodesics between consecutive
    /// lon/lat points. 0 for fewer than two points.
    public func length(of polyline: [Coordinate]) -> Double {
        guard polyline.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<polyline.count { total += distance(polyline[i - 1], polyline[i]) }
        return total
    }

    /// `count` points equally spaced (in metres) along the geodesic from `start` to `end`, both included.
    /// - Throws: `GeodesicError.invalidParameter` if `count < 2` or a point is not finite.
    public func points(from start: Coordinate, to end: Coordinate, count: Int) throws -> [Coordinate] {
        guard count >= 2 else { throw GeodesicError.invalidParameter("point count \(count) must be at least 2") }
        try Self.requireFinite([start, end])
        var line = inverseLine(start, end)
        let step = line.s13 / Double(count - 1)
        var out = [start]
        out.reserveCapacity(count)
        appendPositions(on: &line, distances: (1..<(count - 1)).map { Double($0) * step }, end: end, to: &out)
        out.append(end)
        return out
    }

    /// Points along the geodesic from `start` to `end` every `spacing` metres (0, spacing, 2·spacing …),
    /// then `end` itself: the last piece is at most `spacing` long.
    /// - Throws: `GeodesicError.invalidParameter` if `spacing` is not positive or a point is not finite.
    public func points(from start: Coordinate, to end: Coordinate, spacing: Double) throws -> [Coordinate] {
        guard spacing > 0, spacing.isFinite else {
            throw GeodesicError.invalidParameter("spacing \(spacing) m must be positive and finite")
        }
        try Self.requireFinite([start, end])
        var line = inverseLine(start, end)
        let pieces = max(1, Int((line.s13 / spacing).rounded(.up)))
        guard pieces <= 10_000_000 else {
            throw GeodesicError.invalidParameter("spacing \(spacing) m gives \(pieces) points: too many")
        }
        var out = [start]
        let distances = (1..<pieces).map { Double($0) * spacing }.filter { $0 < line.s13 }
        appendPositions(on: &line, distances: distances, end: end, to: &out)
        if line.s13 > 0 || out.count == 1 { out.append(end) }
        return out
    }

    /// The polyline with points inserted along each geodesic segment so that no piece is longer than
    /// `maxSegmentLength` metres (each segment split into equal pieces). Original vertices are kept.
    /// - Throws: `GeodesicError.invalidParameter` if `maxSegmentLength` is not positive or a point is
    ///   not finite.
    public func densify(_ polyline: [Coordinate], maxSegmentLength: Double) throws -> [Coordinate] {
        guard maxSegmentLength > 0, maxSegmentLength.isFinite else {
            throw GeodesicError.invalidParameter("maximum segment length \(maxSegmentLength) m must be positive and finite")
        }
        try Self.requireFinite(polyline)
        guard let first = polyline.first else { return [] }
        var out = [first]
        for i in 1..<max(1, polyline.count) {
            let a = polyline[i - 1], b = polyline[i]
            var line = inverseLine(a, b)
            let pieces = Int((line.s13 / maxSegmentLength).rounded(.up))
            if pieces > 1 {
                guard pieces <= 10_000_000 else {
                    throw GeodesicError.invalidParameter("segment \(i) would need \(pieces) pieces of \(maxSegmentLength) m: too many")
                }
                let step = line.s13 / Double(pieces)
                appendPositions(on: &line, distances: (1..<pieces).map { Double($0) * step }, end: b, to: &out)
            }
            out.append(b)
        }
        return out
    }

    // MARK: - Internals

    /// The geodesic line from `a` to `b` (`geod_inverseline`); its `s13` is the distance in metres.
    func inverseLine(_ a: Coordinate, _ b: Coordinate) -> geod_geodesicline {
        var line = geod_geodesicline()
        withGeod { gp in
            geod_inverseline(&line, gp, a.lat, a.lon, b.lat, b.lon, 0)
        }
        return line
    }

    /// Appends the positions at `distances` (metres from the line's start) along `line`, which ends at
    /// `end` (as given). Longitudes are unrolled, unless `end`'s given longitude shows the input is
    /// wrapped, in which case they are reduced to [-180, 180].
    func appendPositions(on line: inout geod_geodesicline, distances: [Double], end: Coordinate,
                         to out: inout [Coordinate]) {
        var lat = 0.0, lon = 0.0
        _ = geod_genposition(&line, UInt32(GEOD_LONG_UNROLL.rawValue), line.s13, &lat, &lon,
                             nil, nil, nil, nil, nil, nil)
        let wrapped = abs(lon - end.lon) > 180
        for s in distances {
            _ = geod_genposition(&line, UInt32(GEOD_LONG_UNROLL.rawValue), s, &lat, &lon,
                                 nil, nil, nil, nil, nil, nil)
            out.append(Coordinate(lon: wrapped ? Self.reducedLongitude(lon) : lon, lat: lat))
        }
    }

    /// `lon` reduced to [-180, 180).
    static func reducedLongitude(_ lon: Double) -> Double {
        var r = (lon + 180).truncatingRemainder(dividingBy: 360)
        if r < 0 { r += 360 }
        return r - 180
    }

    static func requireFinite(_ points: [Coordinate]) throws {
        if let i = points.firstIndex(where: { !$0.isFinite || abs($0.lat) > 90 }) {
            throw GeodesicError.invalidParameter("point \(i) \(points[i]) is not a finite lon/lat with |lat| ≤ 90°")
        }
    }
}
