import GeoJSON

/// Every parameter of a perimeter comparison (the `perimeter compare` flags), with defaults.
public struct ComparisonInputs: Sendable {
    /// Perimeters to compare: `polish-border`, `dnipro` (user lines come from `userLines`).
    public var perimeters: [String] = ["polish-border", "dnipro"]
    /// Segments of the Polish eastern border: `ua`, `by`, `ru`.
    public var segments: [String] = ["ua"]
    /// Paths of GeoJSON files, each holding one LineString forward line.
    public var userLines: [String] = []
    /// The system profile (range, radar height), after `--range-km`/`--radar-height-m` overrides.
    public var profile: SystemProfile
    /// Where the profile came from (`GeoData/profiles.json`, a user file) and overrides applied.
    public var profileSource: String
    /// Further systems of a layered defence (`--profile` repeated): each gets its own continuous belt
    /// per altitude; the nominal layout is the primary `profile`'s only.
    public var additionalProfiles: [SystemProfile] = []
    /// Every system, the primary first: the layers of the defence.
    public var layers: [SystemProfile] { [profile] + additionalProfiles }
    /// Belt half-width w, km (< range).
    public var halfWidthKm: Double
    /// Standoff d behind the forward line, km.
    public var standoffKm: Double = 20
    /// Target altitudes above ground, metres: one coverage per altitude.
    public var targetAltitudesM: [Double] = [100]
    /// Chord-to-arc tolerance of the coverage circles, metres.
    public var toleranceM: Double = 10
    public var threatSpeeds: [ThreatSpeed] = ThreatSpeed.defaults
    /// Allied country codes (their borders are not exposed).
    public var allied: [String] = ComparisonInputs.natoNeighbours
    /// The GeoData directory.
    public var geoDataDirectory: String
    /// Tracks to check for engagement before NATO entry (`--tracks`/`--scenario`), if any.
    public var tracks: EngagementTracks?

    /// NATO members among the countries GeoData ships or is adding.
    public static let natoNeighbours = ["PL", "LT", "LV", "EE", "FI", "RO", "SK", "HU", "DE", "CZ", "BG"]
    public static let knownPerimeters = ["polish-border", "dnipro"]

    public init(profile: SystemProfile, profileSource: String, geoDataDirectory: String, halfWidthKm: Double? = nil) {
        self.profile = profile
        self.profileSource = profileSource
        self.geoDataDirectory = geoDataDirectory
        self.halfWidthKm = halfWidthKm ?? profile.rangeKm / 2
    }

    /// Checks every figure; throws a one-line `DomainError`.
    public func validate() throws {
        func positive(_ v: Double, _ flag: String) throws {
            guard v.isFinite, v > 0 else { throw DomainError.invalidParameter("\(flag) must be a positive number, got \(v)") }
        }
        try positive(profile.rangeKm, "--range-km")
        for p in additionalProfiles {
            guard p.rangeKm.isFinite, p.rangeKm > 0, p.radarHeightM.isFinite, p.radarHeightM >= 0 else {
                throw DomainError.invalidParameter("profile '\(p.name)': range must be > 0 and radar height ≥ 0")
            }
        }
        guard profile.radarHeightM.isFinite, profile.radarHeightM >= 0 else {
            throw DomainError.invalidParameter("--radar-height-m must be ≥ 0, got \(profile.radarHeightM)")
        }
        guard halfWidthKm.isFinite, halfWidthKm >= 0 else { throw DomainError.invalidParameter("--half-width-km must be ≥ 0, got \(halfWidthKm)") }
        guard halfWidthKm < profile.rangeKm else {
            throw DomainError.invalidParameter("--half-width-km (\(halfWidthKm)) must be smaller than the range (\(profile.rangeKm) km)")
        }
        guard standoffKm.isFinite, standoffKm >= 0 else { throw DomainError.invalidParameter("--standoff-km must be ≥ 0, got \(standoffKm)") }
        guard !targetAltitudesM.isEmpty else { throw DomainError.invalidParameter("--target-alt-m needs at least one altitude") }
        for a in targetAltitudesM where !(a.isFinite && a >= 0) { throw DomainError.invalidParameter("--target-alt-m must be ≥ 0 m, got \(a)") }
        try positive(toleranceM, "--tolerance-m")
        for s in threatSpeeds { try positive(s.kmh, "--threat-speed-kmh") }
        for s in segments where DefenseLine.polishBorderSegments[s.lowercased()] == nil {
            throw DomainError.unknownName(kind: "segment", name: s, known: ["ua", "by", "ru"])
        }
        for p in perimeters where !Self.knownPerimeters.contains(p) {
            throw DomainError.unknownName(kind: "perimeter", name: p, known: Self.knownPerimeters)
        }
        guard !perimeters.isEmpty || !userLines.isEmpty else { throw DomainError.invalidParameter("nothing to compare: no perimeter and no --line") }
    }

