import Foundation
import GeometryCore
import Testing
@testable import PerimeterKit

/// `LineInterpolation` (used by `WarningDepth`) must give GEOS's `GEOSInterpolate` point bit for bit:
/// the warning depths of `perimeter compare` depend on it.
@Suite struct LineInterpolationTests {
    /// A wiggly line with a repeated vertex (a zero-length segment), in projected metres.
    static let line: [Coordinate] = {
        var pts: [Coordinate] = []
        var x = 0.0, y = 0.0
        for i in 0..<400 {
            x += 733.1 + 411.7 * sin(Double(i) * 0.37)
            y += 529.3 * cos(Double(i) * 0.91) - 17.9
            pts.append(Coordinate(x: x, y: y))
            if i == 200 { pts.append(Coordinate(x: x, y: y)) }
        }
        return pts
    }()

    @Test func sameBitsAsGEOSInterpolate() throws {
        let ctx = GEOSContext()
        let geos = try Geometry.lineString(Self.line, context: ctx)
        let ours = LineInterpolation(Self.line)
        let total = try geos.length
        #expect(ours.ends.last == total)
        var distances: [Double] = [0, -0.0, 1e-9, total, total * (1 - 1e-16), total + 5]
        distances += ours.ends                                   // exactly at vertices
        distances += ours.ends.map { $0.nextDown }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            distances.append(Double(state >> 11) / Double(1 << 53) * total)
        }
        var mismatches = 0
        for d in distances {
            let g = try geos.interpolate(distance: max(d, 0)).pointCoordinate
            let o = ours.point(at: max(d, 0))
            if g.x.bitPattern != o.x.bitPattern || g.y.bitPattern != o.y.bitPattern { mismatches += 1 }
        }
        #expect(mismatches == 0, "\(mismatches) of \(distances.count) points differ from GEOS")
    }
}
