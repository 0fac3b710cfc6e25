/// Parses fix times without `DateFormatter`: ISO 8601 date-times and epoch seconds.
///
/// Accepted: `YYYY-MM-DDThh:mm[:ss[.fff…]]` with `T` or a space, then `Z`, `±hh`, `±hhmm` or
/// `±hh:mm` (a time without a zone is taken as UTC); or a plain number of seconds since
/// 1970-01-01T00:00:00Z. Results are epoch seconds UTC (leap seconds ignored).
public enum TrackTimeParser {
    /// Epoch seconds for `text`, or `nil` if it is neither ISO 8601 nor a number.
    public static func epochSeconds(_ text: String) -> Double? {
        var copy = Array(text.utf8)
        return copy.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return epochSeconds(UnsafePointer(base), 0, buffer.count)
        }
    }

    /// Epoch seconds for bytes `[start, end)` of `p`.
    @inline(__always)
    static func epochSeconds(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        if end - start >= 10, p[start + 4] == UInt8(ascii: "-") {
            return iso8601(p, start, end)
        }
        guard let value = DecimalParser.parse(p, start, end), value.isFinite else { return nil }
        return value
    }

    @inline(__always)
    private static func digits(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int, _ end: Int) -> Int? {
        guard i + count <= end else { return nil }
        var v = 0
        for k in 0..<count {
            let d = p[i + k] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    static func iso8601(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        guard let year = digits(p, i, 4, end), p[i + 4] == UInt8(ascii: "-"),
              let month = digits(p, i + 5, 2, end), i + 7 < end, p[i + 7] == UInt8(ascii: "-"),
              let day = digits(p, i + 8, 2, end) else { return nil }
        i += 10
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month) else { return nil }
        var seconds = Double(daysFromCivil(year, month, day)) * 86_400
        guard i < end else { return seconds }  // a date alone: midnight UTC
        guard p[i] == UInt8(ascii: "T") || p[i] == UInt8(ascii: "t") || p[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let hour = digits(p, i, 2, end), i + 2 < end, p[i + 2] == UInt8(ascii: ":"),
              let minute = digits(p, i + 3, 2, end), hour <= 24, minute <= 59 else { return nil }
        i += 5
        var second = 0.0
        if i < end, p[i] == UInt8(ascii: ":") {
            guard let s = digits(p, i + 1, 2, end), s <= 60 else { return nil }
            second = Double(s)
            i += 3
            if i < end, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",") {
                i += 1
                var fraction = 0.0, scale = 0.1
                let first = i
                while i < end, p[i] &- 48 < 10 {
                    fraction += Double(p[i] &- 48) * scale
                    scale *= 0.1
                    i += 1
                }
                guard i > first else { return nil }
                second += fraction
            }
        }
        if hour == 24, minute != 0 || second != 0 { return nil }
        seconds += Double(hour * 3600 + minute * 60) + second
        guard i < end else { return seconds }  // no zone designator: UTC
        let zone = p[i]
        if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
            return i + 1 == end ? seconds : nil
        }
        guard zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-"), let oh = digits(p, i + 1, 2, end) else { return nil }
        i += 3
        var om = 0
        if i < end {
            if p[i] == UInt8(ascii: ":") { i += 1 }
            guard let m = digits(p, i, 2, end) else { return nil }
            om = m
            i += 2
        }
        guard i == end, oh <= 23, om <= 59 else { return nil }
        let offset = Double(oh * 3600 + om * 60)
        return zone == UInt8(ascii: "+") ? seconds - offset : seconds + offset
    }

    private static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    private static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
