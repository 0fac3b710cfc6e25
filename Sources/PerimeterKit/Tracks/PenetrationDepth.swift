import GeometryCore

/// Penetration depth of an incursion, measured when it closes.
extension IncursionFinder {
    /// Closes the open incursion and measures its depth (see `deepestPoint`).
    func close(_ builder: inout IncursionBuilder, openAtEnd: Bool) {
        guard builder.isOpen else { return }
        if measuresPenetration {
            let deepest = deepestPoint(&builder.insidePieces)
            builder.current.maxPenetrationM = deepest.map { depth.distance($0) } ?? 0
            builder.insidePieces.removeAll(keepingCapacity: true)
        }
        builder.close(openAtEnd: openAtEnd)
    }

    /// The point of the inside pieces farthest from the boundary, by best-first branch and bound in
    /// the plane metric of `BoundaryDistance.nearest`: pieces are taken in decreasing order of a
    /// cell-based upper bound; within a piece, the distance is bounded by the distance to the
    /// nearest boundary points of its ends, and split where that bound peaks, until no bound
    /// exceeds the best by more than `depthToleranceM` (plus the plane's 0.03 % error).
    private func deepestPoint(_ pieces: inout [InsidePiece]) -> Coordinate? {
        guard !pieces.isEmpty else { return nil }
        for k in pieces.indices {
            let p = pieces[k]
            let ua = depth.upperBound(p.a), ub = depth.upperBound(p.b)
            pieces[k].bound = min(0.5 * (ua + ub + p.lengthM), min(ua, ub) + p.lengthM)
        }
        pieces.sort { $0.bound > $1.bound }
        var search = DepthSearch(best: -1, point: pieces[0].a)
        for p in pieces {
            if p.bound <= search.best + depthToleranceM + 3e-4 * search.best { break }
            let na = depth.nearest(p.a), nb = depth.nearest(p.b)
            search.consider(p.a, na.distance)
            search.consider(p.b, nb.distance)
            bisect(p.a, na, p.b, nb, 0, &search)
        }
        return search.point
    }

    private func bisect(_ a: Coordinate, _ na: BoundaryDistance.Nearest, _ b: Coordinate, _ nb: BoundaryDistance.Nearest,
                        _ level: Int, _ search: inout DepthSearch) {
        // d(x) ≤ min(|x − qa|, |x − qb|) for the nearest boundary points qa, qb of the ends; each is
        // convex along the piece, so below its chord: the bound peaks where the chords cross.
        let fa0 = na.distance, fb1 = nb.distance
        let fa1 = depth.planeDistance(b, na.point), fb0 = depth.planeDistance(a, nb.point)
        var bound = max(min(fa0, fb0), min(fa1, fb1))
        let slopeDifference = (fa1 - fa0) - (fb1 - fb0)
        var t = slopeDifference != 0 ? (fb0 - fa0) / slopeDifference : -1
        if t > 0 && t < 1 { bound = max(bound, fa0 + t * (fa1 - fa0) + 1) }
        if bound <= search.best + depthToleranceM + 3e-4 * search.best || level > 40 { return }
        if !(t > 0.05 && t < 0.95) { t = 0.5 }
        let m = Coordinate(lon: a.x + t * (b.x - a.x), lat: a.y + t * (b.y - a.y))
        let nm = depth.nearest(m)
        search.consider(m, nm.distance)
        bisect(a, na, m, nm, level + 1, &search)
        bisect(m, nm, b, nb, level + 1, &search)
    }
}

/// The deepest point found so far.
private struct DepthSearch {
    var best: Double
    var point: Coordinate
    @inline(__always) mutating func consider(_ p: Coordinate, _ d: Double) {
        if d > best { best = d; point = p }
    }
}
