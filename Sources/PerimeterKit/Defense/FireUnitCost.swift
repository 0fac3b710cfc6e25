/// A notional acquisition cost of one fire unit (one site: radar, command post, launchers and a
/// first load of missiles), in millions of US dollars of the year of the source, with the range the
/// public figures span and where they come from. A planning order of magnitude, not a price.
public struct FireUnitCost: Codable, Sendable, Hashable {
    /// Central figure, USD million.
    public var usdMillion: Double
    /// Low and high ends of the public figures (or of the stated assumption), USD million.
    public var lowUSDMillion: Double
    public var highUSDMillion: Double
    /// What the figure includes (missiles, support, development …).
    public var basis: String
    /// Sources of the figures (publication and date; currency conversion stated).
    public var source: String

    public init(usdMillion: Double, lowUSDMillion: Double, highUSDMillion: Double, basis: String, source: String) {
        self.usdMillion = usdMillion
        self.lowUSDMillion = lowUSDMillion
        self.highUSDMillion = highUSDMillion
        self.basis = basis
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case basis, source
        case usdMillion = "usd_million"
        case lowUSDMillion = "low_usd_million"
        case highUSDMillion = "high_usd_million"
    }

    /// Checks the figures: finite, positive, low ≤ central ≤ high.
    func validated(profile: String, source file: String) throws -> FireUnitCost {
        guard [usdMillion, lowUSDMillion, highUSDMillion].allSatisfy({ $0.isFinite && $0 > 0 }),
              lowUSDMillion <= usdMillion, usdMillion <= highUSDMillion else {
            throw DomainError.invalidInput(source: file, message: "profile '\(profile)': cost_per_fire_unit needs 0 < low_usd_million ≤ usd_million ≤ high_usd_million, got \(lowUSDMillion), \(usdMillion), \(highUSDMillion)")
        }
        return self
    }
}
