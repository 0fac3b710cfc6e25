import Foundation
import GeometryCore

/// Area, perimeter, parts and holes of a union held in the lon/lat plane [-180, 180] × [-90, 90]
/// (see `LonLatPlane`), measured on the ellipsoid as one surface: pieces cut at ±180 count as one part,
/// the cut and the pole lines are not boundary.
///
/// - Area: each ring's geodesic area (Karney, `geod_polygonarea`, edges as geodesics) is known only
///   modulo the ellipsoid's area A (and PROJ reduces it to [−A/2, A/2]); the value kept is the one nearest
///   the ring's area read in the lon/lat plane, a²·∮ sin φ dλ, which also counts a polar cap closed along
///   ±90 right. So unions larger than half the globe, and caps, measure right.
/// - Perimeter: geodesic length of every edge but those along ±180 and along the pole lines.
/// - Parts: polygons joined where they meet across ±180 (overlapping stretches of the cut) or share a pole.
/// - Holes: boundary loops on the ellipsoid (stretches of rings joined across the cut) minus parts: one
///   boundary of each part is its exterior. A union that covers the whole globe has no boundary, 0 holes.
struct CoverageUnionMeasures {
    var areaM2: Double
    var perimeterM: Double
    var parts: Int
    var holes: Int

    init(polygons: [[[Coordinate]]], geodesic: Geodesic) {
        let a = geodesic.equatorialRadius, f = geodesic.flattening
        let e2 = f * (2 - f), e = e2.squareRoot()
        let ellipsoidArea = 2 * Double.pi * a * a * (1 + (1 - e2) / e * atanh(e))
        let authalic2 = ellipsoidArea / (4 * .pi)
        var area = 0.0, perimeter = 0.0
        for rings in polygons {
            var polygonArea = 0.0
            for (i, given) in rings.enumerated() {
                let ring = Self.densified(given)
                let (signed, ringPerimeter) = geodesic.signedAreaAndPerimeter(ofRing: ring)
                let planar = Self.lonLatArea(ring, authalicRadius2: authalic2)
                let k = ((planar - signed) / ellipsoidArea).rounded()
                let ringArea = abs(signed + k * ellipsoidArea)
                polygonArea += i == 0 ? ringArea : -ringArea
                perimeter += ringPerimeter - Self.artificialLength(ring, geodesic: geodesic)
            }
            area += max(0, polygonArea)
        }
        areaM2 = area
        perimeterM = perimeter
        (parts, holes) = Self.topology(polygons)
    }

    /// Longest longitude step measured as one geodesic edge, degrees.
    static let maximumMeasuredStep = 0.5

    /// The ring with points inserted (straight in lon/lat) on every real edge longer than
    /// `maximumMeasuredStep` in longitude, so that measuring its edges as geodesics measures the lon/lat
    /// polygon the union was computed as. Circle edges are far shorter; longer ones come from GEOS merging
    /// collinear vertices, e.g. the parallel that is a circle centred on a pole.
    static func densified(_ ring: [Coordinate]) -> [Coordinate] {
        guard ring.count > 1 else { return ring }
        var out: [Coordinate] = [ring[0]]
        out.reserveCapacity(ring.count)
        for i in 1..<ring.count {
            let p = ring[i - 1], q = ring[i]
            let steps = Int((abs(q.x - p.x) / 0.1).rounded(.up))
            if abs(q.x - p.x) > maximumMeasuredStep && !isArtificial(p, q) {
                for k in 1..<steps {
                    let t = Double(k) / Double(steps)
                    out.append(Coordinate(lon: p.x + t * (q.x - p.x), lat: p.y + t * (q.y - p.y)))
                }
            }
            out.append(q)
        }
        return out
    }

    /// a²·Σ −Δλ·(sin φ1 + sin φ2)/2: the ring's signed area in the lon/lat plane (counter-clockwise positive),
    /// on the authalic sphere, edges straight in lon/lat.
    static func lonLatArea(_ ring: [Coordinate], authalicRadius2: Double) -> Double {
        var s = 0.0
        for i in 1..<max(1, ring.count) {
            let p = ring[i - 1], q = ring[i]
            s -= (q.x - p.x) * .pi / 180 * (sin(p.y * .pi / 180) + sin(q.y * .pi / 180)) / 2
        }
        return s * authalicRadius2
    }

    /// Whether edge p→q lies on the cut (both on x = +180 or both on x = −180) or on a pole line.
    static func isArtificial(_ p: Coordinate, _ q: Coordinate) -> Bool {
        (abs(p.x) == 180 && p.x == q.x) || (abs(p.y) == 90 && p.y == q.y)
    }

