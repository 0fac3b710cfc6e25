import Foundation
import GeoJSON
import GeometryCore

/// What a map adds to a few tracks so that they tell their story: time ticks along each track (every
/// `tickIntervalS`, labelled HH:MM UTC), direction arrows (small triangles pointing along the track,
/// lon/lat polygons sized in metres), and labels for the entries and exits with their times. A track
/// that starts or ends inside gets a "track starts/ends inside" label at its first/last fix, never an
/// entry or exit symbol.
public enum TrackAnnotations {
    /// A tick interval giving at most ten ticks over `durationS`: 10 s, 30 s, 1, 2, 5, 10, 15, 30 or 60 min (2 min for
    /// up to 20 min; the Estonia jets' 27-minute tracks get 5 min).
    public static func tickInterval(durationS: Double) -> Double {
        for minutes in [1.0 / 6, 0.5, 1, 2, 5, 10, 15, 30, 60, 120] where durationS / (minutes * 60) <= 10 { return minutes * 60 }
        return 240 * 60
    }

    /// "HH:MM" (or "HH:MM:SS" when `seconds`) of an epoch time, UTC.
    public static func clock(_ t: Double, seconds: Bool = false) -> String {
        let iso = UTCTime.iso8601(t)  // yyyy-MM-ddTHH:MM:SS[.fff]Z
        let time = iso.split(separator: "T").last.map(String.init) ?? iso
        return String(time.prefix(seconds ? 8 : 5))
    }

    /// The position of `track` at time `t` (linear between fixes in lon/lat; fine at tick spacing).
    static func position(_ fixes: [Fix], at t: Double, from k: inout Int) -> Coordinate {
        while k + 1 < fixes.count, fixes[k + 1].time < t { k += 1 }
        guard k + 1 < fixes.count else { return fixes[fixes.count - 1].position }
        let a = fixes[k], b = fixes[k + 1]
        let u = (t - a.time) / (b.time - a.time)
        var bx = b.position.lon
        if bx - a.position.lon > 180 { bx -= 360 } else if bx - a.position.lon < -180 { bx += 360 }
        var x = a.position.lon + u * (bx - a.position.lon)
        if x > 180 { x -= 360 } else if x < -180 { x += 360 }
        return Coordinate(lon: x, lat: a.position.lat + u * (b.position.lat - a.position.lat))
    }

    /// Tick Points (kind `tick`, `time`, `label` HH:MM) at whole multiples of `interval` within the track.
    public static func ticks(_ track: Track, interval: Double) -> [Feature] {
        guard let first = track.fixes.first, let last = track.fixes.last, last.time > first.time else { return [] }
        var out: [Feature] = []
        var k = 0
        var t = (first.time / interval).rounded(.up) * interval
        while t <= last.time {
            let p = position(track.fixes, at: t, from: &k)
            out.append(Feature(geometry: .point(Position(p)), properties: [
                "role": "marks", "kind": "tick", "track_id": .string(track.id), "time": .string(UTCTime.iso8601(t)),
                "label": .string(clock(t, seconds: interval < 60)),
            ]))
            t += interval
        }
        return out
    }

    /// Ticks of several tracks flying together (a formation): a tick keeps its label only when no tick
    /// of the same time was labelled within `withinM` metres.
    public static func deduplicatedLabels(_ ticks: [Feature], withinM: Double) -> [Feature] {
        var labelled: [String: [Coordinate]] = [:]
        return ticks.map { f in
            guard case .point(let p)? = f.geometry, let time = f.properties["time"]?.stringValue else { return f }
            if labelled[time, default: []].contains(where: { Geodesic.wgs84.distance($0, p.coordinate) < withinM }) {
                var g = f
                g.properties["label"] = nil
                return g
            }
            labelled[time, default: []].append(p.coordinate)
            return f
        }
    }

