import Foundation
import GeometryCore
import Testing
@testable import PerimeterKit

@Suite struct CompareFrontierTests {
    /// Poland's frontier per neighbour agrees with the independently derived shared borders of
    /// borders.geojson (each within 2% or 3 km, plus what was handed to the nearest neighbour), and the exposed
    /// total is the non-allied ones plus sea.
    @Test func polishFrontierMatchesSharedBorders() throws {
        let c = try CompareFixtures.comparison.get()
        let geo = try CompareGeoData.load(directory: CompareFixtures.geoData)
        let pb = try #require(c.perimeters.first { $0.line.name == "polish-border" })
        for s in pb.frontier.segments where s.facing == .country {
            let border = try #require(geo.border("PL", s.neighbour == "RU" ? "RU" : s.neighbour), "no PL-\(s.neighbour) border")
            let ref = border.reduce(0) { $0 + Geodesic.wgs84.length(of: $1) }
            // borders.geojson keeps only what lies within 0.003° of the neighbour's outline; the frontier also hands the
            // stretches farther off (the Neisse meanders: 16 km) to their nearest neighbour (`reassignedM`).
            #expect(s.lengthM - ref >= -max(0.02 * ref, 3000), "PL-\(s.neighbour): \(s.lengthM / 1000) km vs borders.geojson \(ref / 1000) km")
            #expect(s.lengthM - ref <= max(0.02 * ref, 3000) + pb.frontier.reassignedM,
                    "PL-\(s.neighbour): \(s.lengthM / 1000) km vs borders.geojson \(ref / 1000) km + \(pb.frontier.reassignedM / 1000) km handed over")
        }
        let sum = pb.frontier.segments.reduce(0) { $0 + $1.lengthM }
        #expect(abs(sum - pb.frontier.boundaryLengthM) / pb.frontier.boundaryLengthM < 0.005, "segments \(sum) vs boundary \(pb.frontier.boundaryLengthM)")
        let exposed = Set(pb.frontier.segments.filter(\.exposed).map(\.neighbour))
        #expect(exposed == ["UA", "BY", "RU", "sea"], "\(exposed)")
    }

    /// For the Dnipro perimeter the river itself is a frontier facing eastern Ukraine, about as long
    /// as the river inside Ukraine (958–979 km per GeoData/README.md).
    @Test func dniproLineFacesEasternUkraine() throws {
        let c = try CompareFixtures.comparison.get()
        let dn = try #require(c.perimeters.first { $0.line.name == "dnipro" })
        let river = try #require(dn.frontier.segments.first { $0.facing == .riverLine })
        #expect(river.neighbour == "UA-east" && river.exposed)
        #expect(river.lengthM > 940_000 && river.lengthM < 1_010_000, "\(river.lengthM / 1000) km")
        #expect(!dn.frontier.segments.contains { $0.neighbour == "UA" })
        #expect(dn.frontier.segments.first { $0.neighbour == "MD" }?.exposed == true)
        #expect(dn.frontier.exposedLengthM > c.perimeters[0].frontier.exposedLengthM)
    }
}
