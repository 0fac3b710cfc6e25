import Foundation
import GeometryCore
import Testing
@testable import GeoJSON
import PerimeterTestSupport

/// RFC 7946 normalisation: winding (§3.1.6) and antimeridian cutting (§3.1.9).
@Suite struct NormalizerTests {
    /// Checks the parts of a cut polygon: valid RFC 7946, longitudes in range, some touching +180 and some −180,
    /// and together as large (in the lon/lat plane) as the uncut shape.
    func expectValidCut(_ g: GeoJSONGeometry, parts: Int, area: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let polys = polygons(g)
        #expect(polys.count == parts, "\(g)", sourceLocation: sourceLocation)
        #expect(RFC7946Validator.problems(in: g).isEmpty, "\(RFC7946Validator.problems(in: g))", sourceLocation: sourceLocation)
        let lons = g.allPositions.map(\.lon)
        #expect(lons.allSatisfy { $0 >= -180 && $0 <= 180 }, sourceLocation: sourceLocation)
        #expect(lons.contains(180) && lons.contains(-180), sourceLocation: sourceLocation)
        for p in polys {
            for r in p { #expect(r.first == r.last && r.count >= 4, sourceLocation: sourceLocation) }
            let ls = p.flatMap { $0 }.map(\.lon)
            #expect(ls.allSatisfy { $0 >= 0 } || ls.allSatisfy { $0 <= 0 }, "part on both sides: \(p)", sourceLocation: sourceLocation)
        }
        let total = polys.reduce(0) { $0 + planarArea($1) }
        #expect(abs(total - area) < 1e-9 * max(1, area), "area \(total) ≠ \(area)", sourceLocation: sourceLocation)
    }

    @Test func clockwisePolygonIsRewound() throws {
        let cw = ring([(0, 0), (0, 10), (10, 10), (10, 0)])
        let ccwHole = ring([(2, 2), (4, 2), (4, 4), (2, 4)])
        #expect(!RFC7946Validator.problems(in: .polygon([cw, ccwHole])).isEmpty)
        let fixed = try RFC7946Normalizer.normalized(.polygon([cw, ccwHole]))
        guard case .polygon(let rings) = fixed else { Issue.record("\(fixed)"); return }
        #expect(PlanarRing.signedArea(rings[0]) > 0)
        #expect(PlanarRing.signedArea(rings[1]) < 0)
        #expect(Set(rings[0]) == Set(cw))
        #expect(RFC7946Validator.problems(in: fixed).isEmpty)
        // And through the writer: the text passes the validator.
        let data = try GeoJSONWriter().encode(FeatureCollection(features: [Feature(geometry: .polygon([cw, ccwHole]))]))
        #expect(RFC7946Validator.problems(in: data).isEmpty)
        let raw = try GeoJSONWriter(normalize: false).encode(FeatureCollection(features: [Feature(geometry: .polygon([cw, ccwHole]))]))
        #expect(RFC7946Validator.problems(in: raw).map(\.description) == [
            "features[0].geometry.coordinates[0]: exterior ring is clockwise; RFC 7946 wants counter-clockwise",
            "features[0].geometry.coordinates[1]: hole is counter-clockwise; RFC 7946 wants clockwise",
        ])
    }

    @Test func squareAcrossTheAntimeridianSplitsInTwo() throws {
        let square = ring([(170, 0), (190, 0), (190, 10), (170, 10)])
        let g = try RFC7946Normalizer.normalized(.polygon([square]))
        expectValidCut(g, parts: 2, area: 200)
        let polys = polygons(g)
        let west = polys.first { $0[0].allSatisfy { $0.lon >= 0 } }!
        let east = polys.first { $0[0].allSatisfy { $0.lon <= 0 } }!
        #expect(Set(west[0].map(\.lon)) == [170, 180])
        #expect(Set(east[0].map(\.lon)) == [-180, -170])
        #expect(BoundingBox.enclosing([g]) == BoundingBox(west: 170, south: 0, east: -170, north: 10))
    }

    @Test func wrappedSquareIsRecognisedAndSplit() throws {
        // The same square written with wrapped longitudes: 170 → −170 jumps by 340°.
        let wrapped = ring([(170, 0), (-170, 0), (-170, 10), (170, 10)])
        expectValidCut(try RFC7946Normalizer.normalized(.polygon([wrapped])), parts: 2, area: 200)
        // Clockwise and starting east of the line.
        let cw = ring([(-175, 5), (-175, -5), (175, -5), (175, 5)])
        expectValidCut(try RFC7946Normalizer.normalized(.polygon([cw])), parts: 2, area: 100)
    }

    @Test func concaveCShapeCrossingFourTimes() throws {
        // A "C" open to the east: its back (170…175) west of the line, both arms reaching to 190.
        let openEast = ring([(170, 0), (190, 0), (190, 3), (175, 3), (175, 7), (190, 7), (190, 10), (170, 10)])
        let g1 = try RFC7946Normalizer.normalized(.polygon([openEast]))
        expectValidCut(g1, parts: 3, area: 140)
        #expect(polygons(g1).filter { $0[0].allSatisfy { $0.lon <= 0 } }.count == 2)
        // A "C" open to the west: its back (180…190) east of the line.
        let openWest = ring([(170, 0), (190, 0), (190, 10), (170, 10), (170, 7), (185, 7), (185, 3), (170, 3)])
        let g2 = try RFC7946Normalizer.normalized(.polygon([openWest]))
        expectValidCut(g2, parts: 3, area: 200 - 60)
        #expect(polygons(g2).filter { $0[0].allSatisfy { $0.lon >= 0 } }.count == 2)
    }

    @Test func holesAcrossAndBesideTheAntimeridian() throws {
        let square = ring([(170, 0), (190, 0), (190, 10), (170, 10)])
        // A hole cut by the line becomes a notch in each part.
        let cutHole = ring([(178, 4), (178, 6), (182, 6), (182, 4)])
        let g1 = try RFC7946Normalizer.normalized(.polygon([square, cutHole]))
        expectValidCut(g1, parts: 2, area: 200 - 8)
        #expect(polygons(g1).allSatisfy { $0.count == 1 })
        // A hole wholly on one side stays a hole of that part (given wrapped and counter-clockwise).
        let sideHole = ring([(-174, 4), (-172, 4), (-172, 6), (-174, 6)])
        let g2 = try RFC7946Normalizer.normalized(.polygon([square, sideHole]))
        expectValidCut(g2, parts: 2, area: 200 - 4)
        let withHole = polygons(g2).filter { $0.count == 2 }
        #expect(withHole.count == 1)
        #expect(withHole.first?[0].allSatisfy { $0.lon <= 0 } == true)
    }

    @Test func polygonBeyond180WithoutCrossingIsShifted() throws {
        let g = try RFC7946Normalizer.normalized(.polygon([ring([(185, 0), (195, 0), (195, 5)])]))
        #expect(g == .polygon([ring([(-175, 0), (-165, 0), (-165, 5)])]))
        // Touching 180 from the west only: no cut.
        let touching = ring([(170, 0), (180, 0), (180, 5)])
        #expect(try RFC7946Normalizer.normalized(.polygon([touching])) == .polygon([touching]))
    }

    @Test func lineFrom179ToMinus179() throws {
        let g = try RFC7946Normalizer.normalized(.lineString([Position(lon: 179, lat: 0), Position(lon: -179, lat: 2)]))
        #expect(g == .multiLineString([
            [Position(lon: 179, lat: 0), Position(lon: 180, lat: 1)],
            [Position(lon: -180, lat: 1), Position(lon: -179, lat: 2)],
        ]))
        #expect(BoundingBox.enclosing([g]) == BoundingBox(west: 179, south: 0, east: -179, north: 2))
    }

    @Test func continuousLineCrossingTwiceWithAltitude() throws {
        let line = [Position(lon: 170, lat: 0, altitude: 0), Position(lon: 190, lat: 10, altitude: 1000),
                    Position(lon: 170, lat: 20, altitude: 0)]
        let g = try RFC7946Normalizer.normalized(.lineString(line))
        #expect(g == .multiLineString([
            [Position(lon: 170, lat: 0, altitude: 0), Position(lon: 180, lat: 5, altitude: 500)],
            [Position(lon: -180, lat: 5, altitude: 500), Position(lon: -170, lat: 10, altitude: 1000), Position(lon: -180, lat: 15, altitude: 500)],
            [Position(lon: 180, lat: 15, altitude: 500), Position(lon: 170, lat: 20, altitude: 0)],
        ]))
        #expect(RFC7946Validator.problems(in: g).isEmpty)
    }

    @Test func lineInRangeIsUntouched() throws {
        let line = GeoJSONGeometry.lineString([Position(lon: -180, lat: 0), Position(lon: 0, lat: 1), Position(lon: 180, lat: 0)])
        #expect(try RFC7946Normalizer.normalized(line) == line)
    }

    @Test func geodesicCircleAroundASiteNearTheAntimeridian() throws {
        // A 400 km coverage circle around a site at 179.5° E, 60° N, built with continuous longitudes.
        let geod = Geodesic.wgs84
        let centre = Coordinate(lon: 179.5, lat: 60)
        var positions: [Position] = []
        var previous = centre.lon
        for i in 0..<72 {
            var c = geod.direct(from: centre, azimuth: Double(i) * 5, distance: 400_000).coordinate
            while c.lon - previous > 180 { c.x -= 360 }
            while c.lon - previous < -180 { c.x += 360 }
            previous = centre.lon
            positions.append(Position(c))
        }
        positions.append(positions[0])
        #expect(positions.contains { $0.lon > 180 })
        let area = planarArea([PlanarRing.oriented(positions, counterClockwise: true)])
        let g = try RFC7946Normalizer.normalized(.polygon([positions]))
        expectValidCut(g, parts: 2, area: area)
        // The same circle given in wrapped form (longitudes folded into [-180, 180]) gives the same parts.
        let wrapped = positions.map { var p = $0; p.lon = Longitude.normalized(p.lon); return p }
        expectValidCut(try RFC7946Normalizer.normalized(.polygon([wrapped])), parts: 2, area: area)
    }

    @Test func ringAroundAPoleIsRefused() {
        var cap: [Position] = stride(from: -180.0, to: 180, by: 30).map { Position(lon: $0, lat: 80) }
        cap.append(cap[0])
        let c = FeatureCollection(features: [Feature(geometry: nil), Feature(geometry: .polygon([cap]))])
        #expect(errorText { _ = try GeoJSONWriter().encode(c) }
            == "features[1].geometry.coordinates[0]: ring encircles a pole (its longitudes advance by 360°); such rings cannot be cut at the antimeridian")
    }

    @Test func bboxOfOrdinaryAndScatteredShapes() {
        let g: [GeoJSONGeometry] = [.point(Position(lon: 14, lat: 49)), .lineString([Position(lon: 24, lat: 54), Position(lon: 20, lat: 50)])]
        #expect(BoundingBox.enclosing(g) == BoundingBox(west: 14, south: 49, east: 24, north: 54))
        #expect(BoundingBox.enclosing([.point(Position(lon: -100, lat: 0)), .point(Position(lon: 100, lat: 1))])
            == BoundingBox(west: 100, south: 0, east: -100, north: 1))
        #expect(BoundingBox.enclosing([.lineString([Position(lon: -100, lat: 0), Position(lon: 100, lat: 1)])])
            == BoundingBox(west: -100, south: 0, east: 100, north: 1))
        #expect(BoundingBox.enclosing([]) == nil)
    }

    @Test func writerBBoxOutput() throws {
        let c = FeatureCollection(features: [Feature(geometry: .polygon([ring([(170, 0), (190, 0), (190, 10), (170, 10)])]))])
        let t = String(decoding: try GeoJSONWriter(layout: .compact, bbox: .collectionAndFeatures).encode(c), as: UTF8.self)
        #expect(t.hasPrefix(#"{"type":"FeatureCollection","bbox":[170,0,-170,10],"features":[{"type":"Feature","bbox":[170,0,-170,10],"geometry":{"type":"MultiPolygon""#))
        #expect(RFC7946Validator.problems(in: Data(t.utf8)).isEmpty)
    }
}

