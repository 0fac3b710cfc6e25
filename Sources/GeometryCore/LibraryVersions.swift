import CGEOS
import CPROJ

/// The versions of the C libraries Perimeter runs on, asked of the libraries themselves at run
/// time (not the headers it was built against), for `perimeter --version` and bug reports.
public enum LibraryVersions {
    /// GEOS's own version string, e.g. "3.11.1-CAPI-1.17.1".
    public static var geos: String { GEOSContext.geosVersion }

    /// PROJ's version, e.g. "9.1.1" (`proj_info().version`; `.release` adds the release date).
    public static var proj: String {
        guard let version = proj_info().version else { return "unknown" }
        return String(cString: version)
    }
}
