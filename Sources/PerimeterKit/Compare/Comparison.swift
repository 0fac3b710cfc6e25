import Foundation
import GeoJSON
import GeometryCore

/// The perimeter comparison: for each forward line (the Polish border, the Dnipro,
/// user lines) the protected region, exposed frontier, a continuous belt per system and target
/// altitude (the headline), the nominal-range layout as a labelled variant with its coverage and gaps,
/// and the warning depth, each figure with its unit and inputs.
public struct Comparison: Sendable {
    public var inputs: ComparisonInputs
    public var perimeters: [PerimeterResult]
    /// Ukraine split by the Dnipro (present when the `dnipro` perimeter was compared).
    public var ukraineSplit: UkraineSplit?
    /// GeoData files read.
    public var geoDataFiles: [String]
    /// Caveats that apply to this run (missing countries, approximations, sites moved onto friendly ground).
    public var notes: [String]
    /// Where the geometry makes what was asked impossible (a belt that cannot be continuous, a nominal
    /// belt that misses the forward line), each with a figure. Printed on stderr and in the reports.
    public var warnings: [ComparisonWarning]
    /// Tracks against each perimeter's coverage before NATO entry (with `inputs.tracks`).
    public var engagements: Engagements?
    /// The protected assets against each perimeter (empty when GeoData has no assets.geojson).
    public var assets: [AssetAssessment] = []

    /// Runs the comparison as named steps. `progress` gets one step per perimeter stage.
    public static func run(_ inputs: ComparisonInputs, progress: ProgressSink? = nil) throws -> Comparison {
        let setup = try ComparisonSetup.prepare(inputs)
        var steps = StepCounter(total: setup.lines.count * (4 + inputs.targetAltitudesM.count * (1 + inputs.layers.count)), progress: progress)
        var results: [PerimeterResult] = []
        for line in setup.lines {
            results.append(try PerimeterRun(line: line, setup: setup).run(steps: &steps))
        }
        let engagements = try Self.engagements(of: &results, inputs: inputs, geo: setup.geo)
        var comparison = Comparison(inputs: inputs, perimeters: results, ukraineSplit: setup.split, geoDataFiles: setup.geo.files,
                                    notes: setup.notes + results.flatMap(\.notes), warnings: results.flatMap(\.warnings),
                                    engagements: engagements)
        try comparison.assessAssets(setup)
        return comparison
    }

    /// The protected assets against every perimeter's layouts; adds their figures to each perimeter's table.
    mutating func assessAssets(_ setup: ComparisonSetup) throws {
        assets = try AssetFigures.assess(self, assets: setup.geo.assets, context: setup.context)
        for k in perimeters.indices {
            perimeters[k].figures += AssetFigures.figures(perimeters[k], assets.first { $0.perimeter == perimeters[k].line.name })
        }
    }

    /// Tracks against every perimeter's continuous belt (primary system) per altitude (with `inputs.tracks`),
    /// altitude-aware: a fix is covered within min(R, horizon(H, its altitude)) of a belt site, fixes without
    /// altitude flying at the belt's target altitude; adds their figures.
    static func engagements(of results: inout [PerimeterResult], inputs: ComparisonInputs, geo: CompareGeoData) throws -> Engagements? {
        guard let tracks = inputs.tracks else { return nil }
        let (airspace, airspaceNotes) = try EngagementAirspace.load(allied: inputs.allied, geoData: geo)
        let system = inputs.profile
        let models = results.flatMap { r in
            r.belts.filter { $0.layer == 0 }.map { belt in
                let sites = belt.sites.enumerated().map { k, s in
                    Site(id: "\(r.line.name)-belt-\(k + 1)", position: s.position, rangeM: system.rangeKm * 1000)
                }
                return (perimeter: r.line.name, targetAltitudeM: belt.targetAltitudeM,
                        sites: SiteCoverage(sites: sites, radarHeightM: system.radarHeightM, defaultTargetAltitudeM: belt.targetAltitudeM))
            }
        }
        var e = try Engagements.compute(sites: models, tracks: tracks, airspace: airspace,
                                        notes: airspaceNotes + ["Engagements are against each perimeter's continuous belt (\(system.name)) per target altitude."])
        let withoutAltitude = e.runs.first?.tracksAtDefaultAltitude ?? 0
        e.notes.append("Engagement coverage follows each fix's altitude: covered within min(R, horizon(H, fix altitude)) of a belt site, "
            + "R = \(fmt(system.rangeKm)) km, radar height H = \(fmt(system.radarHeightM)) m (--radar-height-m); "
            + "fixes without altitude fly at the run's target altitude (--target-alt-m): "
            + "\(withoutAltitude) of \(Plural.counted(e.statistics.tracks, "track")) \(withoutAltitude == 1 ? "has" : "have") fixes without altitude.")
        for k in results.indices { results[k].figures += EngagementFigures.figures(e, perimeter: results[k].line.name) }
        return e
    }

    static func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}

/// Counts finished steps for a `ProgressSink`.
struct StepCounter {
    var total: Int
    var progress: ProgressSink?
    var done = 0

    mutating func advance() { done += 1; progress?(done, total, "steps") }
}
