/// ISO 8601 UTC text for epoch seconds: `2025-09-19T07:30:00Z`, with milliseconds only when
/// the time has a fraction (`2025-09-19T07:30:00.250Z`). Times are rounded to the millisecond.
public enum UTCTime {
    public static func iso8601(_ epochSeconds: Double) -> String {
        let ms = (epochSeconds * 1000).rounded()
        var seconds = Int((ms / 1000).rounded(.down))
        let fraction = Int(ms - Double(seconds) * 1000)
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        seconds -= days * 86_400
        let (y, m, d) = civil(fromDays: days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var text = "\(y)-\(two(m))-\(two(d))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        if fraction != 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: 3 - f.count) + f
        }
        return text + "Z"
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
