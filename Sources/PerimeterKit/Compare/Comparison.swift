import Foundation
import GeoJSON
import GeometryCore
import Synchronization

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
    /// The work runs as independent jobs on all cores, each in its own GEOS and PROJ contexts (`PerimeterTask`):
    /// first every perimeter's run and, beside it, its warning depth; then its asset rows and the detection depth of
    /// each of its coverage layers. Results are taken in line order, so they are those of a run one after the other.
    public static func run(_ inputs: ComparisonInputs, progress: ProgressSink? = nil) throws -> Comparison {
        let setup = try ComparisonSetup.prepare(inputs)
        let steps = SharedStepCounter(total: setup.lines.count * (4 + inputs.targetAltitudesM.count * (1 + inputs.layers.count)),
                                      progress: progress)
        let task = PerimeterTask(setup, projContexts: ProjContextPool())
        var results = try task.runsAndDepths(steps: steps)
        let assessed = try task.assets(of: results)
        let engagements = try Self.engagements(of: &results, inputs: inputs, geo: setup.geo)
        var comparison = Comparison(inputs: inputs, perimeters: results, ukraineSplit: setup.split, geoDataFiles: setup.geo.files,
                                    notes: setup.notes + results.flatMap(\.notes), warnings: results.flatMap(\.warnings),
                                    engagements: engagements)
        comparison.addAssets(assessed)
        return comparison
    }

    /// The protected assets against every perimeter's layouts (one assessment per perimeter, in line order); adds
    /// their figures to each perimeter's table.
    mutating func addAssets(_ assessed: [AssetAssessment]) {
        assets = assessed
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

/// Counts finished steps for a `ProgressSink`, from any thread (the count and the call under one lock, so the
/// sink sees 1, 2, … in order).
final class SharedStepCounter: Sendable {
    let total: Int
    let progress: ProgressSink?
    private let done = Mutex(0)

    init(total: Int, progress: ProgressSink?) {
        self.total = total
        self.progress = progress
    }

    func advance() {
        done.withLock { n in
            n += 1
            progress?(n, total, "steps")
        }
    }
}

/// The perimeters of a comparison as independent jobs on all cores: each job remakes the setup in its worker's
/// GEOS and PROJ contexts (the same GeoData values, so the same geometries) and runs one step of one perimeter —
/// its run (`PerimeterRun.run`), its warning depth, its asset rows or one layer's detection depth. Holds values
/// only (and the pool of PROJ contexts), so it crosses threads.
struct PerimeterTask: Sendable {
    var inputs: ComparisonInputs
    var geo: CompareGeoData
    var lines: [DefenseLine]
    var split: UkraineSplit?
    var polandUkraineBorder: [[Coordinate]]
    var coast: [[Coordinate]]?
    var notes: [String]
    /// One PROJ context per worker, kept across both phases (transformers are built once per worker).
    var projContexts: ProjContextPool

    init(_ setup: ComparisonSetup, projContexts: ProjContextPool) {
        self.projContexts = projContexts
        inputs = setup.inputs
        geo = setup.geo
        lines = setup.lines
        split = setup.split
        polandUkraineBorder = setup.polandUkraineBorder
        coast = setup.coast
        notes = setup.notes
    }

    /// Rough relative cost of a perimeter's jobs, to start the longest first: its line's vertex count.
    func size(_ k: Int) -> Int { lines[k].parts.reduce(0) { $0 + $1.count } }

    /// The setup remade in this job's contexts.
    func setup(_ ctx: GEOSContext, _ projContext: ProjContext) throws -> ComparisonSetup {
        ComparisonSetup(inputs: inputs, geo: geo, context: ctx, projContext: projContext, lines: lines, split: split,
                        poland: try ComparisonSetup.country("PL", geo, ctx), polandUkraineBorder: polandUkraineBorder,
                        coast: coast, notes: notes)
    }

    enum Output: Sendable {
        case run(PerimeterResult)
        case depth(WarningDepth)
        case rows([AssetAssessment.Row])
        case detection(AssetAssessment.Detection)
    }

    /// Every perimeter's run (`PerimeterRun.run`) and its warning depth, as separate jobs; the results with their figures.
    func runsAndDepths(steps: SharedStepCounter) throws -> [PerimeterResult] {
        let jobs = lines.indices.flatMap { [(k: $0, depth: false), (k: $0, depth: true)] }
        let out = try GEOSJobs.results(jobs, projContexts: projContexts, cost: { size($0.k) * ($0.depth ? 1 : 4) }) { job, ctx, projContext in
            let run = PerimeterRun(line: lines[job.k], setup: try setup(ctx, projContext))
            return job.depth ? Output.depth(try run.warningDepth(steps: steps)) : Output.run(try run.run(steps: steps))
        }
        return lines.indices.map { k in
            guard case .run(let r) = out[2 * k], case .depth(let d) = out[2 * k + 1] else { preconditionFailure("job order") }
            let isDnipro = PerimeterRun.isDnipro(lines[k])
            return r.withDepth(d, inputs: inputs, isDnipro: isDnipro)
        }
    }

    /// Every perimeter's assets against its coverage layers: the rows, and each layer's detection depth, as separate jobs.
    func assets(of results: [PerimeterResult]) throws -> [AssetAssessment] {
        let layers = results.map(\.coverageLayers)
        let jobs = results.indices.flatMap { k in [(k: k, layer: -1)] + layers[k].indices.map { (k: k, layer: $0) } }
        let standoffM = inputs.standoffKm * 1000
        let assetList = geo.assets
        let out = try GEOSJobs.results(jobs, projContexts: projContexts, cost: { $0.layer < 0 ? 1 : size($0.k) }) { job, ctx, projContext in
            let r = results[job.k]
            if job.layer < 0 {
                return Output.rows(try AssetAssessment.rows(region: r.region, frontier: r.frontier, layers: layers[job.k],
                                                            assets: assetList, context: ctx, projContext: projContext))
            }
            return Output.detection(try AssetAssessment.detection(line: r.line, region: r.region, layer: layers[job.k][job.layer],
                                                                  standoffM: standoffM, context: ctx, projContext: projContext))
        }
        var n = 0
        return results.indices.map { k in
            guard case .rows(let rows) = out[n] else { preconditionFailure("job order") }
            n += 1
            var detection: [AssetAssessment.Detection] = []
            for _ in layers[k].indices {
                guard case .detection(let d) = out[n] else { preconditionFailure("job order") }
                detection.append(d)
                n += 1
            }
            return AssetAssessment(perimeter: results[k].line.name, region: results[k].region.name, rows: rows, detection: detection)
        }
    }
}
