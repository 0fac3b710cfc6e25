/// The reported figures of one perimeter, each with its unit and the inputs that produced it, in
/// report order: line, region, frontier, nominal layout, then per target altitude the continuous
/// belt of each system (the headline), the layers combined, and the nominal layout's coverage and
/// gaps; warning depth and times last.
enum ComparisonFigures {
    static func figures(_ r: PerimeterResult, inputs: ComparisonInputs, isDnipro: Bool) -> [(key: String, figure: Figure)] {
        let lineInputs: [String] = isDnipro ? [CompareGeoData.dniproFile]
            : r.line.name == "polish-border" ? [CompareGeoData.bordersFile, "segments"] : ["line"]
        let regionInputs = [CompareGeoData.countriesFile] + (isDnipro ? [CompareGeoData.dniproFile, CompareGeoData.placesFile] : [])
        let layoutInputs = lineInputs + regionInputs + ["profile", "range_km", "half_width_km", "standoff_km"]
        var f: [(String, Figure)] = [
            ("line_length", Figure("forward line length", r.line.lengthM / 1000, "km", inputs: lineInputs)),
            ("region_area", Figure("protected region area", r.region.areaM2 / 1e6, "km2", inputs: regionInputs)),
            ("frontier_length", Figure("region boundary length", r.frontier.boundaryLengthM / 1000, "km", inputs: regionInputs)),
            ("frontier_exposed", Figure("exposed frontier (non-allied + sea)", r.frontier.exposedLengthM / 1000, "km",
                                        inputs: regionInputs + ["allied"])),
        ]
        for s in r.frontier.segments {
            f.append(("frontier_\(s.neighbour)", Figure("  facing \(s.neighbour)\(s.exposed ? " (exposed)" : s.facing == .inland ? " (not exposed)" : " (allied)")",
                                                        s.lengthM / 1000, "km", inputs: regionInputs + ["allied"])))
        }
        f += [
            ("site_line_length", Figure("site line length (offset by standoff)", r.layout.lineLengthM / 1000, "km",
                                        inputs: lineInputs + regionInputs + ["standoff_km"])),
            ("site_line_friendly", Figure("site line on friendly ground", r.friendlySharePct, "pct",
                                          inputs: lineInputs + regionInputs + ["standoff_km"])),
            ("site_spacing", Figure("nominal layout: spacing s = 2√(R²−w²)", r.layout.belt.spacingM / 1000, "km",
                                    inputs: ["profile", "range_km", "half_width_km"])),
            ("site_count", Figure("nominal layout: sites", Double(r.layout.allSites.count), "count", inputs: layoutInputs)),
            ("offset_projection_scale_error", Figure("offset projection max scale error", r.layout.projectionMaxScaleErrorPct, "pct",
                                                     inputs: lineInputs + [CompareGeoData.bordersFile])),
        ]
        if let cost = inputs.profile.cost {
            f.append(("site_cost", Figure("nominal layout: cost (sites × \(money(cost.usdMillion)))",
                                          Double(r.layout.allSites.count) * cost.usdMillion, "USD M", inputs: layoutInputs)))
        }
        let covInputs = layoutInputs + ["radar_height_m", "target_alt_m", "tolerance_m"]
        for (i, c) in r.coverages.enumerated() {
            let a = "alt\(i + 1)", at = " @ \(Comparison.fmt(c.targetAltitudeM)) m"
            f += [
                ("\(a)_target_altitude", Figure("target altitude\(at)", c.targetAltitudeM, "m", inputs: ["target_alt_m"])),
                ("\(a)_radius", Figure("effective radius min(R, horizon)\(at)", c.radiusM / 1000, "km",
                                       inputs: ["profile", "range_km", "radar_height_m", "target_alt_m"])),
            ]
            f += beltFigures(r, altitude: i, inputs: inputs, lineInputs: lineInputs, regionInputs: regionInputs)
            let share = r.region.areaM2 > 0 ? 100 * c.regionCoveredM2 / r.region.areaM2 : 0
            f += [
                ("\(a)_coverage_area", Figure("nominal layout: covered area\(at)", c.coverage.areaM2 / 1e6, "km2", inputs: covInputs)),
                ("\(a)_line_covered", Figure("nominal layout: forward line covered\(at)", c.ofLine.sharePct, "pct", inputs: covInputs + lineInputs)),
                ("\(a)_region_covered", Figure("nominal layout: region covered\(at)", share, "pct", inputs: covInputs + regionInputs)),
                ("\(a)_gap_count", Figure("nominal layout: gaps on the line\(at)", Double(c.ofLine.gaps.count), "count", inputs: covInputs)),
                ("\(a)_gap_length", Figure("nominal layout: total gap length\(at)", c.ofLine.gapLengthM / 1000, "km", inputs: covInputs)),
                ("\(a)_largest_gap", Figure("nominal layout: largest gap\(at)", (c.ofLine.gaps.first?.lengthM ?? 0) / 1000, "km", inputs: covInputs)),
            ]
        }
        let depthInputs = lineInputs + [CompareGeoData.bordersFile]
        f += [
            ("warning_depth_min", Figure("depth to PL-UA border, min", r.depth.minM / 1000, "km", inputs: depthInputs)),
            ("warning_depth_median", Figure("depth to PL-UA border, median", r.depth.medianM / 1000, "km", inputs: depthInputs)),
            ("warning_depth_max", Figure("depth to PL-UA border, max", r.depth.maxM / 1000, "km", inputs: depthInputs)),
        ]
        for (i, s) in inputs.threatSpeeds.enumerated() {
            let t = "threat\(i + 1)", at = " @ \(Comparison.fmt(s.kmh)) km/h"
            f += [
                ("\(t)_speed", Figure("threat speed \(i + 1) (\(s.label))", s.kmh, "km/h", inputs: ["threat_speed_kmh"])),
                ("\(t)_warning_min", Figure("warning time, min\(at)", s.minutes(forM: r.depth.minM), "min", inputs: depthInputs + ["threat_speed_kmh"])),
                ("\(t)_warning_median", Figure("warning time, median\(at)", s.minutes(forM: r.depth.medianM), "min", inputs: depthInputs + ["threat_speed_kmh"])),
                ("\(t)_warning_max", Figure("warning time, max\(at)", s.minutes(forM: r.depth.maxM), "min", inputs: depthInputs + ["threat_speed_kmh"])),
            ]
        }
        return f.map { (key: $0.0, figure: $0.1) }
    }

