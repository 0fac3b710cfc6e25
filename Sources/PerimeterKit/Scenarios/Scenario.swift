import GeoJSON

/// An incident reconstructed from public reporting: one GeoJSON file in `GeoData/scenarios/`
/// whose features are the tracks and whose top-level `scenario` member (a foreign member, which
/// GDAL and RFC 7946 readers ignore) holds the metadata: name, title, date (local), airspaces
/// (ISO codes for `AirspaceLoader.national`), checks, facts with sources and assumptions.
/// Each track feature also carries its own sourced/assumed figures in its properties.
public struct Scenario: Sendable {
    public var name: String
    public var title: String
    /// The date of the incident as reported (`2025-09-19`).
    public var date: String
    /// The file the scenario was read from.
    public var file: String
    /// Airspaces the tracks are run against (ISO codes: `EE`, `PL`, …).
    public var airspaces: [String]
    /// What the scenario checks, against reported figures.
    public var checks: [ScenarioCheck]
    /// Number of track features.
    public var trackCount: Int
    /// Properties of each track feature, by track id.
    public var trackProperties: [String: JSONObject]
    /// The whole metadata block as written.
    public var metadata: JSONObject
}
