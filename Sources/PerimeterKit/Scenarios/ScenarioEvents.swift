import Foundation
import GeoJSON
import GeometryCore

/// A reported event with a place and a time window but no track (an airport closure): where no
/// track geometry has been published, a scenario holds only such events.
public struct ScenarioEvent: Sendable {
    /// The zone feature's `name` (e.g. "Copenhagen Airport") in one of the scenario's zone files.
    public var place: String
    /// What happened ("closed to traffic").
    public var what: String
    /// Window start (epoch seconds), as reported.
    public var start: Double
    /// Window end (epoch seconds), if reported or assumed; `endStatus` says which.
    public var end: Double?
    public var endStatus: String
    public var source: String

    static func parse(_ o: JSONObject?, source file: String, path: String) throws -> ScenarioEvent {
        guard let o, let place = o["place"]?.stringValue, let what = o["what"]?.stringValue,
              let startText = o["start"]?.stringValue, let src = o["source"]?.stringValue else {
            throw DomainError.invalidInput(source: file, message: "\(path): needs 'place', 'what', 'start' and 'source'")
        }
        guard let start = TrackTimeParser.epochSeconds(startText) else {
            throw DomainError.invalidInput(source: file, message: "\(path).start: not an ISO 8601 time")
        }
        var end: Double? = nil
        if let e = o["end"]?.stringValue {
            guard let t = TrackTimeParser.epochSeconds(e), t >= start else {
                throw DomainError.invalidInput(source: file, message: "\(path).end: not an ISO 8601 time at or after start")
            }
            end = t
        }
        return ScenarioEvent(place: place, what: what, start: start, end: end,
                             endStatus: o["end_status"]?.stringValue ?? (end == nil ? "not reported" : "reported"), source: src)
    }
}

/// The report of a scenario's events: each window with its duration, and every pair of windows
/// that overlap with the overlap and the geodesic distance between the two places' zone centres.
public enum ScenarioEventReport {
    /// Lines for the summary. `centres` maps place names to their zone centres (lon/lat).
    public static func lines(_ events: [ScenarioEvent], centres: [String: Coordinate]) -> [String] {
        var out: [String] = []
        for e in events {
            let window = e.end.map { String(format: "%@ – %@ (%.2f h)", UTCTime.iso8601(e.start), UTCTime.iso8601($0), ($0 - e.start) / 3600) }
                ?? "from \(UTCTime.iso8601(e.start)) (end not reported)"
            out.append("[event] \(e.place): \(e.what) \(window); end: \(e.endStatus); source: \(e.source)")
        }
        for (i, a) in events.enumerated() {
            for b in events[(i + 1)...] {
                guard let ae = a.end, let be = b.end, a.place != b.place else { continue }
                let overlap = min(ae, be) - max(a.start, b.start)
                guard overlap > 0 else { continue }
                var text = String(format: "[overlap] %@ and %@: %.0f min at the same time (%@ – %@)", a.place, b.place, overlap / 60,
                                  UTCTime.iso8601(max(a.start, b.start)), UTCTime.iso8601(min(ae, be)))
                if let ca = centres[a.place], let cb = centres[b.place] {
                    text += String(format: ", %.0f km apart (geodesic, zone centres)", Geodesic.wgs84.distance(ca, cb) / 1000)
                }
                out.append(text)
            }
        }
        return out
    }

    /// Zone centres (`centre_lon`/`centre_lat` properties, by `name`) of the scenario's zone files.
    public static func centres(_ scenario: Scenario, geodata: String) throws -> [String: Coordinate] {
        var out: [String: Coordinate] = [:]
        for z in scenario.zones {
            let fc = try GeoJSONReader.read(contentsOf: GeoDataLocator.file(z.file, in: geodata))
            for f in fc.features {
                if let n = f.properties["name"]?.stringValue, let lon = f.properties["centre_lon"]?.doubleValue,
                   let lat = f.properties["centre_lat"]?.doubleValue { out[n] = Coordinate(lon: lon, lat: lat) }
            }
        }
        return out
    }
}
