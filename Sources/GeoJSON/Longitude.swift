/// Longitude arithmetic in degrees.
public enum Longitude {
    /// The same meridian expressed within [-180, 180]: values already in range are returned unchanged
    /// (so both −180 and 180 survive); others are shifted by a multiple of 360 into [-180, 180).
    @inlinable public static func normalized(_ lon: Double) -> Double {
        if lon >= -180 && lon <= 180 { return lon }
        var r = (lon + 180).truncatingRemainder(dividingBy: 360)
        if r < 0 { r += 360 }
        return r - 180
    }
}
