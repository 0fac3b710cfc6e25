import GeometryCore

/// Antimeridian handling in the lon/lat plane: recognising lines and rings that cross ±180° (given either
/// with continuous longitudes beyond ±180 or wrapped, jumping e.g. from +179 to −179), and cutting them at
/// the meridians 180° + k·360° into parts that each lie within [-180, 180].
///
/// Crossing points are interpolated linearly in longitude/latitude (the straight segment between two
/// positions, as GeoJSON draws it); an altitude is interpolated when both ends have one.
///
/// A polar cap drawn as RFC 7946 §3.1.9 asks (a ring within [-180, 180] closed by an edge along latitude ±90) is
/// kept as it is. Limitation: a ring that encircles a pole otherwise (its longitudes advance by a full 360° around
/// the ring) cannot be cut this way and is refused.
enum Antimeridian {

    // MARK: - Unwrapping

    /// Longitudes made continuous: whenever consecutive positions differ by more than 180° the rest of the line
    /// is shifted by ±360° so that the step is the short way round (crossing the antimeridian).
    static func unwrapped(_ line: [Position]) -> [Position] {
        guard var previous = line.first?.lon else { return line }
        // Nothing to unwrap (the common case): the line itself, not a copy of it.
        if isUnwrapped(line) { return line }
        var result = line
        var offset = 0.0
        for i in 1..<line.count {
            // A step along a pole line (latitude ±90 at both ends, as a polar cap's closing edge) is no crossing.
            if abs(line[i].lat) == 90 && line[i].lat == line[i - 1].lat {
                result[i].lon = line[i].lon + offset
                previous = result[i].lon
                continue
            }
            var lon = line[i].lon + offset
            while lon - previous > 180 { lon -= 360; offset -= 360 }
            while lon - previous < -180 { lon += 360; offset += 360 }
            result[i].lon = lon
            previous = lon
        }
        return result
    }

    /// Whether `unwrapped` would give `line` back bit for bit: no step longer than 180° of longitude
    /// and no longitude −0 (which adding the zero offset turns into +0).
    static func isUnwrapped(_ line: [Position]) -> Bool {
        guard var previous = line.first?.lon else { return true }
        if previous == 0 && previous.sign == .minus { return false }
        for p in line.dropFirst() {
            let lon = p.lon
            if (lon == 0 && lon.sign == .minus) || lon - previous > 180 || lon - previous < -180 { return false }
            previous = lon
        }
        return true
    }

    /// Index k of the band [-180 + 360k, 180 + 360k] that holds `lon` (a longitude exactly on a band edge
    /// belongs to the band east of it).
    static func band(_ lon: Double) -> Int { Int(((lon + 180) / 360).rounded(.down)) }

    static func isWithinRange(_ positions: [Position]) -> Bool {
        positions.allSatisfy { $0.lon >= -180 && $0.lon <= 180 }
    }

    static func shifted(_ positions: [Position], by degrees: Double) -> [Position] {
        guard degrees != 0 else { return positions }
        return positions.map { var p = $0; p.lon += degrees; return p }
    }

    /// The point at longitude `x` on segment a→b (`x` strictly between their longitudes, or equal to one).
    static func crossing(_ a: Position, _ b: Position, atLon x: Double) -> Position {
        let t = (x - a.lon) / (b.lon - a.lon)
        var altitude: Double?
        if let za = a.altitude, let zb = b.altitude { altitude = za + t * (zb - za) }
        return Position(lon: x, lat: a.lat + t * (b.lat - a.lat), altitude: altitude)
    }

    // MARK: - Lines

