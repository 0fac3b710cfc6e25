/// An RGBA colour for KML styles (components 0…255). KML writes it as `aabbggrr` hex.
public struct KMLColor: Hashable, Sendable {
    public var red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// The same colour with opacity `opacity` (0…1).
    public func opacity(_ opacity: Double) -> KMLColor {
        var c = self
        c.alpha = UInt8((max(0, min(1, opacity)) * 255).rounded())
        return c
    }

    /// KML's `aabbggrr` form, lower-case hex.
    public var kmlHex: String {
        [alpha, blue, green, red].map { b in
            let h = String(b, radix: 16)
            return h.count == 1 ? "0" + h : h
        }.joined()
    }
}
