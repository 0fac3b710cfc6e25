import Foundation
import GeometryCore

/// A scale bar in kilometres: the ground length of a horizontal stretch near the bar's place is measured
/// geodesically (``Geodesic/wgs84`` between the two pixels mapped back to lon/lat), and the bar is given a
/// round length (1, 2 or 5 × 10ⁿ km, or metres below 1 km) close to a fifth of the map's width.
enum MapScaleBar {
    /// The round length, metres, at most `metres`.
    static func roundLength(atMost metres: Double) -> Double {
        guard metres > 0 else { return 0 }
        let magnitude = pow10(floor(log10(metres)))
        for f in [5.0, 2.0, 1.0] where f * magnitude <= metres { return f * magnitude }
        return magnitude
    }

    private static func pow10(_ e: Double) -> Double { Foundation.pow(10, e) }

    static func svg(view: MapView) throws(MapError) -> String {
        let x0 = view.left + 20, y0 = view.top + view.height - 28
        let probe = 100.0
        guard let a = view.lonLat(x: x0, y: y0), let b = view.lonLat(x: x0 + probe, y: y0) else { return "" }
        let metresPerPixel = Geodesic.wgs84.distance(a, b) / probe
        guard metresPerPixel > 0, metresPerPixel.isFinite else { return "" }
        let length = roundLength(atMost: metresPerPixel * view.width / 5)
        let barPx = length / metresPerPixel
        let label = length >= 1000 ? "\(Int((length / 1000).rounded())) km" : "\(Int(length.rounded())) m"
        let n = SVGText.number
        var s = "<g id=\"scalebar\" data-length-m=\"\(Int(length.rounded()))\" font-size=\"12\" fill=\"#222\">"
        s += "<rect x=\"\(try n(x0 - 6))\" y=\"\(try n(y0 - 20))\" width=\"\(try n(barPx + 12))\" height=\"30\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>"
        s += "<rect x=\"\(try n(x0))\" y=\"\(try n(y0))\" width=\"\(try n(barPx / 2))\" height=\"5\" fill=\"#222\"/>"
        s += "<rect x=\"\(try n(x0 + barPx / 2))\" y=\"\(try n(y0))\" width=\"\(try n(barPx / 2))\" height=\"5\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"0.8\"/>"
        s += "<text x=\"\(try n(x0))\" y=\"\(try n(y0 - 5))\">0</text>"
        s += "<text x=\"\(try n(x0 + barPx))\" y=\"\(try n(y0 - 5))\" text-anchor=\"end\">\(label)</text>"
        return s + "</g>\n"
    }
}
