import Foundation
import PerimeterTestSupport
import Testing
@testable import PerimeterKit

/// The CSV outputs' fixed-decimal numbers: the integer formatting gives C's `printf("%.*f")` text
/// byte for byte (exact binary value, ties to even, the sign of negatives that round to zero).
@Suite struct IncursionCSVNumberTests {
    @Test func integerFormattingMatchesPrintf() {
        var rng = SplitMix64(seed: 0xF0F7)
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.0625, 1e-7, -1e-7, 0.0005, -0.0005,
                                0.0015, 999.9995, 1e15.nextDown, -1e15.nextDown, .leastNonzeroMagnitude,
                                -.leastNormalMagnitude, 123_456.789_012_5, 52.2297, 20.465_259_5, 1_474.529_5]
        for _ in 0..<40_000 {
            let magnitude = pow(10, rng.uniform(-9, 15))
            values.append((rng.unit() < 0.5 ? -1 : 1) * magnitude)
            // Ties: k / 2^j, exactly halfway at some number of decimals.
            values.append(Double(Int(rng.uniform(0, 1e6))) / Double(1 << Int(rng.uniform(1, 12))))
            values.append(Double(Int(rng.uniform(-1e9, 1e9))) / 1000)  // the shapes of dwell_s, path_km
        }
        var checked = 0
        for v in values {
            for digits in [0, 1, 3, 6, 9] where abs(v) < 1e15 {
                let fast = IncursionCSV.exactFixed(v, digits)
                #expect(fast == IncursionCSV.printfFixed(v, digits), "\(v) with \(digits) decimals")
                checked += 1
            }
        }
        #expect(checked > 500_000)
        #expect(IncursionCSV.exactFixed(.infinity, 3) == nil && IncursionCSV.exactFixed(1e15, 3) == nil)
        #expect(IncursionCSV.fmt(1e20, 3) == "100000000000000000000.000")
    }
}
