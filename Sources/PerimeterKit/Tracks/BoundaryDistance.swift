import Foundation
import GeometryCore

/// Geodesic distance in metres from a point to the nearest point of a polygon's boundary
/// (edges straight in lon/lat, in the polygon's `LongitudeFrame`), for penetration depth.
///
/// A coarse grid stores, per cell, an upper bound of the distance anywhere in the cell and, when
/// they are few (≤ `maxCandidates`), the edges that can be nearest to any point of the cell;
/// cells with more candidates (spiky boundaries with thousands of edges in reach) answer from an
/// `EdgeTree` instead, so memory stays linear in the edges. A query measures the edges in a plane
/// centred on the point (per-vertex mean-latitude scales, relative error ≈ (d/R)², about 0.2 % at
/// 300 km), then measures the nearest points of the edges within 1 % of the best with
/// `Geodesic.inverse`; the result is the geodesic distance to a boundary point, exact to well under
/// a metre for depths below a few hundred kilometres. Points are frame coordinates.
struct BoundaryDistance: Sendable {
    private let edges: [EdgeIndex.Edge]
    /// Metres per degree of longitude / latitude at each edge's endpoints.
    private let kax: [Double], kay: [Double], kbx: [Double], kby: [Double]
    private let metric: LocalMetric
    private let geodesic: Geodesic
    private let tree: EdgeTree
    private let minX: Double, minY: Double, cellW: Double, cellH: Double
    private let nx: Int, ny: Int
    /// Upper bound of the distance anywhere in a cell, metres.
    private let cellUpperBound: [Double]
    /// Candidate edges of cell `c`: `candEdges[candStart[c]..<candStart[c+1]]`, or the tree when `usesTree[c]`.
    private let candStart: [Int]
    private let candEdges: [UInt32]
    private let usesTree: [Bool]
    /// Whether some edge is longer than 0.05° (measured by golden section, see `measured`).
    private let hasLongEdges: Bool
    /// Per edge, its chord in Earth-centred coordinates (`nil` above `maxChordEdges` edges: 64 bytes each).
    private let chordEdges: [ChordEdge]?
    static let maxChordEdges = 1 << 18

