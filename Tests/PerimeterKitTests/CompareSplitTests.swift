import Foundation
import GeometryCore
import Testing
@testable import PerimeterKit

@Suite struct CompareSplitTests {
    /// Ukraine split by the Dnipro: the parts' geodesic areas add up to Ukraine's within 0.01%;
    /// Lviv, Vinnytsia and Odesa are in the west, Kharkiv and Poltava in the east
    /// (coordinates from GeoData/places.geojson).
    @Test func splitAreasAddUpAndCitiesFallOnTheirSide() throws {
        let geo = try CompareGeoData.load(directory: CompareFixtures.geoData)
        let ctx = GEOSContext()
        let ukraine = try #require(geo.country("UA")).geometry.geosGeometry(context: ctx)
        let river = try DefenseLine.dnipro(geoData: geo).geometry(context: ctx)
        let split = try UkraineSplit.split(ukraine: ukraine, river: river,
                                           westReference: try geo.place("Lviv"), eastReference: try geo.place("Kharkiv"))
        #expect(split.pieceCount >= 2)
        let sum = split.westAreaM2 + split.eastAreaM2
        #expect(abs(sum - split.ukraineAreaM2) / split.ukraineAreaM2 < 1e-4, "west+east \(sum / 1e6) km² vs UA \(split.ukraineAreaM2 / 1e6) km²")
        // Independent of the split's own bookkeeping: Ukraine's area from GeoData's property.
        #expect(abs(split.ukraineAreaM2 / 1e6 - 600_412.361) / 600_412.361 < 1e-4)
        // Both parts are substantial (the river cuts the country, it does not shave a sliver).
        #expect(split.westAreaM2 > 0.4 * sum && split.eastAreaM2 > 0.3 * sum)
        let west = try split.west(context: ctx).prepared(), east = try split.east(context: ctx).prepared()
        for city in ["Lviv", "Vinnytsia", "Odesa"] {
            let c = try geo.place(city)
            #expect(try west.contains(c), "\(city) not in the west part")
            #expect(try !east.contains(c), "\(city) in the east part")
        }
        for city in ["Kharkiv", "Poltava"] {
            let c = try geo.place(city)
            #expect(try east.contains(c), "\(city) not in the east part")
            #expect(try !west.contains(c), "\(city) in the west part")
        }
        // The parts do not overlap.
        let overlap = try split.west(context: ctx).intersection(try split.east(context: ctx)).geodesicAreaPerimeter().area
        #expect(overlap < 1e-6 * sum)
    }

    /// A river that does not separate the references is an error, not a wrong answer.
    @Test func lineThatDoesNotCutIsRejected() throws {
        let geo = try CompareGeoData.load(directory: CompareFixtures.geoData)
        let ctx = GEOSContext()
        let ukraine = try #require(geo.country("UA")).geometry.geosGeometry(context: ctx)
        let stub = try Geometry.lineString([Coordinate(lon: 30, lat: 50), Coordinate(lon: 30.1, lat: 50.1)], context: ctx)
        #expect(throws: DomainError.self) {
            try UkraineSplit.split(ukraine: ukraine, river: stub, westReference: try geo.place("Lviv"), eastReference: try geo.place("Kharkiv"))
        }
    }
}
