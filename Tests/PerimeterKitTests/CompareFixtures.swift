import Foundation
import GeometryCore
import PerimeterTestSupport
@testable import PerimeterKit

/// Shared inputs for the compare tests: the repository's GeoData and one default comparison,
/// computed once (it takes a few seconds in a debug build).
enum CompareFixtures {
    static let geoData: String = TestEnvironment.geoData.path

    static func defaultInputs(targetAltitudesM: [Double] = [100, 10_000]) throws -> ComparisonInputs {
        let profile = try SystemProfileCatalog(contentsOf: GeoDataLocator.file("profiles.json", in: geoData))
            .profile(named: "patriot-pac2")
        var inputs = ComparisonInputs(profile: profile, profileSource: "test", geoDataDirectory: geoData)
        inputs.targetAltitudesM = targetAltitudesM
        return inputs
    }

    /// Defaults, with a low (100 m: radius = radar horizon, gaps) and a high (10 km: radius = R)
    /// target altitude.
    static let comparison: Result<Comparison, any Error> = Result { try Comparison.run(try defaultInputs()) }
}
