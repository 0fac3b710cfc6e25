import GeometryCore

/// Positions along a lon/lat polyline at given geodesic distances from its start.
///
/// The polyline's edges are geodesics between its vertices; the length is the sum of their
/// geodesic lengths (metres, WGS84), as `Geodesic.length(of:)` gives it.
public struct PolylineStations: Sendable {
    public let vertices: [Coordinate]
    /// Cumulative geodesic distance at each vertex, metres (first is 0).
    public let cumulativeM: [Double]

    public init(_ vertices: [Coordinate], geodesic: Geodesic = .wgs84) {
        self.vertices = vertices
        var cum = [0.0]
        for i in vertices.indices.dropFirst() { cum.append(cum[i - 1] + geodesic.distance(vertices[i - 1], vertices[i])) }
        cumulativeM = vertices.isEmpty ? [] : cum
    }

    /// Total geodesic length, metres.
    public var lengthM: Double { cumulativeM.last ?? 0 }

    /// The point at `distanceM` along the line (clamped to its ends).
    public func position(at distanceM: Double, geodesic: Geodesic = .wgs84) -> Coordinate {
        guard vertices.count > 1 else { return vertices.first ?? Coordinate(x: 0, y: 0) }
        if distanceM <= 0 { return vertices[0] }
        if distanceM >= lengthM { return vertices[vertices.count - 1] }
        // Binary search for the edge holding distanceM.
        var lo = 0, hi = cumulativeM.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if cumulativeM[mid] <= distanceM { lo = mid } else { hi = mid }
        }
        let a = vertices[lo], b = vertices[lo + 1]
        let t = distanceM - cumulativeM[lo]
        let az = geodesic.inverse(a, b).azimuth1
        return geodesic.direct(from: a, azimuth: az, distance: t).coordinate
    }

    /// Stations every `spacingM` metres from the start (0, s, 2s … below the length), then the end:
    /// ⌈L/s⌉ + 1 points for L > 0.
    public func stations(every spacingM: Double) -> [(distanceM: Double, coordinate: Coordinate)] {
        let n = lengthM > 0 ? Int((lengthM / spacingM).rounded(.up)) : 0
        var out = (0..<n).map { k in (Double(k) * spacingM, position(at: Double(k) * spacingM)) }
        out.append((lengthM, vertices.last ?? Coordinate(x: 0, y: 0)))
        return out
    }
}