    init(_ index: EdgeIndex, geodesic: Geodesic, maxCellsPerAxis: Int = 96, maxCandidates: Int = 384) {
        let metric = LocalMetric(geodesic)
        self.metric = metric
        self.geodesic = geodesic
        let edges = Self.shortened(index.edges)
        self.edges = edges
        hasLongEdges = edges.contains { max(abs($0.bx - $0.ax), abs($0.by - $0.ay)) > 0.05 }
        chordEdges = edges.count <= Self.maxChordEdges ? edges.map { ChordEdge($0, metric) } : nil
        var kax: [Double] = [], kay: [Double] = [], kbx: [Double] = [], kby: [Double] = []
        kax.reserveCapacity(edges.count); kay.reserveCapacity(edges.count)
        kbx.reserveCapacity(edges.count); kby.reserveCapacity(edges.count)
        for e in edges {
            let (ax, ay) = metric.scales(atLatitude: e.ay), (bx, by) = metric.scales(atLatitude: e.by)
            kax.append(ax); kay.append(ay); kbx.append(bx); kby.append(by)
        }
        self.kax = kax; self.kay = kay; self.kbx = kbx; self.kby = kby
        tree = EdgeTree(edges, metric: metric)
        let minX = index.minX, minY = index.minY
        self.minX = minX; self.minY = minY
        let w = max(index.maxX - index.minX, 1e-9), h = max(index.maxY - index.minY, 1e-9)
        let (kxMid, kyMid) = metric.scales(atLatitude: 0.5 * (index.minY + index.maxY))
        let wm = w * kxMid, hm = h * kyMid
        let side = max(wm, hm) / Double(maxCellsPerAxis)
        let nx = max(1, min(maxCellsPerAxis, Int((wm / side).rounded(.up))))
        let ny = max(1, min(maxCellsPerAxis, Int((hm / side).rounded(.up))))
        let cellW = w / Double(nx), cellH = h / Double(ny)
        self.nx = nx; self.ny = ny; self.cellW = cellW; self.cellH = cellH

        var upper = [Double](repeating: 0, count: nx * ny)
        var start: [Int] = [0]
        var list: [UInt32] = []
        var treeCells = [Bool](repeating: false, count: nx * ny)
        for j in 0..<ny {
            let lat0 = minY + Double(j) * cellH, lat1 = lat0 + cellH
            let nearEquator = lat0 <= 0 && lat1 >= 0 ? 0 : min(abs(lat0), abs(lat1))
            let (kx, ky) = metric.scales(atLatitude: nearEquator)
            let half = 0.5 * ((cellW * kx) * (cellW * kx) + (cellH * ky * 1.01) * (cellH * ky * 1.01)).squareRoot()
            for i in 0..<nx {
                let c = Coordinate(lon: minX + (Double(i) + 0.5) * cellW, lat: minY + (Double(j) + 0.5) * cellH)
                let (kcx, kcy) = metric.scales(atLatitude: c.y)
                let best = Self.treeNearest(tree, edges, kax, kay, kbx, kby, c, kcx, kcy, below: .infinity).distance
                // Any point of the cell is within best + half of the boundary; its nearest edge is
                // within best + 2·half of the centre. 1 % + 50 m cover the plane approximation.
                upper[j * nx + i] = (best + half) * 1.01 + 50
                let limit = (best + 2 * half) * 1.01 + 50
                let mark = list.count
                var overflow = false
                tree.walk(c.x, c.y, kcx, limit: { limit }) { range in
                    for k in range where Self.planeDistance(edges[k], kax[k], kay[k], kbx[k], kby[k], c, kcx, kcy).distance <= limit {
                        list.append(UInt32(k))
                    }
                    if list.count - mark > maxCandidates { overflow = true; return false }
                    return true
                }
                if overflow {
                    list.removeSubrange(mark...)
                    treeCells[j * nx + i] = true
                }
                start.append(list.count)
            }
        }
        cellUpperBound = upper
        candStart = start
        candEdges = list
        usesTree = treeCells
    }

    /// The edges cut into pieces of at most 0.05° (or longer when that would more than double the
    /// count): the plane image of an edge interpolates its end scales, which for a degree-long
    /// slanted edge (a spike) shifts it by up to a kilometre; short pieces keep that far below a metre.
    static func shortened(_ edges: [EdgeIndex.Edge]) -> [EdgeIndex.Edge] {
        func length(_ e: EdgeIndex.Edge) -> Double { max(abs(e.bx - e.ax), abs(e.by - e.ay)) }
        var total = 0.0
        for e in edges { total += length(e) }
        let step = max(0.05, total / Double(max(1, edges.count)))
        guard edges.contains(where: { length($0) > step }) else { return edges }
        var out: [EdgeIndex.Edge] = []
        out.reserveCapacity(2 * edges.count)
        for e in edges {
            let n = max(1, Int((length(e) / step).rounded(.up)))
            if n == 1 { out.append(e); continue }
            var ax = e.ax, ay = e.ay
            for k in 1...n {
                let t = Double(k) / Double(n)
                let bx = k == n ? e.bx : e.ax + t * (e.bx - e.ax), by = k == n ? e.by : e.ay + t * (e.by - e.ay)
                out.append(EdgeIndex.Edge(ax: ax, ay: ay, bx: bx, by: by))
                ax = bx; ay = by
            }
        }
        return out
    }

    /// The nearest edge to `c` (plane metric) among those nearer than `below`, over the whole tree.
    private static func treeNearest(_ tree: EdgeTree, _ edges: [EdgeIndex.Edge], _ kax: [Double], _ kay: [Double],
                                    _ kbx: [Double], _ kby: [Double], _ p: Coordinate, _ kpx: Double, _ kpy: Double,
                                    below: Double) -> (distance: Double, k: Int, t: Double) {
        var best = below, bestK = -1, bestT = 0.0
        tree.walk(p.x, p.y, kpx, limit: { best }) { range in
            for k in range {
                let (d, t) = planeDistance(edges[k], kax[k], kay[k], kbx[k], kby[k], p, kpx, kpy)
                if d < best { best = d; bestK = k; bestT = t }
            }
            return true
        }
        return (best, bestK, bestT)
    }