/// Vertices lying exactly on the antimeridian (common in real data) must not confuse the cut.
@Suite struct AntimeridianVertexTests {
    @Test func verticesOnTheMeridian() throws {
        let withVertices = ring([(170, 0), (180, 0), (190, 0), (190, 10), (180, 10), (170, 10)])
        let g = try RFC7946Normalizer.normalized(.polygon([withVertices]))
        #expect(polygons(g).count == 2)
        #expect(abs(polygons(g).reduce(0) { $0 + planarArea($1) } - 200) < 1e-9)
        #expect(RFC7946Validator.problems(in: g).isEmpty)
        // Wrapped, passing through −180 and +180 written as such.
        let wrapped = ring([(170, 0), (180, 0), (-170, 0), (-170, 10), (-180, 10), (170, 10)])
        let w = try RFC7946Normalizer.normalized(.polygon([wrapped]))
        #expect(polygons(w).count == 2)
        #expect(abs(polygons(w).reduce(0) { $0 + planarArea($1) } - 200) < 1e-9)
        #expect(RFC7946Validator.problems(in: w).isEmpty)
    }

    @Test func apexOnTheMeridian() throws {
        let triangle = ring([(170, 0), (190, 0), (180, 10)])
        let g = try RFC7946Normalizer.normalized(.polygon([triangle]))
        #expect(polygons(g).count == 2)
        #expect(polygons(g).map(planarArea) == [50, 50])
        #expect(RFC7946Validator.problems(in: g).isEmpty)
    }

