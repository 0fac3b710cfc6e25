import GeoJSON

/// An incident reconstructed from public reporting: one GeoJSON file in `GeoData/scenarios/`
/// whose features are the tracks and whose top-level `scenario` member (a foreign member, which
/// GDAL and RFC 7946 readers ignore) holds the metadata: name, title, date (local), airspaces
/// (ISO codes for `AirspaceLoader.national`), zones (identification or airport zones, files in
/// GeoData), sourced inputs, assumptions, pass/fail checks against reported figures that did not
/// shape the route, and consistency-only figures that did.
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
    /// Pass/fail checks against reported figures that did not shape the route.
    public var checks: [ScenarioCheck]
    /// Reported figures that shaped the route: computed and printed, never pass/fail.
    public var consistency: [ScenarioCheck] = []
    /// Figures the sources disagree on: computed and printed, never pass/fail.
    public var contested: [ScenarioCheck] = []
    /// Zones that are not sovereign airspace (an ADIZ, airport zones): entering one is reported as
    /// a zone entry of its kind, never as a violation.
    public var zones: [ScenarioZone] = []
    /// Reported events with a place and a time window but no track (e.g. airport closures).
    public var events: [ScenarioEvent] = []
    /// Number of track features.
    public var trackCount: Int
    /// Properties of each track feature, by track id.
    public var trackProperties: [String: JSONObject]
    /// The whole metadata block as written.
    public var metadata: JSONObject
}

/// A zone a scenario's tracks run against besides national airspace: a GeoJSON file in GeoData
/// (`zones/…`) whose entries are reported by the zone's kind.
public struct ScenarioZone: Sendable {
    /// The name reports use (`US-AK ADIZ`).
    public var name: String
    public var kind: ZoneKind
    /// The file, relative to the GeoData directory.
    public var file: String
    /// Features of the file to use (by their `name` property; `nil`: all).
    public var features: [String]?
}
