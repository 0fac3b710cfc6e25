/// Radar line-of-sight range over a smooth Earth with standard refraction.
///
/// d = √(2·k·Re·h_radar) + √(2·k·Re·h_target), with the effective-Earth-radius factor k = 4/3
/// (standard atmosphere) and Re the mean Earth radius. Heights are metres above the surface;
/// the result is metres. A target below the radar horizon cannot be seen however long the
/// nominal range, so coverage against low-flying targets uses min(range, horizon).
public enum RadarHorizon {
    /// Mean Earth radius in metres (IUGG R1 for WGS84).
    public static let meanEarthRadiusM = 6_371_008.8
    /// The standard-refraction effective-Earth-radius factor.
    public static let standardRefractionK = 4.0 / 3.0

    /// Line-of-sight distance in metres between a radar antenna at `radarHeightM` and a target at
    /// `targetAltitudeM` (both metres above the surface, ≥ 0).
    public static func distanceM(
        radarHeightM: Double, targetAltitudeM: Double, k: Double = standardRefractionK
    ) -> Double {
        let twoKR = 2 * k * meanEarthRadiusM
        return (twoKR * max(radarHeightM, 0)).squareRoot() + (twoKR * max(targetAltitudeM, 0)).squareRoot()
    }
}
