import Foundation
import GeoJSON
import GeometryCore

/// Reads one aircraft's track from a readsb / tar1090 trace file (`trace_full_<icao>.json`, as
/// written by readsb's `--write-globe-history`, uncompressed):
/// `{"icao": "3c6444", "timestamp": 1757462400.0, "trace": [[dt, lat, lon, alt, …], …]}` where
/// `dt` is seconds after `timestamp`, `alt` the barometric altitude in feet (the string
/// `"ground"` or `null`: no altitude). Rows without a position (`null` lat/lon) are skipped and
/// counted. Errors name the file and the JSON path (`trace[12][1]`).
public final class ReadsbTraceReader: TrackSource {
    public let path: String
    public let options: TrackReadOptions
    public private(set) var statistics = TrackReadStatistics()
    private var done = false

    public init(path: String, options: TrackReadOptions = TrackReadOptions()) {
        self.path = path
        self.options = options
    }

    private func fail(_ where_: String, _ problem: TrackReadError.Problem, track: String? = nil) -> TrackReadError {
        TrackReadError(file: path, line: 0, trackID: track, problem: problem, featurePath: where_)
    }

    public func nextTrack() throws -> Track? {
        guard !done else { return nil }
        done = true
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw TrackReadError(file: path, line: 0, problem: .cannotOpen(reason: (error as NSError).localizedDescription))
        }
        let json: JSONValue
        do { json = try GeoJSONReader.parseJSON(data, source: path) } catch {
            throw fail(error.line.map { "line \($0), column \(error.column ?? 0)" } ?? "document", .invalidFeature(error.message))
        }
        guard let id = json["icao"]?.stringValue else { throw fail("icao", .invalidFeature("a readsb trace needs an \"icao\" string")) }
        guard let base = json["timestamp"]?.doubleValue else {
            throw fail("timestamp", .invalidFeature("a readsb trace needs a numeric \"timestamp\""), track: id)
        }
        guard let rows = json["trace"]?.arrayValue else {
            throw fail("trace", .invalidFeature("a readsb trace needs a \"trace\" array"), track: id)
        }
        var accumulator = FixAccumulator(file: path, options: options, id: id, line: 0)
        for (k, row) in rows.enumerated() {
            let here = "trace[\(k)]"
            guard let r = row.arrayValue, r.count >= 3, let dt = r[0].doubleValue else {
                if options.skipInvalid { statistics.invalidSkipped += 1; continue }
                throw fail(here, .invalidFeature("a trace row is [seconds, lat, lon, altitude, …]"), track: id)
            }
            guard let lat = r[1].doubleValue, let lon = r[2].doubleValue else {
                statistics.rowsWithoutPositionSkipped += 1
                continue
            }
            let t: Double
            switch TrackTimeRange.check(number: base + dt, unit: .s) {
            case .success(let v): t = v
            case .failure(let e): throw fail("\(here)[0]", .timeOutOfRange(text: "\(base) + \(dt)", hint: e.hint), track: id)
            }
            guard abs(lat) <= 90, abs(lon) <= 180 else {
                if options.skipInvalid { statistics.invalidSkipped += 1; continue }
                throw fail(here, abs(lat) > 90 ? .latitudeOutOfRange(lat) : .longitudeOutOfRange(lon), track: id)
            }
            let altitude = r.count > 3 ? r[3].doubleValue.map { $0 * options.altitudeUnit.metres } : nil
            do {
                try accumulator.append(Fix(time: t, position: Coordinate(lon: lon, lat: lat), altitudeM: altitude),
                                       line: 0, statistics: &statistics)
            } catch var e as TrackReadError {
                e.featurePath = here
                throw e
            }
        }
        do { return try accumulator.finish(statistics: &statistics, reserve: false) } catch var e as TrackReadError {
            e.featurePath = "trace"
            throw e
        }
    }
}