    /// The line cut at the antimeridian into parts whose longitudes all lie within [-180, 180]; a part ending at
    /// the cut ends exactly at ±180 and the next part starts at the opposite meridian. A line that does not cross
    /// is returned as one part (shifted into range if needed).
    static func splitLine(_ line: [Position]) -> [[Position]] {
        guard line.count >= 2 else { return [line.map { var p = $0; p.lon = Longitude.normalized(p.lon); return p }] }
        let u = unwrapped(line)
        if isWithinRange(u) { return [u] }
        // Densify: insert the crossing points with every meridian 180 + 360j passed strictly inside a segment.
        var points: [Position] = [u[0]]
        for i in 1..<u.count {
            let a = u[i - 1], b = u[i]
            let lo = min(a.lon, b.lon), hi = max(a.lon, b.lon)
            var meridians: [Double] = []
            var m = (((lo - 180) / 360).rounded(.down)) * 360 + 180
            while m < hi {
                if m > lo { meridians.append(m) }
                m += 360
            }
            if b.lon < a.lon { meridians.reverse() }
            for m in meridians { points.append(crossing(a, b, atLon: m)) }
            points.append(b)
        }
        // Group consecutive segments by the band of their midpoint.
        var parts: [(band: Int, points: [Position])] = []
        for i in 1..<points.count {
            let a = points[i - 1], b = points[i]
            let k = band((a.lon + b.lon) / 2)
            if let last = parts.last, last.band == k || a.lon == b.lon && abs(a.lon.remainder(dividingBy: 360)) == 180 {
                parts[parts.count - 1].points.append(b)
            } else {
                parts.append((k, [a, b]))
            }
        }
        return parts.map { shifted($0.points, by: -360 * Double($0.band)) }
    }

    // MARK: - Polygons

    struct PoleError: Error {
        var ring: Int
    }

    /// The polygon cut at the antimeridian into polygons whose longitudes lie within [-180, 180], each wound by
    /// the right-hand rule (exterior counter-clockwise, holes clockwise) and closed. Rings given wrapped are
    /// unwrapped first; holes are moved by a multiple of 360° next to their exterior ring.
    static func splitPolygon(_ rings: [[Position]]) throws(PoleError) -> [[[Position]]] {
        guard let exteriorInput = rings.first, exteriorInput.count >= 4 else { return [rings] }
        var prepared: [[Position]] = []
        var exteriorMid = 0.0
        for (r, ring) in rings.enumerated() {
            guard ring.count >= 4 else { continue }
            var u = unwrapped(ring)
            if abs(u[u.count - 1].lon - u[0].lon) > 180 { throw PoleError(ring: r) }
            if !sameBits(u[u.count - 1], u[0]) { u[u.count - 1] = u[0] }
            let (lo, hi) = lonRange([u])
            let mid = (lo + hi) / 2
            if r == 0 {
                exteriorMid = mid
            } else {
                u = shifted(u, by: 360 * ((exteriorMid - mid) / 360).rounded())
            }
            prepared.append(PlanarRing.oriented(u, counterClockwise: r == 0))
        }
        let (minLon, maxLon) = lonRange(prepared)
        let minBand = band(minLon)
        var maxBand = band(maxLon)
        // A shape ending exactly at 180 + 360k does not reach into band k + 1.
        if maxLon == Double(maxBand) * 360 - 180, maxBand > minBand { maxBand -= 1 }
        if minBand == maxBand {
            return [prepared.map { shifted($0, by: -360 * Double(minBand)) }]
        }
        var result: [[[Position]]] = []
        for k in minBand...maxBand {
            let east = 180 + 360 * Double(k), west = -180 + 360 * Double(k)
            var parts = clip(prepared, atLon: east, keepWest: true)
            parts = parts.flatMap { clip($0, atLon: west, keepWest: false) }
            result += parts.map { $0.map { shifted($0, by: -360 * Double(k)) } }
        }
        return result
    }

    /// The least and greatest longitude of the rings' positions, chosen as `min()` and `max()` of
    /// their longitudes in order would choose them.
    static func lonRange(_ rings: [[Position]]) -> (min: Double, max: Double) {
        var lo = rings[0][0].lon, hi = lo
        for ring in rings {
            for p in ring {
                if p.lon < lo { lo = p.lon }
                if hi < p.lon { hi = p.lon }
            }
        }
        return (lo, hi)
    }

    /// Whether two positions are the same bits (`==` takes −0 for +0).
    static func sameBits(_ a: Position, _ b: Position) -> Bool {
        a.lon.bitPattern == b.lon.bitPattern && a.lat.bitPattern == b.lat.bitPattern
            && a.altitude?.bitPattern == b.altitude?.bitPattern
    }

