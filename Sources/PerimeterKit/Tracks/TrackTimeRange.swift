/// Fix times as read: a number of epoch units or ISO 8601, checked against the years 1900–2200.
///
/// A number outside that range is never taken silently: epoch milliseconds read as seconds are the
/// year 57,000 and more, and the error says which `--time-unit` would put the value in range.
public enum TrackTimeRange {
    /// 1900-01-01T00:00:00Z in epoch seconds.
    public static let earliest = -2_208_988_800.0
    /// 2200-01-01T00:00:00Z in epoch seconds.
    public static let latest = 7_258_118_400.0

    /// Whether `t` (epoch seconds) lies in 1900–2200.
    @inline(__always)
    public static func contains(_ t: Double) -> Bool { t >= earliest && t < latest }

    /// Epoch seconds of bytes `[start, end)` of `p`: ISO 8601, or a number in `unit`. `nil` when
    /// unparsable; `.failure` text (the hint) when out of range.
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int,
                      unit: TrackReadOptions.TimeUnit) -> Result<Double, OutOfRange>? {
        guard let value = TrackTimeParser.epochSeconds(p, start, end) else { return nil }
        let iso = end - start >= 10 && p[start + 4] == UInt8(ascii: "-")
        let t = iso ? value : value * unit.seconds
        if contains(t) { return .success(t) }
        return .failure(OutOfRange(hint: iso ? "" : hint(number: value, unit: unit)))
    }

    /// Epoch seconds of a number in `unit` (GeoJSON numeric times), or the out-of-range hint.
    static func check(number value: Double, unit: TrackReadOptions.TimeUnit) -> Result<Double, OutOfRange> {
        let t = value * unit.seconds
        return contains(t) ? .success(t) : .failure(OutOfRange(hint: hint(number: value, unit: unit)))
    }

    /// Why a time was refused: a suggestion of the unit that would fit, or empty.
    struct OutOfRange: Error { var hint: String }

    /// "read as epoch seconds; epoch milliseconds? use --time-unit ms", or the plain reading.
    static func hint(number value: Double, unit: TrackReadOptions.TimeUnit) -> String {
        let names: [TrackReadOptions.TimeUnit: String] = [.s: "seconds", .ms: "milliseconds", .us: "microseconds"]
        let reading = "read as epoch \(names[unit]!)"
        for other in TrackReadOptions.TimeUnit.allCases where other != unit && contains(value * other.seconds) {
            return "\(reading); if these are epoch \(names[other]!), use --time-unit \(other.rawValue)"
        }
        return reading
    }
}
