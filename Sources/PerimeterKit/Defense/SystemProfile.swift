import Foundation

/// An air-defense system as Perimeter models it: a nominal engagement range and a radar antenna
/// height. Shipped profiles are notional, taken from public statements (each figure has its source)
/// and meant as parameters to vary, not as truth about any system.
public struct SystemProfile: Codable, Sendable, Hashable {
    /// Short identifier used on the command line (`--profile patriot-pac2`).
    public var name: String
    /// Human-readable name.
    public var title: String
    /// Nominal engagement range against aircraft, kilometres.
    public var rangeKm: Double
    /// Radar antenna height above ground, metres.
    public var radarHeightM: Double
    /// Where the range figure comes from.
    public var rangeSource: String
    /// Where the radar-height figure comes from (or "assumption: …").
    public var radarHeightSource: String
    /// Free-text caveats.
    public var note: String?
    /// Notional cost of one fire unit (one site), when a public figure exists.
    public var cost: FireUnitCost?

    public init(name: String, title: String, rangeKm: Double, radarHeightM: Double,
                rangeSource: String, radarHeightSource: String, note: String? = nil, cost: FireUnitCost? = nil) {
        self.name = name
        self.title = title
        self.rangeKm = rangeKm
        self.radarHeightM = radarHeightM
        self.rangeSource = rangeSource
        self.radarHeightSource = radarHeightSource
        self.note = note
        self.cost = cost
    }

    enum CodingKeys: String, CodingKey {
        case name, title, note
        case rangeKm = "range_km"
        case radarHeightM = "radar_height_m"
        case rangeSource = "range_source"
        case radarHeightSource = "radar_height_source"
        case cost = "cost_per_fire_unit"
    }

    /// Checks the figures: a positive finite range and a non-negative finite radar height.
    public func validated(source: String) throws -> SystemProfile {
        guard rangeKm.isFinite, rangeKm > 0 else {
            throw DomainError.invalidInput(source: source, message: "profile '\(name)': range_km must be > 0, got \(rangeKm)")
        }
        guard radarHeightM.isFinite, radarHeightM >= 0 else {
            throw DomainError.invalidInput(
                source: source, message: "profile '\(name)': radar_height_m must be ≥ 0, got \(radarHeightM)")
        }
        var checked = self
        checked.cost = try cost?.validated(profile: name, source: source)
        return checked
    }
}

/// A set of system profiles read from a JSON file (`GeoData/profiles.json` ships the defaults).
public struct SystemProfileCatalog: Sendable {
    public var profiles: [SystemProfile]

    public init(profiles: [SystemProfile]) { self.profiles = profiles }

    /// Reads `{"profiles": [ … ]}` from `path`; errors name the file and the problem.
    public init(contentsOf path: String) throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw DomainError.invalidInput(source: path, message: "cannot read the file (\(error.localizedDescription))")
        }
        struct File: Decodable { var profiles: [SystemProfile] }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            profiles = try file.profiles.map { try $0.validated(source: path) }
        } catch let error as DomainError {
            throw error
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw DomainError.invalidInput(
                source: path, message: "\(Self.path(ctx.codingPath)): missing member '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw DomainError.invalidInput(source: path, message: "\(Self.path(ctx.codingPath)): \(ctx.debugDescription)")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw DomainError.invalidInput(source: path, message: "\(Self.path(ctx.codingPath)): \(ctx.debugDescription)")
        } catch {
            throw DomainError.invalidInput(source: path, message: "not valid JSON")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    /// The profile called `name`, or an error listing the known names.
    public func profile(named name: String) throws -> SystemProfile {
        if let p = profiles.first(where: { $0.name == name }) { return p }
        throw DomainError.unknownName(kind: "profile", name: name, known: profiles.map(\.name))
    }
}
