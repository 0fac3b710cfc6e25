import Foundation
import GeometryCore
import Testing
@testable import PerimeterKit

@Suite struct CompareLayoutTests {
    /// Site count = ⌈L/s⌉ + 1 for the reported site-line length L of every part, less the sites dropped for
    /// want of friendly ground; a site not moved sits at geodesic distance k·s along the line (or at its end);
    /// a moved one stands inside the protected region, as near its station as friendly ground allows.
    @Test func siteCountAndSpacing() throws {
        let c = try CompareFixtures.comparison.get()
        let ctx = GEOSContext()
        for r in c.perimeters {
            let s = r.layout.belt.spacingM
            #expect(abs(s - 2 * (160_000.0 * 160_000 - 80_000.0 * 80_000).squareRoot()) < 1e-6)
            var expected = 0
            let region = try r.region.geometry(context: ctx).prepared()
            for part in r.layout.parts {
                expected += Int((part.lengthM / s).rounded(.up)) + 1
                // Independent walk along the line: distances between consecutive sites along it.
                let stations = PolylineStations(part.line)
                #expect(abs(stations.lengthM - part.lengthM) < 1e-6)
                for site in part.sites where site.movedM == 0 {
                    let k = (site.distanceM / s).rounded()
                    #expect(abs(site.distanceM - k * s) < 1e-6 || abs(site.distanceM - part.lengthM) < 1e-6,
                            "\(r.line.name): unmoved site at \(site.distanceM) m, spacing \(s) m")
                }
                for site in part.sites where site.movedM > 0 {
                    #expect(try region.contains(site.position), "\(r.line.name): moved site \(site.position) outside the region")
                    #expect(site.movedM < s / 2, "\(r.line.name): moved \(site.movedM) m")
                }
                // Site k is on the line: its geodesic distance to the nearest densified vertex is tiny.
                let dense = try Geodesic.wgs84.densify(part.line, maxSegmentLength: 100)
                for site in part.sites {
                    let d = dense.map { Geodesic.wgs84.distance($0, site.position) }.min()!
                    #expect(d < 100, "site \(site.position) is \(d) m off its line")
                }
            }
            #expect(r.layout.allSites.count + r.layout.droppedSites == expected)
            #expect(r.figures.first { $0.key == "site_count" }?.figure.value == Double(r.layout.allSites.count))
        }
        // The defaults' known cases: Dnipro site 1 (in Belarus) and Polish-border site 3 (in Slovakia) moved.
        #expect(c.perimeters.allSatisfy { $0.layout.movedSites >= 1 })
    }

    /// Interior sites stand `standoff` behind the forward line (geodesic nearest distance), on the
    /// protected side, within the projection's distortion and the line's 1:1M wiggles.
    @Test func sitesStandOffOnTheProtectedSide() throws {
        let c = try CompareFixtures.comparison.get()
        let ctx = GEOSContext()
        for r in c.perimeters {
            let dense = try r.line.parts.flatMap { try Geodesic.wgs84.densify($0, maxSegmentLength: 200) }
            let region = try r.region.geometry(context: ctx).prepared()
            for part in r.layout.parts {
                for site in part.sites.dropFirst().dropLast() {
                    let d = dense.map { Geodesic.wgs84.distance($0, site.position) }.min()!
                    #expect(abs(d - 20_000) < 400, "\(r.line.name): site \(site.position) is \(d) m from the line")
                    #expect(try region.contains(site.position), "\(r.line.name): site \(site.position) outside the protected region")
                }
            }
            // Belt sites stand on the same site line, inside the region (away from the line's ends, where the
            // offset curve turns round them, at the standoff).
            let ends = r.line.parts.flatMap { [$0.first!, $0.last!] }
            for b in r.belts {
                for site in b.sites {
                    #expect(try region.contains(site.position), "\(r.line.name) belt: site \(site.position) outside the protected region")
                    guard ends.allSatisfy({ Geodesic.wgs84.distance($0, site.position) > 25_000 }) else { continue }
                    let d = dense.map { Geodesic.wgs84.distance($0, site.position) }.min()!
                    #expect(abs(d - 20_000) < 400, "\(r.line.name) belt @ \(b.targetAltitudeM) m: site \(site.position) is \(d) m from the line")
                }
            }
        }
    }

    /// The radar horizon for a 10 m antenna and a 100 m target is 54.2 km ± 0.2 km, and the
    /// coverage radius is min(R, horizon).
    @Test func coverageRadiusIsRangeOrHorizon() throws {
        #expect(abs(RadarHorizon.distanceM(radarHeightM: 10, targetAltitudeM: 100) / 1000 - 54.2) <= 0.2)
        let c = try CompareFixtures.comparison.get()
        for r in c.perimeters {
            let low = r.coverages[0], high = r.coverages[1]
            #expect(abs(low.radiusM - RadarHorizon.distanceM(radarHeightM: 6, targetAltitudeM: 100)) < 1e-6)
            #expect(low.radiusM < 160_000)
            #expect(high.radiusM == 160_000)
        }
    }
}
