import Foundation
import GeoJSON
import GeometryCore
import Testing
@testable import PerimeterKit

/// The map CRS chosen for the data, and polygons cut at ±180° (RFC 7946) drawn without a seam.
@Suite struct MapAntimeridianTests {
    static func layer(_ g: GeoJSONGeometry, role: MapLayerRole = .airspace) -> MapLayer {
        MapLayer(name: "a", role: role, collection: FeatureCollection(features: [Feature(geometry: g, properties: ["name": .string("Z")])]))
    }

    /// A zone west of Alaska cut at ±180°: an east part (170°E…180°) and a west part (−180°…−170°).
    static let cutZone = GeoJSONGeometry.multiPolygon([
        [[Position(lon: 170, lat: 55), Position(lon: 180, lat: 55), Position(lon: 180, lat: 62), Position(lon: 170, lat: 62),
          Position(lon: 170, lat: 55)]],
        [[Position(lon: -180, lat: 55), Position(lon: -170, lat: 55), Position(lon: -170, lat: 62), Position(lon: -180, lat: 62),
          Position(lon: -180, lat: 55)]],
    ])

    @Test func alaskaDataGetsALAEACentredOnThemAndEuropeKeepsEPSG3035() throws {
        let alaska = MapCRSChoice.crs(for: [Self.layer(Self.cutZone)])
        // The mean of the unit vectors, not of the longitudes (which would be 0°, the far side of the globe).
        // (The closing positions count too, so the 170° side weighs a little more: 179°, not 180°.)
        #expect(alaska == "+proj=laea +lat_0=58 +lon_0=179 +datum=WGS84 +units=m +no_defs", "\(alaska)")
        let poland = Self.layer(.polygon([[Position(lon: 14, lat: 49), Position(lon: 24, lat: 49), Position(lon: 24, lat: 55),
                                           Position(lon: 14, lat: 49)]]))
        #expect(MapCRSChoice.crs(for: [poland]) == "EPSG:3035")
        // The basemap never decides: Europe with a world basemap stays EPSG:3035.
        #expect(MapCRSChoice.crs(for: [poland, Self.layer(Self.cutZone, role: .basemap)]) == "EPSG:3035")
        // An explicit bbox decides instead of the data.
        #expect(MapCRSChoice.crs(for: [poland], bbox: BoundingBox(west: -160, south: 55, east: -140, north: 70))
                == "+proj=laea +lat_0=63 +lon_0=-150 +datum=WGS84 +units=m +no_defs")
        // Near the pole the centre is the pole.
        let ring = stride(from: -180.0, to: 180, by: 30).map { Position(lon: $0, lat: 85) }
        #expect(MapCRSChoice.crs(for: [Self.layer(.lineString(ring))]).hasPrefix("+proj=laea +lat_0=90 "))
    }

    @Test func alaskaIsDrawnNorthUp() throws {
        let crs = MapCRSChoice.crs(for: [Self.layer(Self.cutZone)])
        let points = MapLayer(name: "p", role: .places, collection: FeatureCollection(features: [
            Feature(geometry: .point(Position(lon: 180, lat: 56)), properties: ["name": .string("S")]),
            Feature(geometry: .point(Position(lon: 180, lat: 61)), properties: ["name": .string("N")]),
        ]))
        let svg = try MapRenderer(options: .init(crs: crs, graticule: false)).render([Self.layer(Self.cutZone), points])
        let (summary, ok) = SVGSummary.parse(svg)
        #expect(ok)
        let s = try #require(summary.circle("S")), n = try #require(summary.circle("N"))
        #expect(n.y < s.y - 50 && abs(n.x - s.x) < 0.1 * (s.y - n.y), "N \(n) S \(s)")
    }

    /// The cut at 180° is filled across but not stroked: the fill path has no stroke, and the outline path
    /// has no segment along the 180° meridian.
    @Test func aPolygonCutAt180HasNoStrokedSegmentAlongTheCut() throws {
        // Centred on 180° so the cut is a vertical line on the map.
        let crs = "+proj=laea +lat_0=58 +lon_0=180 +datum=WGS84"
        let svg = try MapRenderer(options: .init(crs: crs, graticule: false)).render([Self.layer(Self.cutZone)])
        let paths = svg.split(separator: "\n").filter { $0.hasPrefix("<path") }.map(String.init)
        let fill = try #require(paths.first { $0.contains("data-name=\"Z\"") })
        #expect(fill.contains("stroke=\"none\""), "\(fill)")
        let outline = try #require(paths.first { $0.contains("class=\"outline\"") })
        #expect(outline.contains("fill=\"none\""))
        // The x of the 180° meridian at the centre latitude (lon_0 = 180: the meridian is a vertical line).
        let points = MapLayer(name: "p", role: .places, collection: FeatureCollection(features: [
            Feature(geometry: .point(Position(lon: 180, lat: 58)), properties: ["name": .string("C")])]))
        let (summary, _) = SVGSummary.parse(try MapRenderer(options: .init(crs: crs, graticule: false))
            .render([Self.layer(Self.cutZone), points]))
        let x180 = try #require(summary.circle("C")).x
        // Every stroked segment of the outline: none runs along x = x180 (both ends on it).
        let d = try #require(outline.split(separator: "\"").dropFirst().first { $0.hasPrefix("M") })
        var segments = 0
        for run in d.split(separator: "M") {
            let pts = run.split(separator: "L").map { $0.split(separator: " ").compactMap { Double($0) } }
            #expect(!run.contains("Z"))
            for (a, b) in zip(pts, pts.dropFirst()) {
                segments += 1
                #expect(!(abs(a[0] - x180) < 1 && abs(b[0] - x180) < 1), "stroked cut segment \(a) → \(b)")
            }
        }
        // Each part keeps its three outer edges.
        #expect(segments == 6, "\(d)")
        // The fill still has the edges along 180° (closed rings).
        #expect(fill.contains("Z"))
    }

    @Test func ringsWithoutCutEdgesAreDrawnAsBefore() throws {
        let zone = GeoJSONGeometry.polygon([[Position(lon: 14, lat: 49), Position(lon: 24, lat: 49), Position(lon: 24, lat: 55),
                                             Position(lon: 14, lat: 49)]])
        let svg = try MapRenderer(options: .init(graticule: false)).render([Self.layer(zone)])
        #expect(!svg.contains("class=\"outline\"") && !svg.contains("stroke=\"none\" d="))
    }
}
