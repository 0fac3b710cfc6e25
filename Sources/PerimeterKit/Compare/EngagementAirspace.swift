import Foundation
import GeometryCore

/// The NATO airspace a track is to be engaged before reaching: the union of the allied countries'
/// national airspace (GeoData `airspace/<ISO>.geojson`, land + territorial sea, where present; else
/// the country's land polygon from `countries.geojson`). By default the allied set of the
/// comparison (`--allied`). Ukraine west of the Dnipro is *not* part of it, for every perimeter:
/// the dnipro perimeter protects it, but the question asked is whether a track is engaged before
/// it reaches NATO airspace.
///
/// The first entry into the union is the earliest first entry into any member (each member is
/// its own `IncursionFinder`; crossing from one member into another is not an entry into the union,
/// and it is never the earliest). Immutable and `Sendable`.
public struct EngagementAirspace: Sendable {
    /// The first entry of a track into the NATO airspace.
    public struct Entry: Sendable, Hashable {
        /// Epoch seconds UTC (the first fix time when the track starts inside).
        public var time: Double
        /// Where the track crossed the boundary, lon/lat degrees WGS84 (the first fix when it starts inside).
        public var point: Coordinate
        /// The member country entered (ISO code).
        public var country: String
        /// The track's first fix is already inside NATO airspace: nothing is "before entry".
        public var startsInside: Bool
    }

    /// Member ISO codes, in the order given.
    public let members: [String]
    /// The file each member's polygon came from (same order).
    public let sources: [String]
    let finders: [IncursionFinder]

    /// The airspace from prepared member polygons (each named by its ISO code).
    public init(members: [AirspacePolygon], sources: [String]? = nil) throws {
        self.members = members.map(\.name)
        self.sources = sources ?? members.map { _ in "" }
        finders = try members.map { try IncursionFinder(airspace: $0, measuresPenetration: false) }
    }

    /// Loads the members of `allied`: `airspace/<ISO>.geojson` in the GeoData directory when present
    /// (read with `AirspaceLoader.polygon`, GEOS-validated), else the country's land polygon from
    /// the comparison's `countries.geojson` (already read). Codes that are not countries in GeoData
    /// (`UA-west`) or have no polygon are left out and named in `notes`, as is every member that
    /// stands in with its land polygon.
    public static func load(allied: [String], geoData: CompareGeoData) throws -> (airspace: EngagementAirspace, notes: [String]) {
        var polygons: [AirspacePolygon] = [], sources: [String] = [], notes: [String] = []
        var missing: [String] = [], landOnly: [String] = []
        for raw in allied where raw.uppercased() != "UA-WEST" {
            let code = raw.uppercased()
            let file = GeoDataLocator.file("airspace/\(code).geojson", in: geoData.directory)
            if FileManager.default.fileExists(atPath: file) {
                polygons.append(try AirspaceLoader.polygon(file: file, name: code))
                sources.append("airspace/\(code).geojson")
            } else if let country = geoData.country(code) {
                polygons.append(try AirspaceLoader.airspace(country.geometry, name: code, source: CompareGeoData.countriesFile))
                sources.append(CompareGeoData.countriesFile)
                landOnly.append(code)
            } else {
                missing.append(raw)
            }
        }
        guard !polygons.isEmpty else {
            throw DomainError.invalidParameter("no allied country with a polygon in GeoData (allied: \(allied.joined(separator: ",")))")
        }
        if !missing.isEmpty { notes.append("engagements: allied codes without a polygon in GeoData, not part of the NATO airspace: \(missing.joined(separator: ", "))") }
        if !landOnly.isEmpty {
            notes.append("engagements: no GeoData/airspace file for \(landOnly.joined(separator: ", ")); their land polygon stands for their airspace (no territorial sea)")
        }
        return (try EngagementAirspace(members: polygons, sources: sources), notes)
    }

    /// The track's first entry into the NATO airspace, or `nil` if it never enters.
    public func firstEntry(of track: Track) -> Entry? {
        var best: Entry?
        for f in finders {
            guard let i = f.incursions(in: track).first else { continue }
            if best == nil || i.entryTime < best!.time {
                best = Entry(time: i.entryTime, point: i.entryPoint, country: f.name, startsInside: i.openAtStart)
            }
        }
        return best
    }
}
