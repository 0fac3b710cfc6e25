import GeoJSON
import GeometryCore

/// How much of a forward line a coverage union covers, and the uncovered stretches (gaps).
///
/// The line (lon/lat) is intersected with and differenced from the union (planar overlay in
/// lon/lat: both are fine-grained, circle edges are a few km long); lengths are geodesic.
public struct CoverageOfLine: Sendable {
    /// One uncovered stretch: lon/lat vertices and geodesic length in metres.
    public struct Gap: Sendable {
        public var line: [Coordinate]
        public var lengthM: Double
    }

    /// Geodesic length of the line, metres.
    public var lineLengthM: Double
    /// Geodesic length of the covered part, metres.
    public var coveredLengthM: Double
    /// Uncovered stretches, longest first.
    public var gaps: [Gap]

    /// Covered share of the line, percent.
    public var sharePct: Double { lineLengthM > 0 ? 100 * coveredLengthM / lineLengthM : 0 }
    /// Sum of gap lengths, metres.
    public var gapLengthM: Double { gaps.reduce(0) { $0 + $1.lengthM } }

    public static func measure(line: Geometry, coverage union: Geometry) throws -> CoverageOfLine {
        let covered = try line.intersection(union).lineMergeIfLinear()
        let uncovered = try line.difference(union).lineMergeIfLinear()
        let pieces = try uncovered.isEmpty ? [] : (try uncovered.type == .lineString ? [uncovered] : uncovered.geometries)
        let gaps = try pieces.map { p in
            let c = try p.coordinates
            return Gap(line: c, lengthM: Geodesic.wgs84.length(of: c))
        }.filter { $0.lengthM > 0 }.sorted { $0.lengthM > $1.lengthM }
        return CoverageOfLine(lineLengthM: try line.geodesicLength(), coveredLengthM: try covered.geodesicLength(), gaps: gaps)
    }
}
