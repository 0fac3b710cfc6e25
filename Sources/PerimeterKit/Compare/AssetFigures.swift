import GeometryCore

/// The hook between a finished comparison and the asset assessment: assesses every perimeter's assets against
/// its coverage layers and appends the region-merge, frontier-check and detection-depth figures to its table.
enum AssetFigures {
    /// Figures for one perimeter: the merge holes filled, the frontier handed to nearest neighbours, detection depth per layer
/// (its share of the line seeing beyond itself is in comparison.json's `assets`).
    static func figures(_ r: PerimeterResult, _ a: AssetAssessment?) -> [(key: String, figure: Figure)] {
        let regionInputs = [CompareGeoData.countriesFile, CompareGeoData.dniproFile, CompareGeoData.placesFile]
        let frontierInputs = regionInputs + [CoastLines.file, "allied"]
        var f: [(String, Figure)] = [
            ("region_merge_holes_filled", Figure("sliver holes filled by the merge", Double(r.region.merge.holesFilled), "count", inputs: regionInputs)),
            ("region_merge_hole_boundary", Figure("boundary of the filled holes", r.region.merge.filledBoundaryM / 1000, "km", inputs: regionInputs)),
            ("frontier_reassigned", Figure("frontier handed to the nearest neighbour (> 500 m off its outline)", r.frontier.reassignedM / 1000, "km",
                                           inputs: frontierInputs)),
        ]
        for d in a?.detection ?? [] {
            // Keys follow the altitude index (`alt1_…`) like the coverage figures, so the HTML table's altitude switch
            // applies; a layout other than the nominal one adds its name.
            guard let i = r.coverages.firstIndex(where: { $0.targetAltitudeM == d.targetAltitudeM }) else { continue }
            let key = "alt\(i + 1)_detection" + (d.layout == "nominal" ? "" : "_\(d.layout)")
            let at = " @ \(Comparison.fmt(d.targetAltitudeM)) m"
            let inputs = regionInputs + [CompareGeoData.bordersFile, "segments", "line", "profile", "range_km", "radar_height_m",
                                         "target_alt_m", "standoff_km", "half_width_km", "tolerance_m"]
            f += [
                ("\(key)_median", Figure("detection depth beyond the forward line, median\(at)", d.depth.medianM / 1000, "km", inputs: inputs)),
                ("\(key)_max", Figure("detection depth beyond the forward line, max\(at)", d.depth.maxM / 1000, "km", inputs: inputs)),
            ]
        }
        return f.map { (key: $0.0, figure: $0.1) }
    }
}
