import Foundation
import GeometryCore

/// The rules the airspace builder follows, read from `GeoData/airspace-rules.json`.
///
/// Two kinds of rule: **exceptions** are legal arrangements that depart from the plain
/// 12 NM / median-line rule (the Gulf of Finland corridor) and can be switched off
/// (`perimeter airspace --no-rules`); **coverage limits** say where the shipped data cannot
/// support a territorial sea (a neighbour missing from GeoData) and always apply.
/// Coordinates are WGS84 lon/lat degrees; distances in nautical miles (1 NM = 1852 m).
public struct AirspaceRules: Codable, Sendable, Hashable {
    /// A pair of states keeping their territorial seas `setbackNM` short of their median line.
    public struct MedianSetback: Codable, Sendable, Hashable {
        public var name: String
        /// `"median-setback"`, the only kind implemented.
        public var kind: String
        /// The two states (keys as in `coastalStates`).
        public var states: [String]
        /// Distance kept clear on each side of the median line, nautical miles.
        public var setbackNM: Double
        public var description: String
        public var source: String
        public var contested: String?

        enum CodingKeys: String, CodingKey {
            case name, kind, states, description, source, contested
            case setbackNM = "setback_nm"
        }

        /// The setback in metres.
        public var setbackMetres: Double { setbackNM * AirspaceRules.metresPerNauticalMile }
    }

    /// A polygon (lon/lat ring) outside which `state` gets no territorial sea.
    public struct CoverageLimit: Codable, Sendable, Hashable {
        public var name: String
        public var state: String
        /// Closed ring, `[lon, lat]` pairs in degrees.
        public var keep: [[Double]]
        public var reason: String

        /// The ring as coordinates (lon/lat degrees).
        public var ring: [Coordinate] { keep.map { Coordinate(lon: $0[0], lat: $0[1]) } }
    }

    public var note: String?
    /// Breadth of the territorial sea, nautical miles (UNCLOS Art. 3: at most 12).
    public var territorialSeaNM: Double
    /// States whose territorial sea is built (iso2; `RU-KGD` for the Kaliningrad exclave).
    public var coastalStates: [String]
    /// States built as land only.
    public var landlockedStates: [String]
    public var exceptions: [MedianSetback]
    public var coverageLimits: [CoverageLimit]

    enum CodingKeys: String, CodingKey {
        case note, exceptions
        case territorialSeaNM = "territorial_sea_nm"
        case coastalStates = "coastal_states"
        case landlockedStates = "landlocked_states"
        case coverageLimits = "coverage_limits"
    }

    /// Metres in one international nautical mile.
    public static let metresPerNauticalMile = 1852.0

    /// The territorial-sea breadth in metres (12 NM = 22,224 m).
    public var territorialSeaMetres: Double { territorialSeaNM * Self.metresPerNauticalMile }

    /// The file name inside a GeoData directory.
    public static let fileName = "airspace-rules.json"

    /// Reads and checks the rules file at `path`; errors name the file and the problem.
    public static func load(contentsOf path: String) throws -> AirspaceRules {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DomainError.invalidInput(source: path, message: "cannot read the rules file")
        }
        let rules: AirspaceRules
        do {
            rules = try JSONDecoder().decode(AirspaceRules.self, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw DomainError.invalidInput(
                source: path, message: "missing \"\(key.stringValue)\" at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch {
            throw DomainError.invalidInput(source: path, message: "not a valid rules file (\(error.localizedDescription))")
        }
        try rules.check(source: path)
        return rules
    }

    func check(source: String) throws {
        guard territorialSeaNM.isFinite, territorialSeaNM > 0, territorialSeaNM <= 12 else {
            throw DomainError.invalidInput(source: source, message: "territorial_sea_nm must be in (0, 12], got \(territorialSeaNM)")
        }
        for (i, e) in exceptions.enumerated() {
            guard e.kind == "median-setback" else {
                throw DomainError.invalidInput(source: source, message: "exceptions[\(i)] '\(e.name)': unknown kind '\(e.kind)' (known: median-setback)")
            }
            guard e.states.count == 2, e.states.allSatisfy(coastalStates.contains) else {
                throw DomainError.invalidInput(source: source, message: "exceptions[\(i)] '\(e.name)': states must be two coastal states")
            }
            guard e.setbackNM.isFinite, e.setbackNM > 0 else {
                throw DomainError.invalidInput(source: source, message: "exceptions[\(i)] '\(e.name)': setback_nm must be > 0")
            }
        }
        for (i, c) in coverageLimits.enumerated() {
            guard c.keep.count >= 4, c.keep.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isFinite) }),
                  c.keep.first == c.keep.last else {
                throw DomainError.invalidInput(
                    source: source, message: "coverage_limits[\(i)] '\(c.name)': keep must be a closed ring of [lon, lat] pairs")
            }
        }
    }

    /// Exceptions that concern `state`.
    public func exceptions(for state: String) -> [MedianSetback] {
        exceptions.filter { $0.states.contains(state) }
    }

    /// Coverage limits of `state`.
    public func coverageLimits(for state: String) -> [CoverageLimit] {
        coverageLimits.filter { $0.state == state }
    }
}
