import ArgumentParser
import Foundation
import PerimeterKit

/// `perimeter compare`: the Polish-border line versus a Dnipro River perimeter.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "The Polish-border perimeter against a Dnipro River perimeter.",
        discussion: """
            For each forward line: the protected region, its exposed frontier per neighbour, a continuous belt \
            per target altitude and system, the nominal sites along a line offset by the standoff (spacing \
            2·√(R²−w²)), geodesic coverage per target altitude with \
            radius min(R, radar horizon), the uncovered gaps of the line, and the warning depth back to the \
            Poland–Ukraine border with warning times at threat speeds. Writes one GeoJSON per layer, \
            comparison.json and comparison.md into --out, and prints the table.

            A --line forward line protects Poland. Circles are drawn with a 10 m chord error by default \
            (--tolerance-m, as in every command): areas to better than 0.01% at these radii.

            The headline is the continuous belt: per target altitude, the fewest sites on friendly ground at \
            the standoff whose circles of radius min(R, radar horizon) cover the whole forward line, with \
            their notional cost (sites × the profile's cost per fire unit). The nominal-range layout stays \
            as a labelled variant. Where a continuous belt is impossible (radius or half-width below the \
            standoff, a region too narrow, a standoff deeper than the region) a warning with the uncovered \
            length goes to stderr, comparison.json and comparison.md.

            Default profile patriot-pac2: the long-range system Poland fields (Wisła) and the one the \
            Dnipro proposal is about; pick another with --profile, or repeat --profile for a layered \
            defence (a belt per system, and the layers combined).
            """)

    @Option(name: .customLong("perimeter"), help: "Perimeter to compare: polish-border or dnipro (repeatable; default both).")
    var perimeters: [String] = []

    @Option(help: "Segments of Poland's eastern border, comma-separated: ua, by, ru.")
    var segments: String = "ua"

    @Option(name: .customLong("line"), help: "GeoJSON file with one LineString forward line (repeatable).")
    var lines: [String] = []

    @Option(name: .customLong("profile"),
            help: "System profile name from GeoData/profiles.json (or --profile-file); repeat for a layered defence (default patriot-pac2).")
    var profiles: [String] = []

    @Option(name: .customLong("profile-file"), help: "JSON file of profiles {\"profiles\": [...]} to read instead.")
    var profileFile: String?

    @Option(name: .customLong("range-km"), parsing: .unconditional,
            help: ArgumentHelp("Range R of every site, km, replacing the profile's (stated in comparison.json).", valueName: "km"))
    var rangeKm: Double?

    @Option(name: .customLong("radar-height-m"), parsing: .unconditional, help: "Override the profile's radar antenna height, m.")
    var radarHeightM: Double?

    @Option(name: .customLong("half-width-km"), parsing: .unconditional, help: "Belt half-width w, km (< R; default R/2).")
    var halfWidthKm: Double?

    @Option(name: .customLong("standoff-km"), parsing: .unconditional, help: "Standoff d of the site line behind the forward line, km.")
    var standoffKm: Double = 20

    @Option(name: .customLong("target-alt-m"), parsing: .unconditionalSingleValue, help: "Target altitude above ground, m (repeatable; default 100).")
    var targetAltM: [Double] = []

    @Option(name: .customLong("threat-speed-kmh"), parsing: .unconditionalSingleValue, help: "Threat speed, km/h (repeatable; default 185, 800, 950).")
    var threatSpeedKmh: [Double] = []

    @Option(help: "Allied country codes, comma-separated (default NATO: PL,LT,LV,EE,FI,RO,SK,HU,DE,CZ,BG).")
    var allied: String?

    @Option(name: .customLong("tolerance-m"), parsing: .unconditional, help: SharedFlags.toleranceHelp)
    var toleranceM: Double = SharedFlags.defaultToleranceM

    @Option(help: "Output directory.")
    var out: String = "out/compare"

    @Option(help: SharedFlags.geodataHelp)
    var geodata: String?

    @Flag(help: SharedFlags.quietHelp)
    var quiet = false

    @OptionGroup(title: "Tracks (engagement before NATO entry)") var trackInput: TrackInputOptions
    @OptionGroup(title: "Map") var mapOptions: MapOptions
    @OptionGroup(title: "Interactive map") var htmlMap: HTMLMapOptions

    var segmentList: [String] { segments.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }

    func validate() throws {
        if let r = rangeKm { try SharedFlags.check(r, "--range-km", unit: "km") }
        if let h = radarHeightM, !(h.isFinite && h >= 0) { throw FlagError("--radar-height-m must be ≥ 0, got \(h)") }
        if let w = halfWidthKm {
            guard w.isFinite, w >= 0 else { throw FlagError("--half-width-km must be ≥ 0, got \(w)") }
            if let r = rangeKm, w >= r { throw FlagError("--half-width-km (\(w)) must be smaller than --range-km (\(r))") }
        }
        guard standoffKm.isFinite, standoffKm >= 0 else { throw FlagError("--standoff-km must be ≥ 0, got \(standoffKm)") }
        try SharedFlags.check(toleranceM, "--tolerance-m", unit: "metres")
        for a in targetAltM where !(a.isFinite && a >= 0) { throw FlagError("--target-alt-m must be ≥ 0 m, got \(a)") }
        for s in threatSpeedKmh where !(s.isFinite && s > 0) { throw FlagError("--threat-speed-kmh must be positive, got \(s)") }
        for s in segmentList where !["ua", "by", "ru"].contains(s) {
            throw FlagError("unknown segment '\(s)' in --segments; known: ua, by, ru")
        }
        for p in perimeters where !ComparisonInputs.knownPerimeters.contains(p) {
            throw FlagError("unknown perimeter '\(p)'; known: polish-border, dnipro")
        }
        for l in lines { _ = try Self.checkedLine(l) }
        if profiles.count > 1 {
            if rangeKm != nil { throw FlagError("--range-km applies to one system: give it with a single --profile") }
            if radarHeightM != nil { throw FlagError("--radar-height-m applies to one system: give it with a single --profile") }
            if let twice = profiles.first(where: { p in profiles.filter { $0 == p }.count > 1 }) {
                throw FlagError("--profile \(twice) is given twice")
            }
        }
    }

    /// Reads a `--line` file now so a non-LineString is a one-line validation error.
    static func checkedLine(_ path: String) throws -> DefenseLine {
        do { return try DefenseLine.user(path: path) } catch { throw FlagError("--line \(error)") }
    }

    func run() throws {
        let geoDir = try GeoDataLocator.directory(explicit: geodata)
        let inputs = try comparisonInputs(geodata: geoDir)
        let progress = ProgressReporter(label: "compare", quiet: quiet)
        let comparison = try Comparison.run(inputs, progress: progress.sink)
        progress.finish(done: comparison.perimeters.count, total: comparison.perimeters.count,
                        unit: comparison.perimeters.count == 1 ? "perimeter" : "perimeters")
        let report = ComparisonReport(comparison)
        try report.write(to: out)
        // Warnings are never silent: stderr (also with --quiet), comparison.json and comparison.md. Written once the
        // outputs are, so a failure stays the one line naming it.
        for w in comparison.warnings { FileHandle.standardError.write(Data("warning: \(w.message)\n".utf8)) }
        print(report.text(), terminator: "")
        print("written to \(out)/: \(report.layerFileNames.joined(separator: ", ")), comparison.json, comparison.md")
        try mapOptions.write({ try report.mapLayers() }, geodata: geoDir, title: report.mapTitle)
        try htmlMap.writeComparison(report, geodata: geoDir, title: report.mapTitle)
    }

    /// The flags as the domain's inputs: the profiles (the first is the primary system, flags override its
    /// range and radar height, stated in its source), lines, standoff, altitudes, threat speeds, allies, tracks.
    func comparisonInputs(geodata geoDir: String) throws -> ComparisonInputs {
        let profilePath = profileFile ?? GeoDataLocator.file("profiles.json", in: geoDir)
        let catalog = try SystemProfileCatalog(contentsOf: profilePath)
        let names = profiles.isEmpty ? ["patriot-pac2"] : profiles
        var system = try catalog.profile(named: names[0])
        var source = "\(profilePath) profile \(names[0])"
        if let r = rangeKm { system.rangeKm = r; source += "; range overridden by --range-km" }
        if let h = radarHeightM { system.radarHeightM = h; source += "; radar height overridden by --radar-height-m" }
        var inputs = ComparisonInputs(profile: system, profileSource: source, geoDataDirectory: geoDir, halfWidthKm: halfWidthKm)
        inputs.additionalProfiles = try names.dropFirst().map { try catalog.profile(named: $0) }
        inputs.perimeters = perimeters.isEmpty ? (lines.isEmpty ? ComparisonInputs.knownPerimeters : []) : perimeters
        inputs.segments = segmentList
        inputs.userLines = lines
        inputs.standoffKm = standoffKm
        if !targetAltM.isEmpty { inputs.targetAltitudesM = targetAltM }
        inputs.toleranceM = toleranceM
        inputs.tracks = try trackInput.input(geodata: geoDir)
        if !threatSpeedKmh.isEmpty {
            inputs.threatSpeeds = threatSpeedKmh.map { v in
                ThreatSpeed.defaults.first { $0.kmh == v } ?? ThreatSpeed(label: "\(v) km/h", kmh: v, source: "--threat-speed-kmh")
            }
        }
        if let allied {
            inputs.allied = allied.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        }
        return inputs
    }
}
