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
    /// The perimeters are independent: each (its run, then its asset assessment) runs on its own thread in its own
    /// GEOS and PROJ contexts (`PerimeterTask`), and the results are taken in line order, so they are those of a
    /// run one after the other.
    public static func run(_ inputs: ComparisonInputs, progress: ProgressSink? = nil) throws -> Comparison {
        let setup = try ComparisonSetup.prepare(inputs)
        let steps = SharedStepCounter(total: setup.lines.count * (4 + inputs.targetAltitudesM.count * (1 + inputs.layers.count)),
                                      progress: progress)
        let task = PerimeterTask(setup)
        let done = try GEOSJobs.results(Array(setup.lines.indices), cost: { task.cost(of: $0) }) { k, ctx in try task.run(k, context: ctx, steps: steps) }
        var results = done.map(\.result)
        let engagements = try Self.engagements(of: &results, inputs: inputs, geo: setup.geo)
        var comparison = Comparison(inputs: inputs, perimeters: results, ukraineSplit: setup.split, geoDataFiles: setup.geo.files,
                                    notes: setup.notes + results.flatMap(\.notes), warnings: results.flatMap(\.warnings),
                                    engagements: engagements)
        comparison.addAssets(done.map(\.assets))
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

    /// Tracks against every perimeter's continuous belt (primary system) per altitude (with `inputs.tracks`);
    /// adds their figures.
    static func engagements(of results: inout [PerimeterResult], inputs: ComparisonInputs, geo: CompareGeoData) throws -> Engagements? {
        guard let tracks = inputs.tracks else { return nil }
        let (airspace, airspaceNotes) = try EngagementAirspace.load(allied: inputs.allied, geoData: geo)
        let coverages = results.flatMap { r in
            r.belts.filter { $0.layer == 0 }.map { (perimeter: r.line.name, targetAltitudeM: $0.targetAltitudeM, coverage: $0.coverage.coverage) }
        }
        let e = try Engagements.compute(coverages: coverages, tracks: tracks, airspace: airspace,
                                        notes: airspaceNotes + ["Engagements are against each perimeter's continuous belt (\(inputs.profile.name)) per target altitude."])
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

/// One perimeter of a comparison on its own thread: the setup remade in that thread's GEOS and PROJ contexts
/// (the same GeoData values, so the same geometries), `PerimeterRun`, then the asset assessment. Holds values
/// only, so it crosses threads.
struct PerimeterTask: Sendable {
    var inputs: ComparisonInputs
    var geo: CompareGeoData
    var lines: [DefenseLine]
    var split: UkraineSplit?
    var polandUkraineBorder: [[Coordinate]]
    var coast: [[Coordinate]]?
    var notes: [String]

    init(_ setup: ComparisonSetup) {
        inputs = setup.inputs
        geo = setup.geo
        lines = setup.lines
        split = setup.split
        polandUkraineBorder = setup.polandUkraineBorder
        coast = setup.coast
        notes = setup.notes
    }

    /// Rough relative cost, to start the longest perimeter first: its line's vertex count.
    func cost(of k: Int) -> Int { lines[k].parts.reduce(0) { $0 + $1.count } }

    func run(_ k: Int, context ctx: GEOSContext, steps: SharedStepCounter) throws -> (result: PerimeterResult, assets: AssetAssessment) {
        let projContext = ProjContext()
        let setup = ComparisonSetup(inputs: inputs, geo: geo, context: ctx, projContext: projContext, lines: lines, split: split,
                                    poland: try ComparisonSetup.country("PL", geo, ctx), polandUkraineBorder: polandUkraineBorder,
                                    coast: coast, notes: notes)
        let result = try PerimeterRun(line: lines[k], setup: setup).run(steps: steps)
        let assets = try AssetFigures.assess(result, inputs: inputs, assets: geo.assets, context: ctx, projContext: projContext)
        return (result, assets)
    }
}