    /// Clips a polygon (exterior CCW first, holes CW) to the half-plane west (`keepWest`) or east of the meridian
    /// `x`, stitching the kept boundary pieces along the meridian. Returns zero or more polygons.
    static func clip(_ rings: [[Position]], atLon x: Double, keepWest: Bool) -> [[[Position]]] {
        func kept(_ p: Position) -> Bool { keepWest ? p.lon <= x : p.lon >= x }
        var wholeRings: [[Position]] = []
        var pieces: [[Position]] = []
        for ring in rings {
            let open = Array(ring.dropLast())
            let flags = open.map(kept)
            guard let firstOut = flags.firstIndex(of: false) else {
                wholeRings.append(ring)
                continue
            }
            guard flags.contains(true) else { continue }
            let n = open.count
            var current: [Position] = []
            var inside = false
            for step in 0..<n {
                let a = open[(firstOut + step) % n], b = open[(firstOut + step + 1) % n]
                let ka = kept(a), kb = kept(b)
                if !ka && kb {
                    current = b.lon == x ? [b] : [crossing(a, b, atLon: x), b]
                    inside = true
                } else if ka && kb {
                    current.append(b)
                } else if ka && !kb {
                    if a.lon != x { current.append(crossing(a, b, atLon: x)) }
                    if inside && current.contains(where: { $0.lon != x }) { pieces.append(current) }
                    current = []
                    inside = false
                }
            }
        }
        // A piece that touches the meridian at an inner vertex is split there, so that the stitching below can
        // separate parts that meet only at that point (a notch reaching the meridian) instead of producing a
        // self-touching ring; stretches lying along the meridian become pieces of their own and are dropped.
        pieces = pieces.flatMap { piece -> [[Position]] in
            var parts: [[Position]] = [[piece[0]]]
            for (i, p) in piece.enumerated().dropFirst() {
                parts[parts.count - 1].append(p)
                if p.lon == x && i < piece.count - 1 { parts.append([p]) }
            }
            return parts.filter { $0.contains { $0.lon != x } }
        }
        var polygons: [[Position]] = []
        if !pieces.isEmpty {
            // Crossings along the meridian, sorted by latitude, pair up into the stretches of the meridian that
            // lie inside the polygon; each stretch joins one piece's exit to another (or the same) piece's entry.
            struct Crossing { var lat: Double; var piece: Int; var isEntry: Bool }
            var crossings: [Crossing] = []
            for (i, piece) in pieces.enumerated() {
                crossings.append(Crossing(lat: piece.first!.lat, piece: i, isEntry: true))
                crossings.append(Crossing(lat: piece.last!.lat, piece: i, isEntry: false))
            }
            // Ties: west-kept stretches run exit (south) → entry (north); east-kept the reverse.
            crossings.sort { a, b in
                if a.lat != b.lat { return a.lat < b.lat }
                return keepWest ? (a.isEntry && !b.isEntry) : (!a.isEntry && b.isEntry)
            }
            var next = [Int](repeating: -1, count: pieces.count)
            var i = 0
            while i + 1 < crossings.count {
                let a = crossings[i], b = crossings[i + 1]
                if !a.isEntry && b.isEntry { next[a.piece] = b.piece }
                else if a.isEntry && !b.isEntry { next[b.piece] = a.piece }
                i += 2
            }
            var visited = [Bool](repeating: false, count: pieces.count)
            for start in pieces.indices where !visited[start] {
                var ring: [Position] = []
                var j = start
                while j >= 0 && !visited[j] {
                    visited[j] = true
                    ring += pieces[j]
                    j = next[j]
                }
                ring.append(ring[0])
                if ring.count >= 4 { polygons.append(ring) }
            }
        }
        // Assemble: counter-clockwise rings are exteriors, clockwise ones holes of the exterior containing them.
        var exteriors: [[[Position]]] = []
        var holes: [[Position]] = []
        for ring in polygons + wholeRings {
            let area = PlanarRing.signedArea(ring)
            if area > 0 { exteriors.append([ring]) } else if area < 0 { holes.append(ring) }
        }
        for hole in holes {
            guard !exteriors.isEmpty else { break }
            let probe = PlanarRing.interiorProbe(hole)
            let owner = exteriors.firstIndex { PlanarRing.contains($0[0], probe) } ?? 0
            exteriors[owner].append(hole)
        }
        return exteriors
    }
}
