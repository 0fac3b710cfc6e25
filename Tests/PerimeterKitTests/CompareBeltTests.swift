import Foundation
import GeometryCore
import Testing
@testable import PerimeterKit

/// The continuous-belt placement on a line whose answer is known: a 4.5° meridian at the equator
/// (497.6 km) with friendly ground to its west.
@Suite struct CompareBeltTests {
    static let line = DefenseLine(name: "meridian", parts: [[Coordinate(lon: 10, lat: 0), Coordinate(lon: 10, lat: 2.25),
                                                              Coordinate(lon: 10, lat: 4.5)]], source: "test")

    static func belt(regionWest: Double, standoffM: Double, radiusM: Double) throws -> (BeltPlacement, LineSamples, FriendlyStations) {
        let ctx = GEOSContext()
        let region = try Geometry.box(Bounds(minX: regionWest, minY: -1, maxX: 10, maxY: 5.5), context: ctx)
        let projection = try LocalProjection(covering: line.parts[0])
        let ground = try FriendlyGround.at(standoffM: standoffM, behind: line, region: region, projection: projection)
        let samples = try LineSamples.along(line, projection: projection)
        let placed = BeltPlacement.place(samples: samples, stations: ground.stations, radiusM: radiusM, toleranceM: 10, projection: projection)
        return (placed, samples, ground.stations)
    }

    /// Each site covers a chord of 2√(r'² − d²) of a straight line d away (r' = r − 0.26 km): the fewest
    /// sites are ⌈L / chord⌉, and greedy along a straight line finds exactly that many; every sample of the
    /// line is within r' of a site (exact geodesic distances).
    @Test func straightLineNeedsTheChordCount() throws {
        for (radius, standoff) in [(51_314.0, 20_000.0), (140_440.0, 20_000.0), (35_000.0, 25_000.0)] {
            let (placed, samples, stations) = try Self.belt(regionWest: 8, standoffM: standoff, radiusM: radius)
            let reach = radius - 250 - 10
            let chord = 2 * (reach * reach - standoff * standoff).squareRoot()
            let length = Self.line.lengthM
            let expected = Int((length / chord).rounded(.up))
            #expect(placed.chosen.count == expected, "r \(radius) d \(standoff): \(placed.chosen.count) sites, ⌈\(length) / \(chord)⌉ = \(expected)")
            #expect(placed.uncoverable.isEmpty && placed.unverified == 0)
            for s in samples.samples {
                let d = placed.chosen.map { Geodesic.wgs84.distance(stations.stations[$0].position, s.position) }.min()!
                #expect(d <= reach + 1e-6, "sample \(s.position) is \(d) m from the nearest site")
            }
        }
    }

    /// A region 11 km deep with a 20 km standoff has no friendly station: every sample is out of reach;
    /// a radius below the standoff reaches nothing either.
    @Test func impossibleBeltsLeaveTheLineUncovered() throws {
        let (narrow, samples, stations) = try Self.belt(regionWest: 9.9, standoffM: 20_000, radiusM: 51_314)
        #expect(stations.stations.isEmpty && narrow.chosen.isEmpty && narrow.uncoverable.count == samples.samples.count)
        let (short, samples2, _) = try Self.belt(regionWest: 8, standoffM: 60_000, radiusM: 51_314)
        #expect(short.chosen.isEmpty && short.uncoverable.count == samples2.samples.count)
    }
}
