/// UTF-8 output buffer with JSON string escaping and optional indentation.
struct JSONTextBuffer {
    var bytes: [UInt8] = []
    /// Spaces per level when indenting; `nil` writes everything on one line.
    let indentWidth: Int?

    init(indentWidth: Int?) { self.indentWidth = indentWidth }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func byte(_ ascii: Unicode.Scalar) { bytes.append(UInt8(ascii: ascii)) }

    /// A line break and indentation for `level`, when indenting.
    mutating func newline(_ level: Int) {
        guard let indentWidth else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indentWidth * level))
    }

    /// `"key":` (or `"key": ` when indenting).
    mutating func key(_ name: String) {
        string(name)
        byte(":")
        if indentWidth != nil { byte(" ") }
    }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }
}
