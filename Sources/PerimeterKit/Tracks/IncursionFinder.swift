import Foundation
import GeometryCore

/// Finds the incursions of tracks into one airspace polygon.
///
/// Model: a track moves along the geodesic between consecutive fixes, with time linear in
/// distance along it. The polygon's edges are straight in lon/lat (RFC 7946). A segment whose
/// neighbourhood holds no polygon edge (most of them) is classified from the `EdgeIndex` cells
/// alone. Otherwise the geodesic is split into pieces of at most `maxPieceM` (2 km: a piece
/// departs from the true geodesic by under 0.15 m at |lat| ≤ 60°), every piece is intersected
/// exactly with the nearby edges, and each stretch between crossings is labelled inside, outside
/// or on the boundary by a point-in-polygon test at its middle. Crossing positions are therefore
/// exact to well under a metre and crossing times to the corresponding fraction of a second.
///
/// Penetration depth is the maximum, along every inside stretch (between fixes included), of the
/// distance to the boundary. The deepest point is found by best-first branch and bound in a
/// point-centred plane metric (relative error ≈ 1e-4 at 240 km), then its geodesic distance to the
/// boundary is reported. The result is at most `depthToleranceM` + 0.03 % of the depth below the
/// true maximum (≤ 77 m at Poland's 240 km); on the 1,000-track Poland workload it agrees with a
/// dense 21-samples-per-segment geodesic check to −61 m / +54 m (the check's own sampling step).
///
/// Across ±180°: the polygon is analysed in its `LongitudeFrame` (an RFC 7946 split polygon is one
/// region there, its cut along ±180° is no boundary), and each track segment takes the short way
/// round, so entries, exits, dwell and depth are those of the same case away from the antimeridian.
/// Entry and exit points are reported in [-180, 180].
///
/// Immutable and `Sendable`: prepare one finder per airspace and share it across threads.
public struct IncursionFinder: Sendable {
    /// The airspace's name.
    public let name: String
    /// The polygon's edge index (also usable for point-in-polygon tests).
    public let index: EdgeIndex
    /// Gaps between fixes longer than this (seconds) flag the incursion `interpolatedGap`.
    public let maxGapS: Double
    /// Longest straight lon/lat piece used for a geodesic segment near the boundary, metres.
    public let maxPieceM: Double = 2_000
    /// Depth is found to within this many metres (plus 0.03 % of the depth) below the true maximum.
    public let depthToleranceM: Double = 5
    /// Whether penetration depth is measured (`false`: `maxPenetrationM` is 0, and analysis is faster).
    public let measuresPenetration: Bool
    let depth: BoundaryDistance
    let geodesic: Geodesic
    let metric: LocalMetric

    /// Prepares `airspace` (throws `AirspacePolygonError` for rings with < 3 points or bad coordinates).
    public init(airspace: AirspacePolygon, maxGapS: Double = 300, measuresPenetration: Bool = true,
                geodesic: Geodesic = .wgs84) throws {
        name = airspace.name
        self.measuresPenetration = measuresPenetration
        index = try EdgeIndex(airspace)
        self.maxGapS = maxGapS
        self.geodesic = geodesic
        metric = LocalMetric(geodesic)
        // Without depth, a one-cell field keeps `distanceToBoundary` working (slowly) at no set-up cost.
        depth = BoundaryDistance(index, geodesic: geodesic, maxCellsPerAxis: measuresPenetration ? 96 : 1)
    }

    /// Whether a point is inside, outside or on the airspace's boundary.
    public func locate(_ p: Coordinate) -> PointLocation { index.locate(p) }

    /// Geodesic distance in metres from `p` to the airspace's boundary.
    public func distanceToBoundary(_ p: Coordinate) -> Double { depth.distance(index.frame.map(p)) }

    /// The longitude window the airspace is analysed in.
    public var frame: LongitudeFrame { index.frame }

    /// The track's summary against this airspace.
    public func summary(of track: Track) -> TrackIncursionSummary {
        TrackIncursionSummary(trackID: track.id, airspace: name, incursions: incursions(in: track))
    }

