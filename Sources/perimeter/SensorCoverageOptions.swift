import ArgumentParser
import Foundation
import GeoJSON
import PerimeterKit

/// `incursions --coverage POLYGONS` or `--sites SITES --profile NAME`: what tracks are timed against
/// for first detection, time covered and warning time.
struct SensorCoverageOptions: ParsableArguments {
    @Option(help: "Coverage GeoJSON (output of `perimeter coverage`/`compare`): its coverage_union feature(s), else all polygons; the same at every altitude.")
    var coverage: String?

    @Option(help: ArgumentHelp("Sensor sites (GeoJSON Points; range_km per site, else the profile's): a fix is covered within min(R, radar horizon(H, fix altitude)) of a site.", valueName: "file.geojson"))
    var sites: String?

    @Option(help: ArgumentHelp("With --sites: system profile from GeoData/profiles.json (range and radar height; default patriot-pac2).", valueName: "name"))
    var profile: String?

    @Option(name: .customLong("profile-file"), help: ArgumentHelp("With --sites: JSON file of profiles {\"profiles\": [...]} to read instead.", valueName: "file"))
    var profileFile: String?

    @Option(name: .customLong("radar-height-m"), parsing: .unconditional, help: ArgumentHelp("With --sites: radar antenna height H, m, replacing the profile's.", valueName: "m"))
    var radarHeightM: Double?

    @Option(name: .customLong("target-alt-m"), parsing: .unconditional, help: ArgumentHelp("With --sites: altitude of fixes that have none, m above ground (stated in the output; default 100). Also the altitude of the coverage drawn on maps.", valueName: "m"))
    var targetAltM: Double?

    static let defaultTargetAltM = 100.0

    func validate() throws {
        if coverage != nil && sites != nil { throw ValidationError("give either --coverage POLYGONS or --sites SITES, not both") }
        if sites == nil {
            if profile != nil || profileFile != nil || radarHeightM != nil || targetAltM != nil {
                throw ValidationError("--profile, --profile-file, --radar-height-m and --target-alt-m need --sites SITES.geojson")
            }
        }
        if let h = radarHeightM, !(h.isFinite && h >= 0) { throw FlagError("--radar-height-m must be ≥ 0, got \(FlagNumber.plain(h))") }
        if let a = targetAltM, !(a.isFinite && a >= 0) { throw FlagError("--target-alt-m must be ≥ 0 m, got \(FlagNumber.plain(a))") }
    }

    /// The coverage model and a line saying what it is, or nil without --coverage/--sites.
    func model(geodata: String?, maxGapS: Double) throws -> (coverage: TrackCoverage, statement: String, drawn: SensorCoverageDrawing)? {
        if let coverage {
            let fc = try GeoJSONReader.read(contentsOf: coverage)
            let isUnion: (Feature) -> Bool = { $0.properties["layer"]?.stringValue == "coverage_union" }
            let hasUnion = fc.features.contains(where: isUnion)
            let polygon = try AirspacePolygon.coverage(file: coverage, select: hasUnion ? isUnion : nil)
            let finder = try IncursionFinder(airspace: polygon, maxGapS: maxGapS, measuresPenetration: false)
            let features = (hasUnion ? fc.features.filter(isUnion) : fc.features).filter {
                switch $0.geometry { case .polygon?, .multiPolygon?: true; default: false }
            }
            return (.polygons([finder]), "coverage: polygons of \(coverage) (the same at every altitude)",
                    SensorCoverageDrawing(features: features, finders: [finder], label: "Coverage"))
        }
        guard let sites else { return nil }
        let dir = try GeoDataLocator.directory(explicit: geodata)
        let profilePath = profileFile ?? GeoDataLocator.file("profiles.json", in: dir)
        let name = profile ?? "patriot-pac2"
        var system = try SystemProfileCatalog(contentsOf: profilePath).profile(named: name)
        if let h = radarHeightM { system.radarHeightM = h }
        let siteList = try SiteReader.read(contentsOf: sites, defaultRangeKm: system.rangeKm)
        let targetAlt = targetAltM ?? Self.defaultTargetAltM
        let model = SiteCoverage(sites: siteList, radarHeightM: system.radarHeightM, defaultTargetAltitudeM: targetAlt)
        let statement = "coverage: \(Plural.counted(siteList.count, "site")) of \(sites), profile \(name) (range \(FlagNumber.plain(system.rangeKm)) km unless range_km), "
            + "radar height \(FlagNumber.plain(system.radarHeightM)) m\(radarHeightM != nil ? " (--radar-height-m)" : ""); "
            + "covered within min(R, horizon(H, fix altitude)), horizon √(2kRe·H)+√(2kRe·h), k = 4/3; "
            + "fixes without altitude at \(FlagNumber.plain(targetAlt)) m (--target-alt-m)"
        // Drawn: the coverage at the default target altitude.
        let drawnSites = siteList.map { s in Site(id: s.id, position: s.position, rangeM: model.radiusM(of: s, altitudeM: targetAlt), properties: s.properties) }
        let union = try Coverage.build(sites: drawnSites).features(includeCircles: false)
        let polygon = try AirspaceLoader.airspace(union[0].geometry!, name: "coverage", source: sites)
        let finder = try IncursionFinder(airspace: polygon, maxGapS: maxGapS, measuresPenetration: false)
        return (.sites(model), statement,
                SensorCoverageDrawing(features: union, finders: [finder], label: "Coverage at \(FlagNumber.plain(targetAlt)) m"))
    }
}

/// Coverage as drawn on maps: polygons, finders for the time slider's in-coverage state, a legend label.
struct SensorCoverageDrawing {
    var features: [Feature]
    var finders: [IncursionFinder]
    var label: String
}

extension AirspacePolygon {
    /// The coverage polygons of a GeoJSON file (other geometries ignored).
    static func coverage(file: String, select: ((Feature) -> Bool)?) throws -> AirspacePolygon {
        try AirspaceLoader.polygon(file: file, name: "coverage", select: select, allowOtherGeometries: true)
    }
}
