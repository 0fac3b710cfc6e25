import Foundation
import GeoJSON
import GeometryCore

/// Builds national airspace footprints (land + territorial sea) from the shipped GeoData.
///
/// For a coastal state X (see `AirspaceRules.coastalStates`):
/// 1. Work in an azimuthal equidistant projection centred on X's coastal land (metres);
///    `LocalProjection` states the scale error, ≈ ρ²/6R² at ρ from the centre.
/// 2. Land of every state near X: DCW country ∪ GSHHG coastal land (`StateLand`).
/// 3. X's 12 NM zone: X's land buffered by 22,224 m (32 segments per quadrant: the chords lie
///    ≤ 7 m inside the true circle), minus all land of every state, cut to X's coverage limits.
/// 4. Nearest-coast rule: the GEOS Voronoi diagram of coast points (every ≤ 500 m) of X and of
///    each neighbour whose land is near X's zone, cells unioned per state; zone parts nearer a
///    neighbour's coast go to it. The shared cell edges are the median lines.
/// 5. Exceptions (unless disabled): a median-setback rule subtracts a buffer of the median line
///    (e.g. 3 NM in the Gulf of Finland for EE and FI).
/// 6. Airspace already built for neighbours (`excluding`) is subtracted from the territorial sea.
/// 7. Airspace = land ∪ territorial sea, back to lon/lat, made valid; not simplified (two
///    neighbours simplified independently would overlap along shared borders). Areas are geodesic on WGS84.
///
/// Landlocked states (`AirspaceRules.landlockedStates`) get their land only.
/// A value type holding decoded data only: `Sendable`; each call builds in its own GEOS context.
public struct AirspaceBuilder: Sendable {
    /// The GeoData directory read.
    public let geoData: String
    public let rules: AirspaceRules
    public let land: StateLand

    /// Segments per quarter circle for the 12 NM buffer and setbacks.
    public static let quadrantSegments = 32
    /// Maximum spacing of Voronoi sites along coasts, metres.
    public static let siteSpacing = 500.0

    /// Reads `countries.geojson`, `land.geojson` and `airspace-rules.json` from `directory`.
    public init(geoData directory: String) throws {
        geoData = directory
        rules = try AirspaceRules.load(contentsOf: GeoDataLocator.file(AirspaceRules.fileName, in: directory))
        land = try StateLand(geoData: directory)
    }

    /// The number of steps `airspace(iso2:…)` reports through its `progress` sink.
    public static let progressSteps = CoastalBuild.steps

    /// Keys `airspace(iso2:)` accepts: coastal and landlocked states present in the data, sorted.
    public var availableStates: [String] {
        (rules.coastalStates + rules.landlockedStates).filter { land.entries[$0] != nil }.sorted()
    }

    /// The national airspace of `iso2` (case-insensitive; `RU-KGD` for Kaliningrad).
    /// - Parameter applyExceptions: apply the rules file's exceptions (false: plain 12 NM and
    ///   median lines). Coverage limits always apply.
    ///   - excluding: airspace already built for neighbours (lon/lat polygons, e.g. read from
    ///     `GeoData/airspace/<ISO>.geojson`), subtracted from this state's territorial sea (never
    ///     from its land): where two independently computed median lines disagree by metres, the
    ///     state built first keeps the sliver, so the two never overlap.
    /// - Throws: `DomainError.unknownName` listing the available states; GEOS/PROJ errors.
    ///   - progress: told after each step of the computation (``progressSteps`` in all; unit "steps").
    public func airspace(iso2: String, applyExceptions: Bool = true, excluding: [Geometry] = [],
                         context: GEOSContext = GEOSContext(), progress: ProgressSink? = nil) throws -> Airspace {
        let key = iso2.uppercased()
        guard availableStates.contains(key), let entry = land.entries[key] else {
            throw DomainError.unknownName(kind: "state for airspace", name: iso2, known: availableStates)
        }
        if rules.landlockedStates.contains(key) {
            let landLL = try StateLand.geometry(entry.parts, context: context).unaryUnion().polygonalPart()
            let empty = try Geometry.multiPolygon([], context: context)
            return try Airspace(iso2: key, name: entry.name, geometry: landLL, land: landLL, territorialSea: empty,
                                method: "land only (DCW ∪ GSHHG): landlocked, no territorial sea",
                                rulesApplied: [], medianLines: [:])
        }
        return try CoastalBuild(builder: self, key: key, entry: entry, applyExceptions: applyExceptions,
                                excluded: excluding, context: context, progress: progress).run()
    }
}
