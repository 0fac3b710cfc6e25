/// An axis-aligned rectangle in the geometry's CRS units (lon/lat degrees for geographic data):
/// `minX`/`maxX` are west/east (longitude), `minY`/`maxY` south/north (latitude).
public struct Bounds: Hashable, Sendable, CustomStringConvertible {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// Width (`maxX - minX`) in CRS units.
    public var width: Double { maxX - minX }
    /// Height (`maxY - minY`) in CRS units.
    public var height: Double { maxY - minY }

    /// True when the two rectangles share at least one point (edges included).
    public func intersects(_ other: Bounds) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    public var description: String { "Bounds(\(minX), \(minY), \(maxX), \(maxY))" }
}