    /// The key stem of a belt figure: `belt` for the primary system, `belt_<profile>` for further layers.
    static func beltStem(_ b: ContinuousBelt) -> String { b.layer == 0 ? "belt" : "belt_\(b.profile.name)" }

    /// The continuous belt of every layer at altitude index `i`, then the layers combined.
    static func beltFigures(_ r: PerimeterResult, altitude i: Int, inputs: ComparisonInputs, lineInputs: [String],
                            regionInputs: [String]) -> [(String, Figure)] {
        let alt = r.coverages[i].targetAltitudeM
        let a = "alt\(i + 1)", at = " @ \(Comparison.fmt(alt)) m"
        var f: [(String, Figure)] = []
        let belts = r.belts(atAltitude: alt)
        for b in belts {
            let key = "\(a)_\(beltStem(b))", who = b.layer == 0 ? "belt" : "belt \(b.profile.name)"
            let system: [String] = b.layer == 0 ? ["profile", "range_km", "radar_height_m"] : ["layers"]
            let inputsOf = lineInputs + regionInputs + system + ["target_alt_m", "standoff_km", "tolerance_m"]
            let share = r.region.areaM2 > 0 ? 100 * b.coverage.regionCoveredM2 / r.region.areaM2 : 0
            if b.layer > 0 {
                f.append(("\(key)_radius", Figure("\(who): effective radius\(at)", b.radiusM / 1000, "km", inputs: system + ["target_alt_m"])))
            }
            f += [
                ("\(key)_sites", Figure("\(who): sites for a continuous line\(at)", Double(b.sites.count), "count", inputs: inputsOf)),
                ("\(key)_spacing_mean", Figure("\(who): mean site spacing\(at)", b.meanSpacingM / 1000, "km", inputs: inputsOf)),
                ("\(key)_spacing_max", Figure("\(who): largest site spacing\(at)", b.maxSpacingM / 1000, "km", inputs: inputsOf)),
                ("\(key)_line_covered", Figure("\(who): forward line covered\(at)", b.coverage.ofLine.sharePct, "pct", inputs: inputsOf)),
                ("\(key)_line_unreachable", Figure("\(who): line out of reach of friendly sites\(at)", b.unreachableM / 1000, "km",
                                                   inputs: inputsOf)),
                ("\(key)_region_covered", Figure("\(who): region covered\(at)", share, "pct", inputs: inputsOf)),
            ]
            if let cost = b.profile.cost {
                f.append(("\(key)_cost", Figure("\(who): cost, sites × \(money(cost.usdMillion))\(at)", b.costUSDMillion ?? 0, "USD M",
                                                inputs: inputsOf)))
            }
        }
        if belts.count > 1 {
            let inputsOf = lineInputs + regionInputs + ["profile", "range_km", "radar_height_m", "layers", "target_alt_m", "standoff_km", "tolerance_m"]
            f.append(("\(a)_layers_sites", Figure("all layers: sites\(at)", Double(belts.reduce(0) { $0 + $1.sites.count }), "count",
                                                  inputs: inputsOf)))
            if belts.allSatisfy({ $0.costUSDMillion != nil }) {
                f.append(("\(a)_layers_cost", Figure("all layers: cost\(at)", belts.reduce(0) { $0 + ($1.costUSDMillion ?? 0) }, "USD M",
                                                     inputs: inputsOf)))
            }
            if i < r.layeredRegionCoveredM2.count {
                let share = r.region.areaM2 > 0 ? 100 * r.layeredRegionCoveredM2[i] / r.region.areaM2 : 0
                f.append(("\(a)_layers_region_covered", Figure("all layers: region covered\(at)", share, "pct", inputs: inputsOf)))
            }
        }
        return f
    }

    /// `USD 1,100 M`, `USD 171 M`.
    static func money(_ usdMillion: Double) -> String {
        let n = Int(usdMillion.rounded())
        var digits = String(n), out = ""
        while digits.count > 3 { out = "," + digits.suffix(3) + out; digits.removeLast(3) }
        return "USD \(digits)\(out) M"
    }
}
