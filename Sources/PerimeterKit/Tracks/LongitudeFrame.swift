import GeometryCore

/// A continuous longitude window `[west, west + 360]` in which a polygon that crosses the
/// antimeridian is one connected planar region, so that tracks and polygons across ±180° are
/// analysed exactly like the same case away from it.
///
/// The window's seam (`west`, identified with `west + 360`) lies in the middle of the widest
/// longitude gap between the polygon's parts; each part (an RFC 7946 split MultiPolygon has one
/// on each side of ±180°) is moved by a whole turn into the window, and the cut edges the split
/// added along ±180° cancel out (see `LongitudeFrame.edges(of:)`). A polygon that touches neither
/// +180 nor −180 keeps the plain frame `[-180, 180]` (coordinates unchanged). A polygon whose parts
/// cover every longitude (a polar cap) also keeps the plain frame: its edges on ±180° stay edges.
public struct LongitudeFrame: Sendable, Hashable {
    /// West end of the window, degrees; the window is `[west, west + 360]`.
    public let west: Double
    /// The plain frame `[-180, 180]`.
    public var isPlain: Bool { west == -180 }

    public init(west: Double) { self.west = west }

    /// `x` moved by whole turns into the window.
    @inline(__always) public func map(_ x: Double) -> Double {
        if x >= west && x <= west + 360 { return x }
        return unwrap(x, near: west + 180)
    }

    @inline(__always) public func map(_ p: Coordinate) -> Coordinate {
        let x = map(p.x)
        return x == p.x ? p : Coordinate(lon: x, lat: p.y)
    }

    /// `x` moved by whole turns to within 180° of `reference` (the short way round).
    @inline(__always) public func unwrap(_ x: Double, near reference: Double) -> Double {
        let d = x - reference
        if d >= -180 && d <= 180 { return x }
        return reference + d.remainder(dividingBy: 360)
    }

    /// Whether `x` lies in the window.
    @inline(__always) func contains(_ x: Double) -> Bool { x >= west && x <= west + 360 }

    /// A frame point back in `[-180, 180]` (for reports).
    @inline(__always) public func normalized(_ p: Coordinate) -> Coordinate {
        if p.x >= -180 && p.x <= 180 { return p }
        var x = p.x.remainder(dividingBy: 360)
        if x == -180 && p.x > 0 { x = 180 }
        return Coordinate(lon: x, lat: p.y)
    }
}

