/// The engagement rows of the comparison table (added to each perimeter's figures): tracks
/// checked, tracks reaching NATO airspace, and per target altitude the tracks engaged before NATO
/// entry and the median time they spent inside coverage before it.
public enum EngagementFigures {
    /// Inputs every engagement figure depends on (keys of comparison.json's `inputs`).
    static let inputs = ["tracks", "allied", CompareGeoData.countriesFile]
    static let coverageInputs = ["profile", "range_km", "radar_height_m", "standoff_km", "target_alt_m", "tolerance_m"]

    /// The figures of `perimeter` (empty when it has no run).
    public static func figures(_ e: Engagements, perimeter: String) -> [(key: String, figure: Figure)] {
        let runs = e.runs.filter { $0.perimeter == perimeter }
        guard let first = runs.first else { return [] }
        var f: [(key: String, figure: Figure)] = [
            ("tracks", Figure("tracks checked", Double(first.tracks.count), "count", inputs: ["tracks"])),
            ("tracks_reaching_nato", Figure("tracks reaching NATO airspace", Double(first.reachingNATO), "count", inputs: inputs)),
        ]
        for (i, r) in runs.enumerated() {
            let a = "alt\(i + 1)", at = " @ \(Comparison.fmt(r.targetAltitudeM)) m"
            f.append(("\(a)_tracks_engaged", Figure("tracks engaged before NATO entry\(at)", Double(r.engagedBeforeEntry), "count",
                                                    inputs: inputs + coverageInputs)))
            if let m = r.medianTimeBeforeEntryS {
                f.append(("\(a)_engaged_time_median", Figure("median time in coverage before entry\(at)", m / 60, "min",
                                                             inputs: inputs + coverageInputs)))
            }
        }
        return f
    }
}
