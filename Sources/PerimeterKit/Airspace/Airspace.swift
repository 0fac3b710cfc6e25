import GeoJSON
import GeometryCore

/// A state's national airspace in plan: its land territory plus its territorial sea
/// (UNCLOS Art. 2(2); Chicago Convention Arts. 1–2), as built by `AirspaceBuilder`.
/// No vertical limits. Geometry in WGS84 lon/lat degrees; areas geodesic (WGS84), km².
///
/// Holds a GEOS geometry, so it is not `Sendable` (send `feature` instead).
public final class Airspace {
    /// iso2 key (`RU-KGD` for the Kaliningrad exclave).
    public let iso2: String
    public let name: String
    /// The airspace footprint: a valid MultiPolygon, lon/lat degrees.
    public let geometry: Geometry
    /// Land territory (DCW country ∪ GSHHG land), lon/lat degrees.
    public let land: Geometry
    /// The territorial sea alone (may be empty), lon/lat degrees.
    public let territorialSea: Geometry
    /// Geodesic area of `geometry`, km².
    public let areaKm2: Double
    /// Geodesic area of `land`, km².
    public let landKm2: Double
    /// Geodesic area of `territorialSea`, km².
    public let territorialSeaKm2: Double
    /// How it was computed (projection, buffer, partition, tolerances).
    public let method: String
    /// Names of the exceptions and coverage limits applied.
    public let rulesApplied: [String]
    /// Median lines with neighbours actually cut against (lon/lat), by neighbour key.
    public let medianLines: [String: Geometry]

    init(iso2: String, name: String, geometry: Geometry, land: Geometry, territorialSea: Geometry,
         method: String, rulesApplied: [String], medianLines: [String: Geometry]) throws {
        self.iso2 = iso2
        self.name = name
        self.geometry = geometry
        self.land = land
        self.territorialSea = territorialSea
        self.method = method
        self.rulesApplied = rulesApplied
        self.medianLines = medianLines
        areaKm2 = try Self.geodesicAreaKm2(geometry)
        landKm2 = try Self.geodesicAreaKm2(land)
        territorialSeaKm2 = try Self.geodesicAreaKm2(territorialSea)
    }

    /// Where the data came from.
    public static let sources = [
        "DCW-GMT 2.1.1 country polygons (GeoData/countries.geojson)",
        "GSHHG 2.3.7 full-resolution coastal land (GeoData/land.geojson)",
        "GeoData/airspace-rules.json",
    ]

    /// The airspace as a GeoJSON Feature (MultiPolygon) with its properties, `role` = `airspace` first (the map role).
    public var feature: Feature {
        get throws {
            func km2(_ v: Double) -> JSONValue { .number((v * 1000).rounded() / 1000) }
            let properties: JSONObject = [
                "role": "airspace",
                "iso2": .string(iso2),
                "name": .string(name),
                "area_km2": km2(areaKm2),
                "land_km2": km2(landKm2),
                "territorial_sea_km2": km2(territorialSeaKm2),
                "method": .string(method),
                "rules_applied": .array(rulesApplied.map { .string($0) }),
                "approximate": "computed median lines, not treaty coordinates",
                "sources": .array(Self.sources.map { .string($0) }),
            ]
            return Feature(id: .string(iso2), geometry: try GeoJSONGeometry(geometry), properties: properties)
        }
    }

    /// Geodesic area (WGS84) of a lon/lat polygonal geometry, km².
    static func geodesicAreaKm2(_ g: Geometry) throws -> Double {
        let polys = try g.polygons().map { try $0.rings }
        return Geodesic.wgs84.areaAndPerimeter(ofMultiPolygon: polys).area / 1e6
    }
}