    /// Direction arrows: triangles of `sizeM` metres pointing along the track, half-way between ticks.
    public static func arrows(_ track: Track, interval: Double, sizeM: Double) -> [Feature] {
        guard let first = track.fixes.first, let last = track.fixes.last, last.time > first.time else { return [] }
        var out: [Feature] = []
        var k = 0
        var t = (first.time / interval).rounded(.down) * interval + interval / 2
        if t < first.time { t += interval }
        let g = Geodesic.wgs84
        while t <= last.time {
            let p = position(track.fixes, at: t, from: &k)
            var k2 = k
            let ahead = position(track.fixes, at: min(last.time, t + max(1, interval / 20)), from: &k2)
            if ahead != p {
                let azimuth = g.inverse(p, ahead).azimuth1
                let tip = g.direct(from: p, azimuth: azimuth, distance: sizeM * 0.6).coordinate
                let left = g.direct(from: p, azimuth: azimuth + 150, distance: sizeM * 0.6).coordinate
                let right = g.direct(from: p, azimuth: azimuth - 150, distance: sizeM * 0.6).coordinate
                out.append(Feature(geometry: .polygon([[Position(tip), Position(left), Position(right), Position(tip)]]),
                                   properties: ["role": "tracks", "kind": "arrow", "track_id": .string(track.id)]))
            }
            t += interval
        }
        return out
    }

    /// Labels for the entry/exit marks of `IncursionFeatures`: "entry 06:52:45", "exit 07:04:45",
    /// "track ends inside 04:18:30" (kind track_end: no exit symbol) and "track starts inside …".
    public static func labelled(_ marks: [Feature]) -> [Feature] {
        marks.map { f in
            var f = f
            let kind = f.properties["kind"]?.stringValue ?? ""
            // "yyyy-MM-ddTHH:MM:SS[.fff]Z" → "HH:MM:SS".
            let iso = f.properties["time"]?.stringValue ?? ""
            let clockText = String((iso.split(separator: "T").last.map(String.init) ?? "").prefix(8))
            switch kind {
            case "entry": f.properties["label"] = .string("entry \(clockText)")
            case "exit": f.properties["label"] = .string("exit \(clockText)")
            case "track_end": f.properties["label"] = .string("track ends inside \(clockText)")
            case "track_start": f.properties["label"] = .string("track starts inside \(clockText)")
            default: break
            }
            return f
        }
    }

    /// Entry/exit marks of several tracks flying together: marks of the same kind within `withinM` metres and
    /// `withinS` seconds of a labelled one lose their label, which then gives the time range and the count
    /// ("entry 06:52:45–06:52:48 (3 tracks)").
    public static func mergedLabels(_ marks: [Feature], withinM: Double, withinS: Double) -> [Feature] {
        var out = marks
        var clusters: [(index: Int, kind: String, point: Coordinate, first: Double, last: Double, count: Int, tracks: Set<String>)] = []
        for (i, f) in marks.enumerated() {
            guard case .point(let p)? = f.geometry, let kind = f.properties["kind"]?.stringValue,
                  let iso = f.properties["time"]?.stringValue, let t = TrackTimeParser.epochSeconds(iso), f.properties["label"] != nil else { continue }
            let track = f.properties["track_id"]?.stringValue ?? "\(i)"
            // Only marks of other tracks join: one track's re-entry a few seconds later keeps its own label.
            if let c = clusters.firstIndex(where: {
                $0.kind == kind && !$0.tracks.contains(track) && abs(t - $0.first) <= withinS
                    && Geodesic.wgs84.distance($0.point, p.coordinate) < withinM
            }) {
                clusters[c].tracks.insert(track)
                clusters[c].first = min(clusters[c].first, t)
                clusters[c].last = max(clusters[c].last, t)
                clusters[c].count += 1
                out[i].properties["label"] = nil
            } else {
                clusters.append((i, kind, p.coordinate, t, t, 1, [track]))
            }
        }
        for c in clusters where c.count > 1 {
            let word = (out[c.index].properties["label"]?.stringValue ?? "").split(separator: " ").dropLast().joined(separator: " ")
            let range = c.first == c.last ? clock(c.first, seconds: true) : "\(clock(c.first, seconds: true))–\(clock(c.last, seconds: true))"
            out[c.index].properties["label"] = .string("\(word) \(range) (\(c.count) tracks)")
        }
        return out
    }

    /// "12 min 0 s" from seconds.
    public static func duration(_ s: Double) -> String {
        let total = Int(s.rounded())
        if total < 60 { return "\(total) s" }
        let h = total / 3600, m = (total % 3600) / 60, sec = total % 60
        if h > 0 { return m > 0 ? "\(h) h \(m) min" : "\(h) h" }
        return sec > 0 ? "\(m) min \(sec) s" : "\(m) min"
    }
}
