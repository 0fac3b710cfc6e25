import Foundation

/// Where the test targets find the package and the test oracles' Python.
public enum TestEnvironment {
    /// The package root (…/Tests/PerimeterTestSupport/TestEnvironment.swift → three levels up).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$PERIMETER_PYTHON` (set by `make test`), else `<package root>/.venv/bin/python`: the Python with
    /// shapely, pyproj and geographiclib the oracles use. A missing interpreter fails the oracle tests.
    public static var python: String {
        if let p = ProcessInfo.processInfo.environment["PERIMETER_PYTHON"], !p.isEmpty { return p }
        return packageRoot.appendingPathComponent(".venv/bin/python").path
    }

    /// The project's own Python reference implementations and workload generators (`tools/oracles`).
    public static var oracles: URL { packageRoot.appendingPathComponent("tools/oracles") }

    /// The shipped GeoData directory.
    public static var geoData: URL { packageRoot.appendingPathComponent("GeoData") }
}
