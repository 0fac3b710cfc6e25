import Foundation
import GeoJSON

/// Times in KML: ISO 8601 in UTC (`2024-05-01T12:00:00Z`, fractional seconds when present).
enum KMLTime {
    static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let seconds = date.timeIntervalSince1970
        formatter.formatOptions = seconds.rounded() == seconds ? [.withInternetDateTime] : [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// A property value as a KML time: a string as written (assumed ISO 8601), a number as Unix seconds.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s) where !s.isEmpty: return s
        case .integer, .number:
            guard let d = value.doubleValue, d.isFinite else { return nil }
            return text(Date(timeIntervalSince1970: d))
        default: return nil
        }
    }

    /// A property value as a date, for per-vertex `times` arrays.
    static func date(_ value: JSONValue) -> Date? {
        switch value {
        case .string(let s):
            let formatter = ISO8601DateFormatter()
            if let d = formatter.date(from: s) { return d }
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return formatter.date(from: s)
        case .integer, .number:
            guard let d = value.doubleValue, d.isFinite else { return nil }
            return Date(timeIntervalSince1970: d)
        default: return nil
        }
    }
}