    /// The incursions of `track`, in time order.
    public func incursions(in track: Track) -> [Incursion] {
        let fixes = track.fixes
        guard let first = fixes.first else { return [] }
        let frame = index.frame
        var builder = IncursionBuilder()
        let start = frame.map(first.position)
        if fixes.count == 1 {
            if index.locateInFrame(start) == .inside {
                builder.results.append(Incursion(
                    entryTime: first.time, exitTime: first.time, entryPoint: first.position, exitPoint: first.position,
                    dwellS: 0, pathLengthM: 0,
                    maxPenetrationM: measuresPenetration ? depth.distance(start) : 0,
                    openAtStart: true, openAtEnd: true, interpolatedGap: false,
                    maxDepthPoint: measuresPenetration ? first.position : nil, maxDepthTime: measuresPenetration ? first.time : nil))
            }
            return builder.results
        }
        var scratch = SegmentScratch()
        var p0 = start
        for s in 0..<(fixes.count - 1) {
            let f0 = fixes[s], f1 = fixes[s + 1]
            builder.segment = SegmentContext(t0: f0.time, dt: f1.time - f0.time, gap: f1.time - f0.time > maxGapS,
                                             startsTrack: s == 0)
            // The short way round from p0 (in the window); the end may lie past the window's seam.
            let x1 = frame.unwrap(f1.position.x, near: p0.x)
            let p1 = x1 == f1.position.x ? f1.position : Coordinate(lon: x1, lat: f1.position.y)
            segment(p0, p1, &builder, &scratch)
            p0 = frame.contains(p1.x) ? p1 : frame.map(p1)
        }
        close(&builder, openAtEnd: builder.isOpen && index.locateInFrame(p0) == .inside)
        if let firstIncursion = builder.results.first, firstIncursion.openAtStart,
           index.locateInFrame(start) != .inside {
            builder.results[0].openAtStart = false
        }
        return builder.results
    }

    // MARK: Segments

    /// A segment that is short enough to be measured with `LocalMetric`.
    @inline(__always) private static func isShort(_ dx: Double, _ dy: Double, _ lat: Double) -> Bool {
        abs(dx) <= 0.05 && abs(dy) <= 0.05 && abs(lat) <= 75
    }

    /// One segment p0 → p1 (frame coordinates: p0 in the window, p1 within 180° of it).
    private func segment(_ p0: Coordinate, _ p1: Coordinate, _ builder: inout IncursionBuilder, _ scratch: inout SegmentScratch) {
        let dx = p1.x - p0.x, dy = p1.y - p0.y
        if dx == 0 && dy == 0 {  // hovering: one point for the whole time
            if index.locateInFrame(p0) == .inside {
                emitInside(0, 1, p0, p0, 0, &builder)
            } else {
                notInside(&builder)
            }
            return
        }
        let short = Self.isShort(dx, dy, p0.y)
        if !index.frame.contains(p1.x) {  // across the window's seam: split piece by piece
            crossBoundary(p0, p1, short ? metric.distance(p0, p1) : geodesic.distance(p0, p1), &builder, &scratch)
            return
        }
        var length = -1.0
        var margin = 3e-5  // degrees; ≥ 1 m, more than a ≤ 5.5 km geodesic's departure (≤ 0.6 m) from the straight line
        if !short {
            length = geodesic.distance(p0, p1)
            let latMax = min(89.9, max(abs(p0.y), abs(p1.y)))
            let bulge = length * length * (abs(tan(latMax * .pi / 180)) + 1) / (4 * 6_356_752) + 1
            margin = bulge / (110_574 * cos(latMax * .pi / 180))
        }
        guard let cells = index.cells(minX: min(p0.x, p1.x) - margin, minY: min(p0.y, p1.y) - margin,
                                      maxX: max(p0.x, p1.x) + margin, maxY: max(p0.y, p1.y) + margin) else {
            notInside(&builder)
            return
        }
        if let inside = index.uniformInside(cells) {
            if inside {
                if length < 0 { length = metric.distance(p0, p1) }
                emitInside(0, 1, p0, p1, length, &builder)
            } else {
                notInside(&builder)
            }
            return
        }
        crossBoundary(p0, p1, short ? metric.distance(p0, p1) : length, &builder, &scratch)
    }