    @inline(__always) private func cell(_ p: Coordinate) -> Int {
        let i = min(nx - 1, max(0, Int(((p.x - minX) / cellW).rounded(.down))))
        let j = min(ny - 1, max(0, Int(((p.y - minY) / cellH).rounded(.down))))
        return j * nx + i
    }

    /// An upper bound, metres, of the distance from `p` (inside the bounding box) to the boundary.
    @inline(__always) func upperBound(_ p: Coordinate) -> Double { cellUpperBound[cell(p)] }

    /// Distance (m) from `p` to edge `k` in the plane centred on `p`, and the parameter (0…1) of
    /// the nearest point along the edge.
    @inline(__always)
    private func planeDistance(_ p: Coordinate, _ kpx: Double, _ kpy: Double, _ k: Int) -> (distance: Double, t: Double) {
        Self.planeDistance(edges[k], kax[k], kay[k], kbx[k], kby[k], p, kpx, kpy)
    }

    @inline(__always)
    private static func planeDistance(_ e: EdgeIndex.Edge, _ kax: Double, _ kay: Double, _ kbx: Double, _ kby: Double,
                                      _ p: Coordinate, _ kpx: Double, _ kpy: Double) -> (distance: Double, t: Double) {
        let ax = (e.ax - p.x) * 0.5 * (kpx + kax), ay = (e.ay - p.y) * 0.5 * (kpy + kay)
        let bx = (e.bx - p.x) * 0.5 * (kpx + kbx), by = (e.by - p.y) * 0.5 * (kpy + kby)
        let dx = bx - ax, dy = by - ay
        let len2 = dx * dx + dy * dy
        var t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0
        t = t < 0 ? 0 : (t > 1 ? 1 : t)
        let qx = ax + t * dx, qy = ay + t * dy
        return ((qx * qx + qy * qy).squareRoot(), t)
    }

    /// A point's approximate distance to the boundary and the boundary point that realises it.
    struct Nearest {
        /// Metres, in the point-centred plane (relative error ≈ 2e-4 at 300 km, 2e-5 at 100 km).
        var distance: Double
        /// The nearest boundary point, lon/lat degrees.
        var point: Coordinate
    }

    /// The nearest boundary point of `p` measured in the plane centred on `p` (no geodesic calls).
    func nearest(_ p: Coordinate) -> Nearest {
        let c = cell(p)
        let (kpx, kpy) = metric.scales(atLatitude: p.y)
        var best = Double.infinity, bestK = -1, bestT = 0.0
        if usesTree[c] {
            (best, bestK, bestT) = Self.treeNearest(tree, edges, kax, kay, kbx, kby, p, kpx, kpy, below: .infinity)
        } else {
            // Inline scan of the cell's candidates (the common case). An edge whose plane box lies
            // farther than the best so far (with a 1e-9 margin, far above rounding) cannot be
            // nearer: it is passed over without the division and square root of `planeDistance`,
            // and the edges measured are measured exactly as before, so the result is unchanged.
            var skipAbove = Double.infinity
            for n in candStart[c]..<candStart[c + 1] {
                let k = Int(candEdges[n])
                let e = edges[k]
                let ax = (e.ax - p.x) * 0.5 * (kpx + kax[k]), ay = (e.ay - p.y) * 0.5 * (kpy + kay[k])
                let bx = (e.bx - p.x) * 0.5 * (kpx + kbx[k]), by = (e.by - p.y) * 0.5 * (kpy + kby[k])
                let gx = (ax > 0) == (bx > 0) ? max(0, min(abs(ax), abs(bx)) - 1e-9 * (abs(ax) + abs(bx))) : 0
                let gy = (ay > 0) == (by > 0) ? max(0, min(abs(ay), abs(by)) - 1e-9 * (abs(ay) + abs(by))) : 0
                if gx * gx + gy * gy > skipAbove { continue }
                let (d, t) = planeDistance(p, kpx, kpy, k)
                if d < best { best = d; bestK = k; bestT = t; skipAbove = d * d * (1 + 1e-9) }
            }
        }
        guard bestK >= 0 else { return Nearest(distance: 0, point: p) }
        let e = edges[bestK]
        let q = Coordinate(lon: e.ax + bestT * (e.bx - e.ax), lat: e.ay + bestT * (e.by - e.ay))
        // The point-to-point metric of `planeDistance(_:_:)`, so that depth bounds built from
        // |x − q| agree exactly with this value at p.
        return Nearest(distance: planeDistance(p, q), point: q)
    }

