// Perimeter's domain layer: sites, system profiles, coverage, lines, airspace, tracks, incursions.
import GeometryCore
import GeoJSON

/// The package version reported by `perimeter --version`.
public let perimeterVersion = "0.1.0"
