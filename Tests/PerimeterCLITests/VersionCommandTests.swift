import Foundation
import Testing

/// `perimeter --version` names its version and the GEOS and PROJ libraries it runs on, asked of the
/// libraries at run time; checked against the installed libraries' own pkg-config versions.
@Suite struct VersionCommandTests {
    @Test func versionNamesGEOSAndPROJ() throws {
        let run = try CLI.perimeter(["--version"])
        #expect(run.status == 0, "\(run.stderr)")
        let line = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let pkg = try CLI.run("/usr/bin/pkg-config", ["--modversion", "geos", "proj"])
        try #require(pkg.status == 0, "pkg-config: \(pkg.stderr)")
        let versions = pkg.stdout.split(separator: "\n").map(String.init)
        try #require(versions.count == 2)
        #expect(line.hasPrefix("perimeter 0."), "\(line)")
        #expect(line.contains("GEOS \(versions[0])-CAPI-"), "\(line) vs libgeos \(versions[0])")
        #expect(line.contains("PROJ \(versions[1])"), "\(line) vs libproj \(versions[1])")
    }
}