    static func artificialLength(_ ring: [Coordinate], geodesic: Geodesic) -> Double {
        var s = 0.0
        for i in 1..<max(1, ring.count) where isArtificial(ring[i - 1], ring[i]) {
            s += geodesic.distance(ring[i - 1], ring[i])
        }
        return s
    }

    /// (parts, holes) on the ellipsoid; see the type's description.
    static func topology(_ polygons: [[[Coordinate]]]) -> (Int, Int) {
        var parts = UnionFind(polygons.count)
        // Stretches of the cut each polygon touches, and the poles it reaches.
        var east: [(lo: Double, hi: Double, polygon: Int)] = [], west: [(lo: Double, hi: Double, polygon: Int)] = []
        var pole: [Int: Int] = [:]
        struct Chain { var start: Coordinate; var end: Coordinate; var polygon: Int }
        var chains: [Chain] = []
        var closedLoopPolygons: [Int] = []
        for (k, rings) in polygons.enumerated() {
            for ring in rings where ring.count >= 4 {
                let n = ring.count - 1   // closed: ring[n] == ring[0]
                let artificial = (0..<n).map { isArtificial(ring[$0], ring[$0 + 1]) }
                for i in 0..<n where artificial[i] {
                    let p = ring[i], q = ring[i + 1]
                    if abs(p.y) == 90 && p.y == q.y {
                        if let other = pole[p.y > 0 ? 1 : -1] { parts.join(other, k) } else { pole[p.y > 0 ? 1 : -1] = k }
                    } else if p.y != q.y {
                        let s = (lo: min(p.y, q.y), hi: max(p.y, q.y), polygon: k)
                        if p.x > 0 { east.append(s) } else { west.append(s) }
                    }
                }
                guard let first = artificial.firstIndex(of: true) else {
                    closedLoopPolygons.append(k)
                    continue
                }
                // Chains of real edges between artificial ones, walked from just after an artificial edge.
                var start: Coordinate?
                for step in 1...n {
                    let i = (first + step) % n
                    if artificial[i] {
                        if let s = start { chains.append(Chain(start: s, end: ring[i], polygon: k)); start = nil }
                    } else if start == nil {
                        start = ring[i]
                    }
                }
            }
        }
        // Parts: east and west stretches of the cut that overlap belong to one part.
        for e in east {
            for w in west where min(e.hi, w.hi) - max(e.lo, w.lo) > 1e-9 { parts.join(e.polygon, w.polygon) }
        }
        // Loops: a chain ending on one side of the cut goes on with the chain starting at the same latitude on
        // the other side.
        var loops = UnionFind(chains.count)
        var startsBySide: [Bool: [(lat: Double, chain: Int)]] = [true: [], false: []]
        for (i, c) in chains.enumerated() where abs(c.start.x) == 180 { startsBySide[c.start.x > 0]!.append((c.start.y, i)) }
        for (i, c) in chains.enumerated() where abs(c.end.x) == 180 {
            let candidates = startsBySide[c.end.x < 0]!
            if let best = candidates.min(by: { abs($0.lat - c.end.y) < abs($1.lat - c.end.y) }), abs(best.lat - c.end.y) < 1e-6 {
                loops.join(i, best.chain)
            }
        }
        let partCount = parts.componentCount
        var loopsPerPart: [Int: Int] = [:]
        for r in closedLoopPolygons { loopsPerPart[parts.find(r), default: 0] += 1 }
        var seen = Set<Int>()
        for (i, c) in chains.enumerated() where seen.insert(loops.find(i)).inserted {
            loopsPerPart[parts.find(c.polygon), default: 0] += 1
        }
        let holes = loopsPerPart.values.reduce(0) { $0 + max(0, $1 - 1) }
        return (partCount, holes)
    }
}

/// Disjoint sets over 0..<n.
struct UnionFind {
    private var parent: [Int]
    init(_ n: Int) { parent = Array(0..<n) }
    mutating func find(_ i: Int) -> Int {
        var r = i
        while parent[r] != r { r = parent[r] }
        var j = i
        while parent[j] != r { let next = parent[j]; parent[j] = r; j = next }
        return r
    }
    mutating func join(_ a: Int, _ b: Int) { let ra = find(a), rb = find(b); if ra != rb { parent[ra] = rb } }
    var componentCount: Int { mutating get { Set((0..<parent.count).map { find($0) }).count } }
}
