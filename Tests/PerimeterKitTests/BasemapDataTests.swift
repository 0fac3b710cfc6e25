import Foundation
import GeoJSON
import GeometryCore
import PerimeterKit
import PerimeterTestSupport
import Testing

/// GeoData/basemap.geojson (tools/geodata/basemap.py): the generalised basemap under every map. Land is never
/// sea: capitals of countries GeoData does not model lie in their country and on land; open sea lies on no
/// land; major lakes are lakes. Points are lon/lat degrees from each place's Wikipedia infobox, rounded.
@Suite struct BasemapDataTests {
    static let geoData = TestEnvironment.geoData.path

    static func features(_ tag: String) throws -> [Feature] {
        try GeoJSONReader.read(contentsOf: geoData + "/basemap.geojson").features
            .filter { $0.properties["layer"]?.stringValue == tag }
    }

    /// Whether any feature of `fs` contains `c`.
    static func contains(_ fs: [Feature], _ c: Coordinate, context: GEOSContext) throws -> Bool {
        for f in fs {
            guard let g = f.geometry else { continue }
            if try g.geosGeometry(context: context).prepared().contains(c) { return true }
        }
        return false
    }

    static let capitals: [(iso2: String, name: String, lon: Double, lat: Double)] = [
        ("AT", "Vienna", 16.37, 48.21), ("SI", "Ljubljana", 14.51, 46.06), ("HR", "Zagreb", 15.98, 45.81),
        ("RS", "Belgrade", 20.46, 44.82), ("BA", "Sarajevo", 18.41, 43.86), ("IT", "Rome", 12.50, 41.90),
        ("FR", "Paris", 2.35, 48.86), ("TR", "Ankara", 32.85, 39.93), ("GR", "Athens", 23.73, 37.98),
        ("GB", "London", -0.13, 51.51), ("NO", "Oslo", 10.75, 59.91), ("GE", "Tbilisi", 44.79, 41.72),
    ]

    @Test func countriesNotModelledAreThereAndHoldTheirCapitals() throws {
        let context = GEOSContext()
        let countries = try Self.features("country")
        let land = try Self.features("land")
        for c in Self.capitals {
            let p = Coordinate(lon: c.lon, lat: c.lat)
            let own = countries.filter { $0.properties["iso2"]?.stringValue == c.iso2 }
            #expect(!own.isEmpty, "basemap has no \(c.iso2)")
            #expect(try Self.contains(own, p, context: context), "\(c.name) is not inside \(c.iso2)")
            #expect(try Self.contains(land, p, context: context), "\(c.name) is not on land")
        }
        // The modelled countries are not drawn twice: only Russia east of countries.geojson's cut is here.
        let modelled = try GeoJSONReader.read(contentsOf: Self.geoData + "/countries.geojson").features
            .compactMap { $0.properties["iso2"]?.stringValue }
        let doubled = countries.compactMap { $0.properties["iso2"]?.stringValue }.filter { modelled.contains($0) && $0 != "RU" }
        #expect(doubled.isEmpty, "drawn twice: \(doubled)")
    }

    @Test func landOutsideEuropeAndSeaAreRight() throws {
        let context = GEOSContext()
        let land = try Self.features("land")
        // Land beyond the detailed box (crude GSHHG, coasts good to tens of km, so inland cities): Denver, Brasília,
        // Beijing, Nairobi, Canberra.
        for (name, lon, lat) in [("Denver", -104.99, 39.74), ("Brasília", -47.88, -15.79), ("Beijing", 116.4, 39.9),
                                 ("Nairobi", 36.82, -1.29), ("Canberra", 149.13, -35.28)] {
            #expect(try Self.contains(land, Coordinate(lon: lon, lat: lat), context: context), "\(name) is not on land")
        }
        // Open sea: central Black Sea, Baltic Proper, Bay of Biscay, mid-Atlantic, Ionian Sea.
        for (name, lon, lat) in [("Black Sea", 34.0, 43.5), ("Baltic", 19.0, 56.0), ("Biscay", -5.0, 45.5), ("Atlantic", -30.0, 40.0), ("Ionian", 19.0, 37.0)] {
            #expect(try !Self.contains(land, Coordinate(lon: lon, lat: lat), context: context), "\(name) is painted as land")
        }
    }

    @Test func majorLakesAndRivers() throws {
        let context = GEOSContext()
        let lakes = try Self.features("lake")
        for (name, lon, lat) in [("Balaton", 17.75, 46.83), ("Lake Geneva", 6.55, 46.45), ("Ladoga", 31.5, 60.8)] {
            #expect(try Self.contains(lakes, Coordinate(lon: lon, lat: lat), context: context), "\(name) is not a lake")
        }
        let rivers = try Self.features("river")
        #expect(!rivers.isEmpty)
        // The Danube at Budapest runs within 3 km of a river line.
        let budapest = Coordinate(lon: 19.05, lat: 47.50)
        var nearest = Double.infinity
        for f in rivers {
            guard case .multiLineString(let lines)? = f.geometry else { continue }
            for line in lines { for p in line { nearest = min(nearest, Geodesic.wgs84.distance(budapest, p.coordinate)) } }
        }
        #expect(nearest < 3_000, "nearest river vertex to Budapest: \(nearest) m")
    }

    @Test func basemapLayersComeInDrawingOrder() throws {
        let layers = try GeoDataMapLayers.basemap(geodata: Self.geoData)
        #expect(layers.map(\.name) == ["land", "countries_generalised", "countries", "lakes", "rivers"])
        #expect(layers.allSatisfy { $0.role == .basemap })
        // Small enough to ship.
        let size = try FileManager.default.attributesOfItem(atPath: Self.geoData + "/basemap.geojson")[.size] as? Int ?? 0
        #expect(size < 3_000_000, "basemap.geojson is \(size) bytes")
    }
}