    /// A segment near the boundary: densify along the geodesic, intersect each piece with the edges.
    /// Pieces that pass the window's seam are cut there and continued a whole turn away.
    private func crossBoundary(_ p0: Coordinate, _ p1: Coordinate, _ length: Double,
                               _ builder: inout IncursionBuilder, _ scratch: inout SegmentScratch) {
        let n = max(1, Int((length / maxPieceM).rounded(.up)))
        scratch.vertices.removeAll(keepingCapacity: true)
        scratch.vertices.append(p0)
        if n > 1 {
            let inv = geodesic.inverse(p0, p1)
            for k in 1..<n {
                scratch.vertices.append(geodesic.direct(from: p0, azimuth: inv.azimuth1,
                                                        distance: inv.distance * Double(k) / Double(n)).coordinate)
            }
        }
        scratch.vertices.append(p1)
        let frame = index.frame
        let pieceLength = length / Double(n)
        let dn = Double(n)
        var a = p0
        for k in 0..<n {
            let next = scratch.vertices[k + 1]
            let bx = frame.unwrap(next.x, near: a.x)
            let b = bx == next.x ? next : Coordinate(lon: bx, lat: next.y)
            let u0 = Double(k) / dn, u1 = Double(k + 1) / dn
            if frame.contains(b.x) {
                piece(a, b, u0, u1, pieceLength, &builder, &scratch)
                a = b
                continue
            }
            // Cut at the seam: a → s on this side, then s → b one turn back.
            let seam = b.x > frame.west + 360 ? frame.west + 360 : frame.west
            let v = (seam - a.x) / (b.x - a.x)
            let sy = a.y + v * (b.y - a.y)
            let turn = seam == frame.west ? 360.0 : -360.0
            let um = u0 + v * (u1 - u0)
            if v > 0 { piece(a, Coordinate(lon: seam, lat: sy), u0, um, v * pieceLength, &builder, &scratch) }
            let start = v > 0 ? Coordinate(lon: seam + turn, lat: sy) : Coordinate(lon: a.x + turn, lat: a.y)
            a = Coordinate(lon: b.x + turn, lat: b.y)
            piece(start, a, v > 0 ? um : u0, u1, v > 0 ? (1 - v) * pieceLength : pieceLength, &builder, &scratch)
        }
    }

    /// A straight piece a → b (frame coordinates, in the window) spanning the fractions u0…u1 of
    /// the segment's time, `pieceLength` metres.
    private func piece(_ a: Coordinate, _ b: Coordinate, _ u0: Double, _ u1: Double, _ pieceLength: Double,
                       _ builder: inout IncursionBuilder, _ scratch: inout SegmentScratch) {
        let ex = b.x - a.x, ey = b.y - a.y
        if ex == 0 && ey == 0 {  // a single point
            if index.locateInFrame(a) == .inside { emitInside(u0, u1, a, a, 0, &builder) } else { notInside(&builder) }
            return
        }
        scratch.params.removeAll(keepingCapacity: true)
        scratch.onEdge.removeAll(keepingCapacity: true)
        scratch.params.append(0)
        scratch.params.append(1)
        let eps = 1e-9
        if let r = index.cells(minX: min(a.x, b.x) - eps, minY: min(a.y, b.y) - eps,
                               maxX: max(a.x, b.x) + eps, maxY: max(a.y, b.y) + eps) {
            for j in r.j0...r.j1 {
                for i in r.i0...r.i1 {
                    let c = j * index.nx + i
                    for m in index.cellStart[c]..<index.cellStart[c + 1] {
                        let e = index.edges[Int(index.cellEdges[m])]
                        intersect(a, ex, ey, e, &scratch)
                    }
                }
            }
        }
        scratch.params.sort()
        let du = u1 - u0
        var v0 = scratch.params[0]
        for m in 1..<scratch.params.count {
            let v1 = scratch.params[m]
            guard v1 - v0 > 1e-12 else { continue }
            let vm = 0.5 * (v0 + v1)
            let alongEdge = scratch.onEdge.contains { $0.0 <= vm && vm <= $0.1 }
            let pa = v0 == 0 ? a : Coordinate(lon: a.x + v0 * ex, lat: a.y + v0 * ey)
            let pb = v1 == 1 ? b : Coordinate(lon: a.x + v1 * ex, lat: a.y + v1 * ey)
            if !alongEdge && index.locateInFrame(Coordinate(lon: a.x + vm * ex, lat: a.y + vm * ey)) == .inside {
                emitInside(u0 + v0 * du, u0 + v1 * du, pa, pb, (v1 - v0) * pieceLength, &builder,
                           aOnBoundary: v0 > 0, bOnBoundary: v1 < 1)
            } else {
                notInside(&builder)
            }
            v0 = v1
        }
    }

