extension Geodesic {
    /// `geod_polygonarea` of one ring in a single pass: the signed area (m², counter-clockwise positive,
    /// reduced by PROJ to [−A/2, A/2] for the ellipsoid's area A) and the perimeter (m).
    public func signedAreaAndPerimeter(ofRing ring: [Coordinate]) -> (area: Double, perimeter: Double) {
        rawAreaPerimeter(ring)
    }
}
