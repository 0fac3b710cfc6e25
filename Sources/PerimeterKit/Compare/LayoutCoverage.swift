import GeometryCore

/// Measures a layout's coverage against one forward line and its protected region: the union of
/// geodesic circles (`Coverage`), the share of the line inside it with the gaps (`CoverageOfLine`),
/// and the geodesic area of region ∩ union. Not `Sendable` (holds GEOS geometries): one per task.
struct LayoutCoverage {
    var line: Geometry
    var region: Geometry
    var lineName: String
    var toleranceM: Double

    func measure(sites: [Coordinate], radiusM: Double, horizonM: Double, targetAltitudeM: Double,
                 idPrefix: String) throws -> PerimeterResult.AltitudeCoverage {
        let coverageSites = sites.enumerated().map { i, c in Site(id: "\(lineName)-\(idPrefix)-\(i + 1)", position: c, rangeM: radiusM) }
        // No site (no friendly ground at the standoff): an empty coverage, the whole line a gap.
        let coverage = coverageSites.isEmpty
            ? Coverage(circles: [], unionWKB: try Geometry.polygon(shell: [], context: line.context).wkb, areaM2: 0, perimeterM: 0,
                       parts: 0, holes: 0, toleranceM: toleranceM)
            : try Coverage.build(sites: coverageSites, toleranceM: toleranceM)
        let union = try coverage.union(context: line.context)
        let ofLine = try CoverageOfLine.measure(line: line, coverage: union)
        let inRegion = try region.intersection(union).geodesicAreaPerimeter().area
        return .init(targetAltitudeM: targetAltitudeM, horizonM: horizonM, radiusM: radiusM, coverage: coverage,
                     ofLine: ofLine, regionCoveredM2: inRegion)
    }
}