    /// Adds the parameters along the piece `a + v·(ex, ey)`, v ∈ [0, 1], where it meets edge `e`.
    @inline(__always)
    private func intersect(_ a: Coordinate, _ ex: Double, _ ey: Double, _ e: EdgeIndex.Edge, _ scratch: inout SegmentScratch) {
        let bx = a.x + ex, by = a.y + ey
        let d1 = EdgeIndex.orient(e.ax, e.ay, e.bx, e.by, a.x, a.y)
        let d2 = EdgeIndex.orient(e.ax, e.ay, e.bx, e.by, bx, by)
        if (d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0) { return }
        let d3 = EdgeIndex.orient(a.x, a.y, bx, by, e.ax, e.ay)
        let d4 = EdgeIndex.orient(a.x, a.y, bx, by, e.bx, e.by)
        if (d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0) { return }
        if d1 == 0 && d2 == 0 {  // collinear: the overlap runs along the edge
            let len2 = ex * ex + ey * ey
            let va = ((e.ax - a.x) * ex + (e.ay - a.y) * ey) / len2
            let vb = ((e.bx - a.x) * ex + (e.by - a.y) * ey) / len2
            let lo = max(0, min(va, vb)), hi = min(1, max(va, vb))
            if lo <= hi {
                scratch.params.append(lo)
                scratch.params.append(hi)
                if hi > lo { scratch.onEdge.append((lo, hi)) }
            }
            return
        }
        let v = d1 / (d1 - d2)
        scratch.params.append(v < 0 ? 0 : (v > 1 ? 1 : v))
    }


    // MARK: Inside stretches

    private func emitInside(_ u0: Double, _ u1: Double, _ pa: Coordinate, _ pb: Coordinate, _ length: Double,
                            _ builder: inout IncursionBuilder, aOnBoundary: Bool = false, bOnBoundary: Bool = false) {
        let ctx = builder.segment
        if !builder.isOpen {
            builder.open(time: ctx.t0 + u0 * ctx.dt, point: index.frame.normalized(pa), atTrackStart: ctx.startsTrack && u0 == 0)
        }
        builder.current.exitTime = ctx.t0 + u1 * ctx.dt
        builder.current.exitPoint = index.frame.normalized(pb)
        builder.current.pathLengthM += length
        if ctx.gap { builder.current.interpolatedGap = true }
        if measuresPenetration { builder.insidePieces.append(InsidePiece(a: pa, b: pb, ta: ctx.t0 + u0 * ctx.dt, tb: ctx.t0 + u1 * ctx.dt, lengthM: length,
                                                                               aOnBoundary: aOnBoundary, bOnBoundary: bOnBoundary)) }
    }

    @inline(__always) private func notInside(_ builder: inout IncursionBuilder) {
        if builder.isOpen { close(&builder, openAtEnd: false) }
    }

}