    @Test func lineThroughAVertexOnTheMeridian() throws {
        let g = try RFC7946Normalizer.normalized(.lineString([Position(lon: 170, lat: 0), Position(lon: 180, lat: 1), Position(lon: 190, lat: 2)]))
        #expect(g == .multiLineString([
            [Position(lon: 170, lat: 0), Position(lon: 180, lat: 1)],
            [Position(lon: -180, lat: 1), Position(lon: -170, lat: 2)],
        ]))
    }
}

/// The normaliser's shortcut for rings that need nothing: the same bits as the full path.
@Suite struct NormalizerShortcutTests {
    /// A ring with no step over 180° comes back as it is (the same bits); a −0 longitude becomes +0 as
    /// adding the zero offset makes it (after the first position); a ring needing unwrapping is still unwrapped.
    @Test func unwrappedKeepsBitsOrUnwraps() {
        var random = SplitMix64(seed: 31)
        for _ in 0..<500 {
            let lon0 = random.uniform(-179, 179), lat0 = random.uniform(-80, 80)
            var ring = (0..<50).map { k in
                Position(lon: lon0 + cos(Double(k) / 50 * 2 * .pi), lat: lat0 + sin(Double(k) / 50 * 2 * .pi))
            }
            ring.append(ring[0])
            let same = Antimeridian.unwrapped(ring)
            #expect(zip(same, ring).allSatisfy { Antimeridian.sameBits($0, $1) })
        }
        let negativeZero = [Position(lon: -0.0, lat: 0), Position(lon: 1, lat: 0), Position(lon: 1, lat: 1), Position(lon: -0.0, lat: 0)]
        // (The first position is kept as it is; later ones get the zero offset added.)
        #expect(Antimeridian.unwrapped(negativeZero).map(\.lon.sign) == [.minus, .plus, .plus, .plus])
        let wrapped = [Position(lon: 179, lat: 0), Position(lon: -179, lat: 0), Position(lon: -179, lat: 1), Position(lon: 179, lat: 0)]
        #expect(Antimeridian.unwrapped(wrapped).map(\.lon) == [179, 181, 181, 179])
    }
}
