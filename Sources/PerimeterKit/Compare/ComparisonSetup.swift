import GeoJSON
import GeometryCore

/// What every perimeter of a comparison shares: the checked inputs, the GeoData read, the forward
/// lines, Ukraine split by the Dnipro, Poland, the Poland–Ukraine border and run-wide notes.
/// Not `Sendable` (holds GEOS geometries).
struct ComparisonSetup {
    var inputs: ComparisonInputs
    var geo: CompareGeoData
    var context: GEOSContext
    var projContext: ProjContext
    var lines: [DefenseLine]
    var split: UkraineSplit?
    var poland: Geometry
    var polandUkraineBorder: [[Coordinate]]
    /// GSHHG shoreline near the regions (nil without coast.geojson: unclaimed boundary then counts as sea).
    var coast: [[Coordinate]]?
    var notes: [String]

    static func prepare(_ inputs: ComparisonInputs) throws -> ComparisonSetup {
        try inputs.validate()
        // Read the tracks once first: a bad file fails before any work.
        _ = try inputs.tracks?.check()
        let geo = try CompareGeoData.load(directory: inputs.geoDataDirectory)
        let ctx = GEOSContext()
        var notes: [String] = []
        let missingAllies = inputs.allied.filter { $0 != "UA-west" && geo.country($0) == nil }
        if !missingAllies.isEmpty {
            notes.append("allied countries without a polygon in GeoData (their borders count as 'sea'): \(missingAllies.joined(separator: ", "))")
        }
        let coast: [[Coordinate]]? = geo.coast.isEmpty ? nil : geo.coast
        if coast == nil { notes.append("GeoData has no coast.geojson: every boundary stretch no neighbour claims counts as 'sea'") }
        var lines: [DefenseLine] = []
        for p in inputs.perimeters {
            lines.append(p == "dnipro" ? DefenseLine.dnipro(geoData: geo) : try DefenseLine.polishBorder(segments: inputs.segments, geoData: geo))
        }
        for path in inputs.userLines { lines.append(try DefenseLine.user(path: path)) }
        var split: UkraineSplit?
        if inputs.perimeters.contains("dnipro") {
            split = try UkraineSplit.split(
                ukraine: try country("UA", geo, ctx), river: try DefenseLine.dnipro(geoData: geo).geometry(context: ctx),
                westReference: try geo.place("Lviv"), eastReference: try geo.place("Kharkiv"))
        }
        guard let plUA = geo.border("PL", "UA") else {
            throw DomainError.invalidInput(source: GeoDataLocator.file(CompareGeoData.bordersFile, in: geo.directory), message: "no PL-UA border")
        }
        return ComparisonSetup(inputs: inputs, geo: geo, context: ctx, projContext: ProjContext(), lines: lines, split: split,
                               poland: try country("PL", geo, ctx), polandUkraineBorder: plUA, coast: coast, notes: notes)
    }

    /// The polygon of country `code` from GeoData, or an error naming countries.geojson.
    static func country(_ code: String, _ geo: CompareGeoData, _ ctx: GEOSContext) throws -> Geometry {
        guard let c = geo.country(code) else {
            throw DomainError.invalidInput(source: GeoDataLocator.file(CompareGeoData.countriesFile, in: geo.directory),
                                           message: "no country with iso2 \(code)")
        }
        return try c.geometry.geosGeometry(context: ctx)
    }
}
