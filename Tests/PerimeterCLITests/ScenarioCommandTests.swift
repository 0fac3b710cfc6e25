import Foundation
import GeoJSON
import Testing

@Suite struct ScenarioCommandTests {
    @Test func listShowsEveryScenario() throws {
        let run = try CLI.perimeter(["scenarios", "list"])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["estonia-2025-09-19", "romania-2025-09-13", "poland-2025-09-10", "przewodow-2022-11-15"] {
            #expect(run.stdout.contains(name))
        }
    }

    /// Romania: ~50 min ± 5 min over Romania; Poland: every track starts in BY, enters PL in the
    /// reported window and ends at its site; Przewodów: the end point 4–7 km inside Poland.
    @Test(arguments: ["romania-2025-09-13", "poland-2025-09-10", "przewodow-2022-11-15"])
    func scenarioReproducesReportedFigures(name: String) throws {
        let run = try CLI.perimeter(["incursions", "--scenario", name, "--quiet"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("[ok]"))
        #expect(!run.stdout.contains("[FAIL]"), "\(run.stdout)")
    }

    /// Estonia: 12 min ± 30 s in EE airspace built with the Gulf of Finland rule — needs
    /// GeoData/airspace/EE.geojson (land + territorial sea); the land polygon alone has no sea.
    @Test
    func estoniaTwelveMinutes() throws {
        let run = try CLI.perimeter(["incursions", "--scenario", "estonia-2025-09-19", "--quiet"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "[ok]").count == 4, "\(run.stdout)")
        // The airspace the check runs against was built with the Gulf of Finland rule.
        let ee = try GeoJSONReader.read(contentsOf: CLI.packageRoot.appendingPathComponent("GeoData/airspace/EE.geojson").path)
        let rules = ee.features.first?.properties["rules_applied"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(rules.contains("gulf-of-finland-corridor"), "\(rules)")
    }

    @Test func unknownScenarioListsKnownOnes() throws {
        let run = try CLI.perimeter(["incursions", "--scenario", "nowhere"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("unknown scenario 'nowhere'") && run.stderr.contains("romania-2025-09-13"))
    }
}