extension LongitudeFrame {
    /// The frame of `polygon` and its edges in it (validated: finite coordinates, |lat| ≤ 90,
    /// rings of ≥ 3 distinct points).
    ///
    /// Edges that lie on the antimeridian inside the window (x = 180 in the frame) are cancelled
    /// pairwise: along that line only the stretches covered an odd number of times remain edges.
    /// Both halves of a split polygon bring the same cut, which disappears; a real boundary along
    /// ±180° (a polygon that stops there) stays. The even–odd rule inside/outside is unchanged.
    static func edges(of polygon: AirspacePolygon) throws -> (frame: LongitudeFrame, edges: [EdgeIndex.Edge]) {
        var parts: [[[Coordinate]]] = []
        var spans: [(Double, Double)] = []
        var r = -1  // ring number over all parts, for messages
        for part in polygon.parts {
            var rings: [[Coordinate]] = []
            for ring in [part.outer] + part.holes {
                r += 1
                var points: [Coordinate] = []
                points.reserveCapacity(ring.count)
                for q in ring {
                    guard q.isFinite, abs(q.lat) <= 90 else {
                        throw AirspacePolygonError(name: polygon.name, reason: "ring \(r) has an invalid coordinate \(q)")
                    }
                    if points.last != q { points.append(q) }
                }
                if points.count > 1, points.first == points.last { points.removeLast() }
                guard points.count >= 3 else {
                    throw AirspacePolygonError(name: polygon.name, reason: "ring \(r) has fewer than 3 distinct points")
                }
                rings.append(points)
            }
            guard let outer = rings.first else { continue }
            var x0 = Double.infinity, x1 = -Double.infinity
            for q in outer { x0 = min(x0, q.x); x1 = max(x1, q.x) }
            parts.append(rings)
            spans.append((x0, x1))
        }
        guard !parts.isEmpty else { throw AirspacePolygonError(name: polygon.name, reason: "no rings") }

        let frame = LongitudeFrame(west: seam(spans))
        var edges: [EdgeIndex.Edge] = []
        edges.reserveCapacity(parts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
        var onCut: [EdgeIndex.Edge] = []
        let cut = 180.0
        for (rings, span) in zip(parts, spans) {
            // Whole turns that bring the part into the window (none in the plain frame unless it lies beyond ±180).
            let shift = frame.map(span.0) - span.0
            for points in rings {
                for k in points.indices {
                    let a = points[k], b = points[k + 1 == points.count ? 0 : k + 1]
                    let e = EdgeIndex.Edge(ax: a.x + shift, ay: a.y, bx: b.x + shift, by: b.y)
                    if !frame.isPlain && e.ax == cut && e.bx == cut {
                        onCut.append(e)
                    } else {
                        edges.append(e)
                    }
                }
            }
        }
        edges += cancelled(onCut, x: cut)
        guard !edges.isEmpty else { throw AirspacePolygonError(name: polygon.name, reason: "no edges left") }
        return (frame, edges)
    }

    /// West end of the window for parts spanning these longitude ranges: −180 unless a part
    /// reaches ±180°; otherwise the middle of the widest gap between the parts (on the circle).
    static func seam(_ spans: [(Double, Double)]) -> Double {
        if spans.allSatisfy({ $0.0 > -180 && $0.1 < 180 }) { return -180 }
        // Ranges with the west end in [-180, 180) (a part given beyond ±180 is a whole turn away).
        let ranges = spans.map { s -> (Double, Double) in
            let k = ((s.0 + 180) / 360).rounded(.down) * 360
            return (s.0 - k, s.1 - k)
        }.sorted { $0.0 < $1.0 }
        let wrapped = ranges.map { $0.1 - 360 }.max() ?? -.infinity  // what ranges past +180 cover from −180 on
        var gaps: [(Double, Double)] = []
        var reach = ranges[0].1
        for r in ranges.dropFirst() {
            if r.0 > reach { gaps.append((max(reach, wrapped), r.0)) }
            reach = max(reach, r.1)
        }
        if reach < ranges[0].0 + 360 { gaps.append((reach, ranges[0].0 + 360)) }
        guard let widest = gaps.filter({ $0.1 > $0.0 }).max(by: { $0.1 - $0.0 < $1.1 - $1.0 }) else { return -180 }
        var west = 0.5 * (widest.0 + widest.1)
        while west >= 180 { west -= 360 }
        return west
    }

    /// Vertical edges on the line `x`, reduced to the stretches covered an odd number of times.
    static func cancelled(_ edges: [EdgeIndex.Edge], x: Double) -> [EdgeIndex.Edge] {
        guard !edges.isEmpty else { return [] }
        var events: [Double] = []
        for e in edges where e.ay != e.by { events.append(e.ay); events.append(e.by) }
        events.sort()
        // Each edge toggles coverage parity at both ends: between events the parity is the count of ends below, mod 2.
        var kept: [EdgeIndex.Edge] = []
        var odd = false
        var from = 0.0
        var k = 0
        while k < events.count {
            let y = events[k]
            var flips = 0
            while k < events.count && events[k] == y { flips += 1; k += 1 }
            if flips & 1 == 1 {
                if odd {
                    if let last = kept.last, last.by == from {
                        kept[kept.count - 1].by = y
                    } else {
                        kept.append(EdgeIndex.Edge(ax: x, ay: from, bx: x, by: y))
                    }
                } else {
                    from = y
                }
                odd.toggle()
            }
        }
        return kept
    }
}
