/// Spacing of air-defense sites along a line so that their circles form a continuous belt.
///
/// Sites of range R (m) placed on a line every s metres cover, without a gap, a strip of half-width w
/// (m, w < R) on both sides of that line when s = 2·√(R² − w²): the neighbouring circles meet
/// exactly at distance w from the line. A line of length L needs ⌈L / s⌉ + 1 sites (both ends included).
public struct BeltLayout: Sendable, Hashable {
    /// Engagement range of one site, metres.
    public var rangeM: Double
    /// Half-width of the continuously covered belt, metres (0 ≤ w < R).
    public var halfWidthM: Double

    public init(rangeM: Double, halfWidthM: Double) throws {
        guard rangeM.isFinite, rangeM > 0 else {
            throw DomainError.invalidParameter("range must be a positive number of km, got \(rangeM / 1000)")
        }
        guard halfWidthM.isFinite, halfWidthM >= 0 else {
            throw DomainError.invalidParameter("belt half-width must be ≥ 0 km, got \(halfWidthM / 1000)")
        }
        guard halfWidthM < rangeM else {
            throw DomainError.invalidParameter(
                "belt half-width (\(halfWidthM / 1000) km) must be smaller than the range (\(rangeM / 1000) km)")
        }
        self.rangeM = rangeM
        self.halfWidthM = halfWidthM
    }

    /// Distance between neighbouring sites along the line, metres: 2·√(R² − w²).
    public var spacingM: Double { 2 * (rangeM * rangeM - halfWidthM * halfWidthM).squareRoot() }

    /// Number of sites for a line of `lineLengthM` metres: ⌈L / s⌉ + 1 (1 for a zero-length line).
    public func siteCount(lineLengthM: Double) -> Int {
        guard lineLengthM > 0 else { return 1 }
        return Int((lineLengthM / spacingM).rounded(.up)) + 1
    }
}
