import Foundation
import GeoJSON
import GeometryCore

/// Reads tracks from a GeoJSON FeatureCollection, in two shapes (both may appear in one file):
///
/// - a **LineString** feature is one track: its vertices are the fixes, their times in
///   `properties.times` (or `properties.coordTimes`, as written by common GPX converters), one per
///   vertex, each an ISO 8601 string or epoch seconds (a number); the altitude is the vertex's third
///   coordinate (metres), if any;
/// - **Point** features with a `time` property (ISO 8601 or epoch seconds) and a track id property
///   are fixes, grouped into tracks by id (document order within a track).
///
/// The track id is the `track_id` property, else `id`, else `name`, else the feature's `id` member,
/// else `feature<N>` (the 0-based feature index). Tracks are yielded in order of first appearance.
/// Positions are lon/lat degrees WGS84 (RFC 7946).
///
/// Errors name the file and the JSON path: `tracks.geojson: features[3].properties.times: 12 times
/// for 13 vertices`. With `TrackReadOptions.skipInvalid`, fixes with a bad time and features that
/// are not tracks are skipped and counted in `statistics.invalidSkipped` (coordinate errors, which
/// the strict GeoJSON reader reports for the whole file, cannot be skipped).
///
/// The whole file is parsed on the first `nextTrack()` call (GeoJSON cannot be streamed by
/// feature without a streaming JSON parser); tracks are then yielded one at a time.
/// Not `Sendable`: use one reader from one thread.
public final class GeoJSONTrackReader: TrackSource {
    public let path: String
    public let options: TrackReadOptions
    public private(set) var statistics = TrackReadStatistics()
    private var pending: [Track] = []
    private var next = 0
    private var parsed = false

    public init(path: String, options: TrackReadOptions = TrackReadOptions()) {
        self.path = path
        self.options = options
    }

    public func nextTrack() throws -> Track? {
        if !parsed {
            parsed = true
            try parse()
        }
        guard next < pending.count else { return nil }
        defer { pending[next] = Track(id: "", fixes: []); next += 1 }
        return pending[next]
    }

    /// One track being assembled: its fixes with the JSON path each came from.
    private struct Draft {
        var id: String
        var path: String
        var fixes: [(Fix, String)] = []
    }

    private func fail(_ path: String, _ problem: TrackReadError.Problem, track: String? = nil) -> TrackReadError {
        TrackReadError(file: self.path, line: 0, trackID: track, problem: problem, featurePath: path)
    }

    private func parse() throws {
        let collection: FeatureCollection
        do {
            collection = try GeoJSONReader.read(contentsOf: path)
        } catch {
            let location = error.line.map { "line \($0), column \(error.column ?? 0)" }
                ?? (error.path.isEmpty ? "document" : error.path)
            throw TrackReadError(file: path, line: error.line ?? 0, problem: .invalidFeature(error.message), featurePath: location)
        }
        var drafts: [Draft] = []
        var byPointID: [String: Int] = [:]
        for (k, feature) in collection.features.enumerated() {
            let here = "features[\(k)]"
            let id = Self.trackID(feature, index: k)
            switch feature.geometry {
            case .lineString(let positions)?:
                let (key, value) = feature.properties["times"].map { ("times", $0) }
                    ?? feature.properties["coordTimes"].map { ("coordTimes", $0) } ?? ("times", .null)
                let timesPath = "\(here).properties.\(key)"
                guard let times = value.arrayValue else {
                    if options.skipInvalid { statistics.invalidSkipped += positions.count; continue }
                    throw fail(timesPath, .invalidFeature("a LineString track needs an array of per-vertex times (properties.times or coordTimes)"), track: id)
                }
                guard times.count == positions.count else {
                    throw fail(timesPath, .invalidFeature("\(times.count) times for \(positions.count) vertices"), track: id)
                }
                var draft = Draft(id: id, path: here)
                for (j, (p, t)) in zip(positions, times).enumerated() {
                    guard let time = Self.time(t) else {
                        if options.skipInvalid { statistics.invalidSkipped += 1; continue }
                        throw fail("\(timesPath)[\(j)]", .unparsableTime(Self.text(t)), track: id)
                    }
                    draft.fixes.append((Fix(time: time, position: p.coordinate, altitudeM: p.altitude), "\(timesPath)[\(j)]"))
                }
                drafts.append(draft)
            case .point(let p)?:
                let timePath = "\(here).properties.time"
                guard let value = feature.properties["time"], let time = Self.time(value) else {
                    if options.skipInvalid { statistics.invalidSkipped += 1; continue }
                    let text = feature.properties["time"].map(Self.text) ?? "(missing)"
                    throw fail(timePath, .unparsableTime(text), track: id)
                }
                let fix = (Fix(time: time, position: p.coordinate, altitudeM: p.altitude), here)
                if let n = byPointID[id] {
                    drafts[n].fixes.append(fix)
                } else {
                    byPointID[id] = drafts.count
                    drafts.append(Draft(id: id, path: here, fixes: [fix]))
                }
            default:
                if options.skipInvalid { statistics.invalidSkipped += 1; continue }
                let found = feature.geometry?.typeName ?? "null"
                throw fail("\(here).geometry", .invalidFeature("expected a LineString or Point track, found \(found)"), track: id)
            }
        }
        var accumulator = FixAccumulator(file: path, options: options)
        for draft in drafts {
            accumulator.start(id: draft.id, line: 0)
            for (fix, where_) in draft.fixes {
                do { try accumulator.append(fix, line: 0, statistics: &statistics) } catch var e as TrackReadError {
                    e.featurePath = where_
                    throw e
                }
            }
            do {
                if let track = try accumulator.finish(statistics: &statistics) { pending.append(track) }
            } catch var e as TrackReadError {
                e.featurePath = draft.path
                throw e
            }
        }
    }

    private static func trackID(_ feature: Feature, index: Int) -> String {
        for key in ["track_id", "id", "name"] {
            switch feature.properties[key] {
            case .string(let s)?: return s
            case .integer(let i)?: return String(i)
            case .number(let d)?: return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
            default: continue
            }
        }
        if let id = feature.id { return id.description }
        return "feature\(index)"
    }

    /// Epoch seconds from an ISO 8601 string or a number of epoch seconds.
    static func time(_ value: JSONValue) -> Double? {
        switch value {
        case .string(let s): return TrackTimeParser.epochSeconds(s)
        case .integer(let i): return Double(i)
        case .number(let d): return d.isFinite ? d : nil
        default: return nil
        }
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .null: return "null"
        case .bool(let b): return String(b)
        case .array: return "(an array)"
        case .object: return "(an object)"
        }
    }
}
