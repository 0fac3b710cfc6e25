import GeoJSON
import GeometryCore

/// The map's projection and viewport: lon/lat degrees (WGS84) → map CRS metres (PROJ) → SVG pixels, with
/// north up (SVG y grows downwards, so northing is flipped). Not `Sendable` (holds a PROJ transformer).
final class MapView {
    let transformer: Transformer
    /// The visible extent in map CRS units (metres).
    let minX: Double, minY: Double, maxX: Double, maxY: Double
    /// Pixels per map unit.
    let scale: Double
    /// The map frame in SVG pixels.
    let left: Double, top: Double, width: Double, height: Double

    init(transformer: Transformer, minX: Double, minY: Double, maxX: Double, maxY: Double, widthPx: Double, top: Double) {
        self.transformer = transformer
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
        scale = widthPx / (maxX - minX)
        left = 0
        self.top = top
        width = widthPx
        height = (maxY - minY) * scale
    }

    /// The projected position of a lon/lat point in map CRS units, or `nil` when PROJ cannot project it.
    func projected(_ c: Coordinate) -> Coordinate? {
        guard c.isFinite, let p = try? transformer.transform(c), p.isFinite else { return nil }
        return p
    }

    /// The SVG pixel position of a lon/lat point, or `nil` when it cannot be projected.
    func pixel(_ c: Coordinate) -> (x: Double, y: Double)? {
        guard let p = projected(c) else { return nil }
        return pixel(projected: p)
    }

    func pixel(projected p: Coordinate) -> (x: Double, y: Double) {
        (left + (p.x - minX) * scale, top + (maxY - p.y) * scale)
    }

    /// The lon/lat point under an SVG pixel, or `nil` when PROJ cannot invert it.
    func lonLat(x: Double, y: Double) -> Coordinate? {
        let p = Coordinate(x: minX + (x - left) / scale, y: maxY - (y - top) / scale)
        guard let c = try? transformer.inverse(p), c.isFinite else { return nil }
        return c
    }

    /// Whether a pixel box meets the frame (with a margin in px).
    func meets(minX x0: Double, minY y0: Double, maxX x1: Double, maxY y1: Double, margin: Double = 0) -> Bool {
        x1 >= left - margin && x0 <= left + width + margin && y1 >= top - margin && y0 <= top + height + margin
    }

    func contains(x: Double, y: Double) -> Bool {
        x >= left && x <= left + width && y >= top && y <= top + height
    }
}
