/// What kind of area a track enters, and so what an entry is called in reports.
///
/// Only sovereign airspace (a state's land and territorial sea) can be violated. An air defence
/// identification zone (ADIZ) lies mostly over international airspace: entering it obliges an
/// aircraft to identify itself, and an entry is reported as an "identification zone entry", never
/// as a violation. An airport zone is a notional area round an aerodrome (e.g. a radius), used to
/// place reported closures and sightings.
public enum ZoneKind: String, Sendable, CaseIterable {
    case sovereignAirspace = "sovereign_airspace"
    case identificationZone = "identification_zone"
    case airportZone = "airport_zone"

    /// What one entry is called ("violation", "identification zone entry", "airport zone entry").
    public var entryTerm: String {
        switch self {
        case .sovereignAirspace: "violation"
        case .identificationZone: "identification zone entry"
        case .airportZone: "airport zone entry"
        }
    }

    /// The GeoJSON `role` of an incursion feature in such an area (`perimeter render` styles by role).
    public var incursionRole: String {
        switch self {
        case .sovereignAirspace: "incursion"
        case .identificationZone: "identification_zone_entry"
        case .airportZone: "airport_zone_entry"
        }
    }
}