    /// Point-to-point distance in metres with mean-of-endpoint scales (the metric of `nearest`).
    @inline(__always) func planeDistance(_ p: Coordinate, _ q: Coordinate) -> Double {
        let (kpx, kpy) = metric.scales(atLatitude: p.y), (kqx, kqy) = metric.scales(atLatitude: q.y)
        let dx = (q.x - p.x) * 0.5 * (kpx + kqx), dy = (q.y - p.y) * 0.5 * (kpy + kqy)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Scales at a latitude (metres per degree of longitude, of latitude).
    @inline(__always) func scales(atLatitude lat: Double) -> (Double, Double) { metric.scales(atLatitude: lat) }

    /// Geodesic distance in metres from `p` to the boundary (see the type's accuracy note).
    func distance(_ p: Coordinate) -> Double { measured(p, anywhere: false).distance }

    /// Geodesic distance in metres from `p`, inside or outside the polygon and however far, to the
    /// boundary, and the boundary point that realises it (frame coordinates).
    func nearestAnywhere(_ p: Coordinate) -> Nearest {
        let m = measured(p, anywhere: true)
        return Nearest(distance: m.distance, point: m.point)
    }

    /// The nearest boundary point of `p`, inside or outside and however far, in the plane centred on `p`
    /// (no geodesic calls; relative error ≈ (d/R)², 2.5e-4 at 100 km).
    func planeNearestAnywhere(_ p: Coordinate) -> Nearest {
        let (kpx, kpy) = metric.scales(atLatitude: p.y)
        let (_, k, t) = Self.treeNearest(tree, edges, kax, kay, kbx, kby, p, kpx, kpy, below: .infinity)
        guard k >= 0 else { return Nearest(distance: 0, point: p) }
        let e = edges[k]
        let q = Coordinate(lon: e.ax + t * (e.bx - e.ax), lat: e.ay + t * (e.by - e.ay))
        return Nearest(distance: planeDistance(p, q), point: q)
    }

    /// The distance and nearest boundary point; `anywhere` searches the whole edge tree (the cells
    /// only hold the edges that can be nearest to points inside the polygon's bounding box).
    private func measured(_ p: Coordinate, anywhere: Bool) -> (distance: Double, point: Coordinate) {
        let c = cell(p)
        let (kpx, kpy) = metric.scales(atLatitude: p.y)
        let useTree = anywhere || usesTree[c]
        var best = Double.infinity
        // Without long edges, one walk of the tree finds both the nearest plane distance and the
        // edges within `limit` of it: the walk with the shrinking limit `best · 1.03 + 20` visits
        // every leaf the walk with the final limit visits (the node bounds are lower bounds of the
        // plane distance), in the same relative order, so the edges within the final limit come
        // out as from a second walk.
        var near: [(k: Int, d: Double, t: Double)] = []
        if useTree && !hasLongEdges {
            tree.walk(p.x, p.y, kpx, limit: { best * 1.03 + 20 }) { range in
                for k in range {
                    let (d, t) = planeDistance(p, kpx, kpy, k)
                    if d < best { best = d }
                    if d <= best * 1.03 + 20 { near.append((k, d, t)) }
                }
                return true
            }
        } else if useTree {
            best = Self.treeNearest(tree, edges, kax, kay, kbx, kby, p, kpx, kpy, below: .infinity).distance
        } else {
            for n in candStart[c]..<candStart[c + 1] { best = min(best, planeDistance(p, kpx, kpy, Int(candEdges[n])).distance) }
        }
        guard best.isFinite else { return (0, p) }
        let limit = best * 1.03 + 20  // long edges' plane images are off by up to ~2 %
        // Every edge within `limit` in the plane is a candidate, measured at its plane-nearest point q:
        // metres in the local metric below 2 km, else geodesic. Geodesics are the cost, and only the
        // least matters, so each candidate first gets a lower bound of its measure: the straight 3-D
        // distance to the edge's chord less the edge's bulge (`ChordEdge`), or the 3-D chord to q,
        // neither longer than the geodesic, and (by `LocalMetric`'s accuracy, 1e-6 below 10 km)
        // than the local metric within 1e-5 and 1 mm. The candidate with the least bound is measured
        // first; a candidate whose bound exceeds that measure cannot be the nearest and is not
        // measured (nor is a geodesic whose exact chord exceeds it). The others are taken in the
        // walk's order with the same strict `<`, so distance and point are those of measuring every candidate.
        var candidates: [(q: Coordinate, lower: Double)] = []
        let origin = chordOrigin(p)
        func collect(_ k: Int, _ dk: Double, _ t: Double) {
            let edge = edges[k]
            let long = max(abs(edge.bx - edge.ax), abs(edge.by - edge.ay)) > 0.05
            guard dk <= limit || long else { return }
            func at(_ t: Double) -> Coordinate { Coordinate(lon: edge.ax + t * (edge.bx - edge.ax), lat: edge.ay + t * (edge.by - edge.ay)) }
            var tq = t
            if long {
                // A long edge's plane image is bent: find its nearest point by golden section instead.
                var lo = 0.0, hi = 1.0
                let g = 0.5 * (5.0.squareRoot() - 1)
                var x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo)
                var f1 = metric.distance(p, at(x1)), f2 = metric.distance(p, at(x2))
                for _ in 0..<60 {
                    if f1 < f2 { hi = x2; x2 = x1; f2 = f1; x1 = hi - g * (hi - lo); f1 = metric.distance(p, at(x1)) }
                    else { lo = x1; x1 = x2; f1 = f2; x2 = lo + g * (hi - lo); f2 = metric.distance(p, at(x2)) }
                }
                tq = 0.5 * (lo + hi)
            }
            let q = at(tq)
            let bound = chordEdges.map { $0[k].lowerBound(origin) } ?? chord(origin, q)
            candidates.append((q, bound * (1 - 1e-5) - 1e-3))
        }
        if useTree && !hasLongEdges {
            for e in near where e.d <= limit { collect(e.k, e.d, e.t) }
        } else if useTree {
            tree.walk(p.x, p.y, kpx, limit: { limit }) { range in
                for k in range {
                    let (d, t) = planeDistance(p, kpx, kpy, k)
                    collect(k, d, t)
                }
                return true
            }
        } else {
            for n in candStart[c]..<candStart[c + 1] {
                let k = Int(candEdges[n])
                let (d, t) = planeDistance(p, kpx, kpy, k)
                collect(k, d, t)
            }
        }
        guard !candidates.isEmpty else { return (0, p) }
        var first = 0
        for m in candidates.indices where candidates[m].lower < candidates[first].lower { first = m }
        let q0 = candidates[first].q, dq0 = metric.distance(p, q0)
        let bound = dq0 < 2_000 ? dq0 : geodesic.distance(p, q0)
        // Rounding: the chord is good to ~1e-9 m, PROJ's geodesic to ~1e-8 m; 1 mm is far above both.
        let skipAbove = bound + 1e-3 + 1e-12 * bound
        var exact = Double.infinity, point = p
        for m in candidates.indices where candidates[m].lower <= skipAbove {
            let q = candidates[m].q
            let d: Double
            if m == first {
                d = bound
            } else {
                let dq = metric.distance(p, q)
                if dq < 2_000 {
                    d = dq
                } else {
                    if chord(origin, q) > skipAbove { continue }
                    d = geodesic.distance(p, q)
                }
            }
            if d < exact { exact = d; point = q }
        }
        return exact.isFinite ? (exact, point) : (0, p)
    }

