extension BoundingBox {
    /// The smallest RFC 7946 §5 box around the geometries, which must be in RFC 7946 form (longitudes within
    /// [-180, 180], no segment crossing the antimeridian — see ``RFC7946Normalizer``). When going the other
    /// way round the globe is shorter, as for a shape cut into parts at 170…180 and −180…−170, the box crosses
    /// the antimeridian (`west > east`). `nil` when there is no position.
    public static func enclosing(_ geometries: [GeoJSONGeometry]) -> BoundingBox? {
        var spans: [(Double, Double)] = []
        var south = Double.infinity, north = -Double.infinity
        func addPath(_ ps: [Position]) {
            for (i, p) in ps.enumerated() {
                south = min(south, p.lat)
                north = max(north, p.lat)
                if i == 0 { spans.append((p.lon, p.lon)) } else {
                    let q = ps[i - 1]
                    spans.append((min(p.lon, q.lon), max(p.lon, q.lon)))
                }
            }
        }
        func add(_ g: GeoJSONGeometry) {
            switch g {
            case .point(let p): addPath([p])
            case .multiPoint(let ps): ps.forEach { addPath([$0]) }
            case .lineString(let ps): addPath(ps)
            case .multiLineString(let lines), .polygon(let lines): lines.forEach(addPath)
            case .multiPolygon(let polys): polys.forEach { $0.forEach(addPath) }
            case .geometryCollection(let members): members.forEach(add)
            }
        }
        geometries.forEach(add)
        guard !spans.isEmpty else { return nil }
        spans.sort { $0.0 < $1.0 }
        var merged: [(Double, Double)] = [spans[0]]
        for s in spans.dropFirst() {
            if s.0 <= merged[merged.count - 1].1 {
                merged[merged.count - 1].1 = max(merged[merged.count - 1].1, s.1)
            } else {
                merged.append(s)
            }
        }
        // The largest uncovered gap of longitude decides where the box is open.
        let wrapGap = merged[0].0 + 360 - merged[merged.count - 1].1
        var best = (gap: wrapGap, index: -1)
        for i in 0..<(merged.count - 1) {
            let gap = merged[i + 1].0 - merged[i].1
            if gap > best.gap { best = (gap, i) }
        }
        if best.index < 0 {
            return BoundingBox(west: merged[0].0, south: south, east: merged[merged.count - 1].1, north: north)
        }
        return BoundingBox(west: merged[best.index + 1].0, south: south, east: merged[best.index].1, north: north)
    }
}