    /// The `inputs` block of comparison.json: every parameter, with units.
    public func json(geoDataFiles: [String]) -> JSONObject {
        func q(_ v: Double, _ unit: String) -> JSONValue { .object(["value": .number(v), "unit": .string(unit)]) }
        var o = JSONObject()
        o["perimeters"] = .array(perimeters.map { .string($0) })
        o["segments"] = .array(segments.map { .string($0) })
        o["line"] = .array(userLines.map { .string($0) })
        o["profile"] = .object([
            "name": .string(profile.name), "title": .string(profile.title), "source": .string(profileSource),
            "range_source": .string(profile.rangeSource), "radar_height_source": .string(profile.radarHeightSource)])
        o["layers"] = .array(layers.map { p in
            var l: JSONObject = ["name": .string(p.name), "title": .string(p.title), "range_km": q(p.rangeKm, "km"),
                                 "radar_height_m": q(p.radarHeightM, "m"), "range_source": .string(p.rangeSource),
                                 "radar_height_source": .string(p.radarHeightSource)]
            l["cost_per_fire_unit"] = p.cost.map { c in
                .object(["value": .number(c.usdMillion), "low": .number(c.lowUSDMillion), "high": .number(c.highUSDMillion),
                         "unit": "USD M", "basis": .string(c.basis), "source": .string(c.source)])
            } ?? .null
            return .object(l)
        })
        o["range_km"] = q(profile.rangeKm, "km")
        o["radar_height_m"] = q(profile.radarHeightM, "m")
        o["half_width_km"] = q(halfWidthKm, "km")
        o["standoff_km"] = q(standoffKm, "km")
        o["target_alt_m"] = .array(targetAltitudesM.map { q($0, "m") })
        o["tolerance_m"] = q(toleranceM, "m")
        o["threat_speed_kmh"] = .array(threatSpeeds.map {
            .object(["label": .string($0.label), "value": .number($0.kmh), "unit": .string("km/h"), "source": .string($0.source)])
        })
        o["allied"] = .array(allied.map { .string($0) })
        o["radar_horizon_k"] = q(RadarHorizon.standardRefractionK, "1")
        o["earth_radius_m"] = q(RadarHorizon.meanEarthRadiusM, "m")
        o["warning_depth_sample_spacing_m"] = q(1000, "m")
        o["frontier_adjacency_m"] = q(ExposedFrontier.adjacencyM, "m")
        if let t = tracks {
            o["tracks"] = .object(["file": .string(t.file), "format": .string(t.format.rawValue),
                                   "scenario": t.scenario.map { .string($0) } ?? .null,
                                   "sort": .bool(t.options.sortByTime), "skip_invalid": .bool(t.options.skipInvalid)])
        }
        o["geodata"] = .object(["directory": .string(geoDataDirectory), "files": .array(geoDataFiles.map { .string($0) })])
        return o
    }
}