    /// Earth-centred Cartesian coordinates (m) of a lon/lat point on the ellipsoid.
    @inline(__always) private func chordOrigin(_ p: Coordinate) -> (x: Double, y: Double, z: Double) {
        Self.earthCentred(p, metric)
    }

    @inline(__always) static func earthCentred(_ p: Coordinate, _ metric: LocalMetric) -> (x: Double, y: Double, z: Double) {
        let phi = p.y * (.pi / 180), lambda = p.x * (.pi / 180)
        let sp = sin(phi), cp = cos(phi), sl = sin(lambda), cl = cos(lambda)
        let n = metric.a / (1 - metric.e2 * sp * sp).squareRoot()
        return (n * cp * cl, n * cp * sl, n * (1 - metric.e2) * sp)
    }

    /// The straight 3-D distance (m) from `o` (`chordOrigin`) to the ellipsoid point `q`: a lower
    /// bound of the geodesic distance, which is a path on the surface between the same points.
    @inline(__always) private func chord(_ o: (x: Double, y: Double, z: Double), _ q: Coordinate) -> Double {
        let c = chordOrigin(q)
        let dx = c.x - o.x, dy = c.y - o.y, dz = c.z - o.z
        return (dx * dx + dy * dy + dz * dz).squareRoot()
    }
}

