/// What a map layer shows; decides its default style, its SVG group id and its legend entry.
public enum MapLayerRole: String, Sendable, Hashable, CaseIterable {
    /// Countries (a `name`/`iso2` property labels the main ones).
    case basemap
    /// National airspace or other reference areas (dashed outline).
    case airspace
    /// Coverage areas (semi-transparent fill).
    case coverage
    /// Defense lines / perimeters.
    case lines
    /// Gaps in coverage.
    case gaps
    /// Tracks.
    case tracks
    /// Parts of tracks inside airspace (highlighted).
    case inside
    /// Sites (points).
    case sites
    /// Entry/exit marks (points; `kind`/`event` property `entry` or `exit`).
    case marks
    /// Named places for orientation (cities, villages; points labelled with their `name`).
    case places

    /// The SVG group id for the first layer of this role.
    public var groupID: String { rawValue }

    /// Default legend text.
    public var label: String {
        switch self {
        case .basemap: "Countries"
        case .airspace: "Airspace"
        case .coverage: "Coverage"
        case .lines: "Defense line"
        case .gaps: "Gaps"
        case .tracks: "Tracks"
        case .inside: "Inside airspace"
        case .sites: "Sites"
        case .marks: "Entry / exit"
        case .places: "Places"
        }
    }

    /// The role a layer name suggests (a `layer` property value or a file name such as
    /// `coverage_pl.geojson`): coverage*, *line*, sites*, gaps*, tracks*, inside*/incursion*, entry*/exit*/marks*,
    /// airspace*, places*, countries*/basemap*. `nil` when nothing matches.
    public static func guess(from name: String) -> MapLayerRole? {
        var base = name.lowercased()
        if let slash = base.lastIndex(of: "/") { base = String(base[base.index(after: slash)...]) }
        for ext in [".geojson", ".json"] where base.hasSuffix(ext) { base.removeLast(ext.count) }
        func starts(_ prefixes: String...) -> Bool { prefixes.contains { base.hasPrefix($0) } }
        if starts("countries", "basemap", "borders") { return .basemap }
        if starts("coverage") { return .coverage }
        if starts("inside", "incursion") { return .inside }
        if starts("entry", "exit", "marks") { return .marks }
        if starts("sites", "site") { return .sites }
        if starts("gaps", "gap") { return .gaps }
        if starts("tracks", "track") { return .tracks }
        if starts("airspace") { return .airspace }
        if starts("places", "place") { return .places }
        if base.contains("line") || base.contains("perimeter") { return .lines }
        return nil
    }
}
