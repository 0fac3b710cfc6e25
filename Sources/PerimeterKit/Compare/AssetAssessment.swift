import GeometryCore

/// One layout's coverage at one target altitude, as the asset assessment reads it: the nominal-range layout
/// of today, or a continuous belt per altitude (`layout` `"belt"`) — any layout plugs in this way.
public struct CoverageLayer: Sendable {
    /// `"nominal"` or `"belt"` (the `layout` property of `sites.geojson`).
    public var layout: String
    public var targetAltitudeM: Double
    /// Coverage radius min(R, horizon) at that altitude, metres.
    public var radiusM: Double
    /// The coverage union, lon/lat WKB.
    public var unionWKB: [UInt8]

    public init(layout: String, targetAltitudeM: Double, radiusM: Double, unionWKB: [UInt8]) {
        self.layout = layout
        self.targetAltitudeM = targetAltitudeM
        self.radiusM = radiusM
        self.unionWKB = unionWKB
    }
}

/// The protected assets against one perimeter: inside its region or not, covered per layout and altitude,
/// the nearest exposed frontier per neighbour class (BY, RU, UA, UA-east, MD, sea, …) with its exact
/// geodesic distance; and, per layout and altitude, how far beyond the forward line the coverage sees.
///
/// An asset outside the protected region (Lviv for the Polish-border line, Kyiv's left bank for the Dnipro
/// line) is listed as such: the perimeter does not protect it, and no frontier distance is given.
/// Warning time at a threat speed is the distance to the nearest exposed frontier over that speed: the time a
/// threat needs from crossing that frontier to the asset, the most warning a sensor at the frontier could give.
public struct AssetAssessment: Sendable {
    /// Covered or not by one layout at one altitude.
    public struct Cover: Sendable {
        public var layout: String
        public var targetAltitudeM: Double
        public var covered: Bool
    }

    /// The nearest point of one exposed neighbour's frontier.
    public struct Exposure: Sendable {
        /// Neighbour class: `BY`, `RU`, `UA`, `UA-east`, `MD`, `sea`, …
        public var neighbour: String
        public var name: String
        /// Geodesic distance, metres (WGS84).
        public var distanceM: Double
        /// The nearest frontier point, lon/lat.
        public var point: Coordinate
    }

    public struct Row: Sendable {
        public var asset: ProtectedAsset
        public var inRegion: Bool
        public var cover: [Cover]
        /// One entry per exposed neighbour class, nearest first (empty outside the region).
        public var exposures: [Exposure]
        public var nearest: Exposure? { exposures.first }
    }

    /// Detection depth of one layout at one altitude.
    public struct Detection: Sendable {
        public var layout: String
        public var targetAltitudeM: Double
        public var depth: DetectionDepth
    }

    public var perimeter: String
    public var region: String
    public var rows: [Row]
    public var detection: [Detection]

    /// Assesses `assets` against one perimeter's region, frontier and coverage `layers`.
    public static func assess(
        perimeter: String, line: DefenseLine, region: ProtectedRegion, frontier: ExposedFrontier, layers: [CoverageLayer],
        assets: [ProtectedAsset], standoffM: Double, context ctx: GEOSContext, projContext: ProjContext = ProjContext()
    ) throws -> AssetAssessment {
        let rows = try Self.rows(region: region, frontier: frontier, layers: layers, assets: assets, context: ctx, projContext: projContext)
        let detection = try layers.map {
            try Self.detection(line: line, region: region, layer: $0, standoffM: standoffM, context: ctx, projContext: projContext)
        }
        return AssetAssessment(perimeter: perimeter, region: region.name, rows: rows, detection: detection)
    }

    /// The region's projection for frontier distances and detection rays: centred on its envelope.
    static func projection(_ regionGeom: Geometry, _ projContext: ProjContext) throws -> LocalProjection {
        try LocalProjection(covering: try regionGeom.envelope().coordinates, context: projContext)
    }

    /// Each asset: inside the region or not, covered per layer, its nearest exposed frontier per neighbour class.
    static func rows(region: ProtectedRegion, frontier: ExposedFrontier, layers: [CoverageLayer], assets: [ProtectedAsset],
                     context ctx: GEOSContext, projContext: ProjContext) throws -> [Row] {
        let regionGeom = try region.geometry(context: ctx)
        let inside = try regionGeom.prepared()
        let projection = try projection(regionGeom, projContext)
        var classes: [(code: String, name: String, distance: GeodesicPolylineDistance)] = []
        for s in frontier.segments where s.exposed {
            let lines = try Geometry(wkb: s.wkb, context: ctx).pieces.map { try $0.coordinates }
            classes.append((s.neighbour, s.name, try GeodesicPolylineDistance(lines: lines, projection: projection)))
        }
        let covers = try layers.map { try Geometry(wkb: $0.unionWKB, context: ctx).prepared() }
        var rows: [Row] = []
        for a in assets {
            let isIn = try inside.contains(a.position)
            var exposures: [Exposure] = []
            if isIn {
                for c in classes {
                    if let n = try c.distance.nearest(to: a.position) {
                        exposures.append(Exposure(neighbour: c.code, name: c.name, distanceM: n.distanceM, point: n.point))
                    }
                }
                exposures.sort { $0.distanceM < $1.distanceM }
            }
            let cover = try zip(layers, covers).map { l, p in
                Cover(layout: l.layout, targetAltitudeM: l.targetAltitudeM, covered: try p.contains(a.position))
            }
            rows.append(Row(asset: a, inRegion: isIn, cover: cover, exposures: exposures))
        }
        return rows
    }

    /// How far beyond the forward line one layer's coverage sees.
    static func detection(line: DefenseLine, region: ProtectedRegion, layer l: CoverageLayer, standoffM: Double,
                          context ctx: GEOSContext, projContext: ProjContext) throws -> Detection {
        let regionGeom = try region.geometry(context: ctx)
        let depth = try DetectionDepth.measure(line: line, region: try regionGeom.prepared(), coverage: try Geometry(wkb: l.unionWKB, context: ctx),
                                               maxM: l.radiusM + standoffM + 1000, projection: try projection(regionGeom, projContext))
        return Detection(layout: l.layout, targetAltitudeM: l.targetAltitudeM, depth: depth)
    }

    /// The row whose nearest exposed frontier is closest (the worst warning), if any asset is inside the region.
    public var worst: Row? {
        rows.filter { $0.nearest != nil }.min { $0.nearest!.distanceM < $1.nearest!.distanceM }
    }
}

extension PerimeterResult {
    /// This perimeter's coverage per target altitude as asset-assessment layers: the continuous belt of the
    /// primary system (the headline layout) and the nominal-range layout.
    public var coverageLayers: [CoverageLayer] {
        belts.filter { $0.layer == 0 }.map {
            CoverageLayer(layout: "belt", targetAltitudeM: $0.targetAltitudeM, radiusM: $0.radiusM, unionWKB: $0.coverage.coverage.unionWKB)
        } + coverages.map {
            CoverageLayer(layout: "nominal", targetAltitudeM: $0.targetAltitudeM, radiusM: $0.radiusM, unionWKB: $0.coverage.unionWKB)
        }
    }
}