/// An edge's ends in Earth-centred coordinates, and how far its points (straight in lon/lat) can lie
/// from the straight 3-D segment between them: the distance from any point to that segment, less
/// `bulge`, is a lower bound of the 3-D distance to any point of the edge, hence of the geodesic.
///
/// Bulge: the edge is t ↦ X(λ(t), φ(t)) with λ, φ linear; the gap to the chord is at most 1/8 of
/// |X''| = |X_λλ Δλ² + 2 X_λφ ΔλΔφ + X_φφ Δφ²|, each second derivative at most a/√(1−e²) ≈ 1.0034 a
/// (the radii of curvature, and dM/dφ ≤ 0.02 a), so at most 1.01 a (|Δλ| + |Δφ|)² / 8 (radians);
/// 0.15 a (|Δλ| + |Δφ|)² + 1 µm is used.
struct ChordEdge: Sendable {
    var ax: Double, ay: Double, az: Double
    var dx: Double, dy: Double, dz: Double
    var len2: Double
    var bulge: Double

    init(_ e: EdgeIndex.Edge, _ metric: LocalMetric) {
        let a = BoundaryDistance.earthCentred(Coordinate(lon: e.ax, lat: e.ay), metric)
        let b = BoundaryDistance.earthCentred(Coordinate(lon: e.bx, lat: e.by), metric)
        ax = a.x; ay = a.y; az = a.z
        dx = b.x - a.x; dy = b.y - a.y; dz = b.z - a.z
        len2 = dx * dx + dy * dy + dz * dz
        let span = (abs(e.bx - e.ax) + abs(e.by - e.ay)) * (.pi / 180)
        bulge = 0.15 * metric.a * span * span + 1e-6
    }

    /// A lower bound (m) of the 3-D distance from `p` (Earth-centred) to any point of the edge.
    @inline(__always) func lowerBound(_ p: (x: Double, y: Double, z: Double)) -> Double {
        let px = p.x - ax, py = p.y - ay, pz = p.z - az
        var t = len2 > 0 ? (px * dx + py * dy + pz * dz) / len2 : 0
        t = t < 0 ? 0 : (t > 1 ? 1 : t)
        let ex = px - t * dx, ey = py - t * dy, ez = pz - t * dz
        return (ex * ex + ey * ey + ez * ez).squareRoot() - bulge
    }
}
