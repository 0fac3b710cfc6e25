import CPROJ

/// Geodesic area (m²) and perimeter (m) of a ring, polygon or multipolygon.
public struct AreaPerimeter: Sendable, Hashable {
    /// Area in square metres, always ≥ 0.
    public var area: Double
    /// Perimeter in metres: the length of the whole boundary, so for a polygon the exterior plus the
    /// holes (like shapely's `length`; pyproj's `geometry_area_perimeter` counts the exterior only).
    public var perimeter: Double

    public init(area: Double, perimeter: Double) {
        self.area = area
        self.perimeter = perimeter
    }

    public static let zero = AreaPerimeter(area: 0, perimeter: 0)
}

/// Areas and perimeters of lon/lat rings whose edges are geodesics (`geod_polygonarea`).
///
/// Rings may be given open or closed (a repeated first point is ignored) and in either orientation:
/// areas are positive whatever the winding. A ring must not enclose more than half the ellipsoid
/// (the smaller of the two regions it bounds is measured).
extension Geodesic {
    /// The signed geodesic area of a ring in m²: positive when counter-clockwise (seen from above,
    /// x = lon east, y = lat north), negative when clockwise.
    public func signedArea(ofRing ring: [Coordinate]) -> Double {
        rawAreaPerimeter(ring).area
    }

    /// Area (m², ≥ 0) and perimeter (m) of one ring.
    public func areaAndPerimeter(ofRing ring: [Coordinate]) -> AreaPerimeter {
        let r = rawAreaPerimeter(ring)
        return AreaPerimeter(area: abs(r.area), perimeter: r.perimeter)
    }

    /// Area of a polygon with holes: |exterior| − Σ|hole| (m², clamped at 0, orientation-independent);
    /// perimeter: exterior plus all hole perimeters (m).
    public func areaAndPerimeter(ofPolygon exterior: [Coordinate], holes: [[Coordinate]] = []) -> AreaPerimeter {
        var result = areaAndPerimeter(ofRing: exterior)
        for hole in holes {
            let h = areaAndPerimeter(ofRing: hole)
            result.area -= h.area
            result.perimeter += h.perimeter
        }
        result.area = max(0, result.area)
        return result
    }

    /// Sum over the polygons of a multipolygon, each given as rings `[exterior, hole, hole …]`
    /// (GeoJSON's nesting). Empty polygons count as zero.
    public func areaAndPerimeter(ofMultiPolygon polygons: [[[Coordinate]]]) -> AreaPerimeter {
        var total = AreaPerimeter.zero
        for rings in polygons {
            guard let exterior = rings.first else { continue }
            let p = areaAndPerimeter(ofPolygon: exterior, holes: Array(rings.dropFirst()))
            total.area += p.area
            total.perimeter += p.perimeter
        }
        return total
    }

    /// `geod_polygonarea` over the ring without its closing point: (signed area, perimeter).
    func rawAreaPerimeter(_ ring: [Coordinate]) -> (area: Double, perimeter: Double) {
        var points = ring[...]
        if points.count > 1, points.first == points.last { points = points.dropLast() }
        guard points.count > 1 else { return (0, 0) }
        var lats = points.map(\.lat), lons = points.map(\.lon)
        var area = 0.0, perimeter = 0.0
        withGeod { gp in
            geod_polygonarea(gp, &lats, &lons, Int32(lats.count), &area, &perimeter)
        }
        return (area, perimeter)
    }
}
