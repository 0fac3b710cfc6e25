/// What a map layer shows; decides its default style, its drawing order, its SVG group id and its legend entry.
///
/// Perimeter's writers tag every feature with its role (``MapLayerRole/init(tag:)`` lists the tags), so
/// `perimeter render` styles and orders by role without looking at file names.
public enum MapLayerRole: String, Sendable, Hashable, CaseIterable {
    /// Countries, land, lakes and rivers (a `name`/`iso2` property labels the main countries).
    case basemap
    /// Protected regions and other reference areas under the data (light tint, dashed outline).
    case regions
    /// National airspace or other reference areas (dashed outline).
    case airspace
    /// Coverage areas (semi-transparent fill).
    case coverage
    /// Frontier segments (a region's boundary classified per neighbour).
    case frontier
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

    /// Drawing order: basemap, then regions under airspace under coverage under frontier and lines, gaps on the
    /// lines, tracks and their inside parts, then the points (sites, entry/exit marks, places) on top.
    public var drawingRank: Int { Self.allCases.firstIndex(of: self)! }

    /// Default legend text.
    public var label: String {
        switch self {
        case .basemap: "Countries"
        case .regions: "Protected region"
        case .airspace: "Airspace"
        case .coverage: "Coverage"
        case .frontier: "Frontier"
        case .lines: "Defense line"
        case .gaps: "Gaps"
        case .tracks: "Tracks"
        case .inside: "Inside airspace"
        case .sites: "Sites"
        case .marks: "Entry / exit"
        case .places: "Places"
        }
    }

    /// The role named by a feature's `role` or `layer` property, as Perimeter writes them: exact values only
    /// (case-insensitive), no guessing. The role names themselves are accepted, plus:
    /// `protected_region`, `region`, `ukraine_split_part` → regions; `coverage_union`, `coverage_circle` → coverage;
    /// `forward_line`, `site_line`, `line` → lines; `gap` → gaps; `site` → sites; `track` → tracks;
    /// `incursions`, `incursion` → inside; `entry_exit`, `entry`, `exit` → marks; `place`, `asset` → places;
    /// `country`, `countries`, `land`, `lake`, `river` → basemap; `engagements`, `engagement` → inside.
    public init?(tag: String) {
        let t = tag.lowercased()
        if let exact = MapLayerRole(rawValue: t) { self = exact; return }
        switch t {
        case "protected_region", "region", "ukraine_split_part": self = .regions
        case "coverage_union", "coverage_circle": self = .coverage
        case "forward_line", "site_line", "line": self = .lines
        case "gap": self = .gaps
        case "site": self = .sites
        case "track": self = .tracks
        case "incursions", "incursion", "engagements", "engagement": self = .inside
        case "entry_exit", "entry", "exit": self = .marks
        case "place", "asset": self = .places
        case "country", "countries", "land", "lake", "river": self = .basemap
        default: return nil
        }
    }

    /// The role a layer name suggests, for foreign files whose features carry no role: a file name such as
    /// `coverage_pl.geojson`: coverage*, *line*, sites*, gaps*, tracks*, inside*/incursion*, entry*/exit*/marks*,
    /// airspace*, places*, regions*, frontier*, countries*/basemap*. `nil` when nothing matches.
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
        if starts("regions", "region") { return .regions }
        if starts("frontier") { return .frontier }
        if base.contains("line") || base.contains("perimeter") { return .lines }
        return nil
    }
}
