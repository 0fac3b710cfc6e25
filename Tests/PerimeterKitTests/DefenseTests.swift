import Foundation
import PerimeterTestSupport
import Testing
@testable import PerimeterKit

@Suite struct RadarHorizonTests {
    /// 10 m antenna against a 100 m target: 4.12·(√10 + √100) ≈ 54.2 km (ATIS radar-horizon
    /// rule of thumb).
    @Test func tenMetreAntennaHundredMetreTarget() {
        let d = RadarHorizon.distanceM(radarHeightM: 10, targetAltitudeM: 100)
        #expect(abs(d / 1000 - 54.2) <= 0.2, "got \(d / 1000) km")
    }

    /// The ATIS form R[NM] = 2.23·(√h_t + √h_r) with heights in metres (4/3 Earth).
    @Test func agreesWithNauticalMileRule() {
        for (hr, ht) in [(5.0, 50.0), (10.0, 10_000.0), (30.0, 300.0)] {
            let d = RadarHorizon.distanceM(radarHeightM: hr, targetAltitudeM: ht)
            let nm = 2.23 * (hr.squareRoot() + ht.squareRoot()) * 1852
            #expect(abs(d - nm) / nm < 0.005, "h_r=\(hr) h_t=\(ht): \(d) vs \(nm)")
        }
    }

    @Test func zeroHeightsGiveZero() {
        #expect(RadarHorizon.distanceM(radarHeightM: 0, targetAltitudeM: 0) == 0)
    }
}

@Suite struct BeltLayoutTests {
    @Test func spacingFromRangeAndHalfWidth() throws {
        // R = 50 km, w = 30 km → s = 2·√(2500 − 900) km = 80 km.
        let belt = try BeltLayout(rangeM: 50_000, halfWidthM: 30_000)
        #expect(abs(belt.spacingM - 80_000) < 1e-6)
        #expect(belt.siteCount(lineLengthM: 400_000) == 6)
        #expect(belt.siteCount(lineLengthM: 400_001) == 7)
        #expect(belt.siteCount(lineLengthM: 0) == 1)
    }

    @Test func rejectsHalfWidthNotBelowRange() {
        #expect(throws: DomainError.self) { try BeltLayout(rangeM: 50_000, halfWidthM: 50_000) }
        #expect(throws: DomainError.self) { try BeltLayout(rangeM: -1, halfWidthM: 0) }
        #expect(throws: DomainError.self) { try BeltLayout(rangeM: .nan, halfWidthM: 0) }
    }
}

@Suite struct SystemProfileTests {
    static let geoData: String = TestEnvironment.geoData.path

    @Test func shippedProfilesLoadAndCarrySources() throws {
        let catalog = try SystemProfileCatalog(contentsOf: GeoDataLocator.file("profiles.json", in: Self.geoData))
        #expect(catalog.profiles.count >= 4)
        for p in catalog.profiles {
            #expect(!p.rangeSource.isEmpty && !p.radarHeightSource.isEmpty)
        }
        #expect(try catalog.profile(named: "patriot-pac2").rangeKm == 160)
    }

    @Test func unknownProfileListsKnownOnes() throws {
        let catalog = try SystemProfileCatalog(contentsOf: GeoDataLocator.file("profiles.json", in: Self.geoData))
        #expect(throws: DomainError.self) { try catalog.profile(named: "s-400") }
        do { _ = try catalog.profile(named: "s-400") } catch {
            #expect("\(error)".contains("patriot-pac2"))
        }
    }

    @Test func badProfileFileNamesFileAndMember() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("perimeter-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("p.json")
        try #"{"profiles":[{"name":"x","title":"X","range_km":-5,"radar_height_m":3,"range_source":"s","radar_height_source":"s"}]}"#
            .write(to: bad, atomically: true, encoding: .utf8)
        do {
            _ = try SystemProfileCatalog(contentsOf: bad.path)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("p.json") && "\(error)".contains("range_km"))
        }
        try #"{"profiles":[{"name":"x"}]}"#.write(to: bad, atomically: true, encoding: .utf8)
        do {
            _ = try SystemProfileCatalog(contentsOf: bad.path)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("profiles[0]") && "\(error)".contains("title"), "\(error)")
        }
    }
}
