import GeoJSON

/// Whether GEOS's validity check of a polygon finishes in reasonable time.
///
/// GEOS 3.11 finds self-intersections by comparing the envelopes of monotone chains (runs of
/// edges going the same way in x and in y): fast on coastlines, whose chains are long and far
/// apart, but quadratic on shapes whose chains' envelopes all overlap (a star with 100,000 thin
/// spikes: hours). This counts overlapping chain pairs with a sweep over x and stops at a cap.
enum ValidityCheckCost {
    /// More overlapping chain pairs than this and the GEOS check is skipped (with a warning).
    static let maxOverlaps = 20_000_000

    /// Whether the envelopes of the geometry's monotone chains overlap in at most `cap` pairs.
    static func isAffordable(_ geometry: GeoJSONGeometry, cap: Int = maxOverlaps) -> Bool {
        var boxes: [(x0: Double, x1: Double, y0: Double, y1: Double)] = []
        func chains(_ ring: [Position]) {
            guard ring.count > 1 else { return }
            var start = 0
            var sx = 0, sy = 0
            func close(_ end: Int) {
                var b = (x0: Double.infinity, x1: -Double.infinity, y0: Double.infinity, y1: -Double.infinity)
                for p in ring[start...end] { b.x0 = min(b.x0, p.lon); b.x1 = max(b.x1, p.lon); b.y0 = min(b.y0, p.lat); b.y1 = max(b.y1, p.lat) }
                boxes.append(b)
            }
            for k in 1..<ring.count {
                let dx = ring[k].lon - ring[k - 1].lon, dy = ring[k].lat - ring[k - 1].lat
                let cx = dx > 0 ? 1 : (dx < 0 ? -1 : 0), cy = dy > 0 ? 1 : (dy < 0 ? -1 : 0)
                if (sx != 0 && cx != 0 && cx != sx) || (sy != 0 && cy != 0 && cy != sy) {
                    close(k - 1)
                    start = k - 1
                    sx = cx; sy = cy
                } else {
                    if cx != 0 { sx = cx }
                    if cy != 0 { sy = cy }
                }
            }
            close(ring.count - 1)
        }
        switch geometry {
        case .polygon(let rings): rings.forEach(chains)
        case .multiPolygon(let polygons): polygons.forEach { $0.forEach(chains) }
        default: return true
        }
        boxes.sort { $0.x0 < $1.x0 }
        var active: [(x1: Double, y0: Double, y1: Double)] = []
        var overlaps = 0
        for b in boxes {
            active.removeAll { $0.x1 < b.x0 }
            for a in active where a.y0 <= b.y1 && b.y0 <= a.y1 {
                overlaps += 1
            }
            if overlaps > cap { return false }
            active.append((b.x1, b.y0, b.y1))
            if active.count > cap / 16 { return false }
        }
        return true
    }
}
