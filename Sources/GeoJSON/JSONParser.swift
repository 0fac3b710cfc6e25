import Foundation

/// A strict RFC 8259 JSON parser that keeps object member order and reports malformed input with its
/// line and column (1-based, columns counted in bytes).
///
/// Hand-written rather than JSONSerialization so that property order survives, integers stay integers,
/// and out-of-range numbers such as `1e999` become ±infinity (which the GeoJSON layer then rejects with a
/// path) instead of a vague error. Nesting deeper than ``maxDepth`` is refused rather than overflowing the
/// stack.
///
/// It reads the bytes in place (no copy): ``parse(_:)-(Data)`` lends it the document's storage. The
/// scanning steps (`parseValue`, `parseString`, `parseNumber`, …) are also the building blocks of the
/// GeoJSON fast path (``GeoJSONFastDecoding``), so both read every value the same way.
struct JSONParser {
    static let maxDepth = 512

    /// The document; valid only while the parser is used (inside the caller's `withUnsafeBytes`).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var index = 0
    /// Containers open around `index` (objects and arrays), at most ``maxDepth``.
    var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // Skip a UTF-8 byte-order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// Parses one whole document. Throws ``GeoJSONError`` with `line`/`column` set.
    static func parse(_ data: Data) throws(GeoJSONError) -> JSONValue {
        try withBytes(of: data) { (bytes) throws(GeoJSONError) in try parse(bytes) }
    }

    /// Lends `body` the bytes of `data` in place (no copy), passing on its error.
    static func withBytes<T>(of data: Data, _ body: (UnsafeBufferPointer<UInt8>) throws(GeoJSONError) -> T) throws(GeoJSONError) -> T {
        let result: Result<T, GeoJSONError> = data.withUnsafeBytes { raw in
            Result { () throws(GeoJSONError) -> T in try body(raw.bindMemory(to: UInt8.self)) }
        }
        return try result.get()
    }

    /// Parses one whole document. Throws ``GeoJSONError`` with `line`/`column` set.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(GeoJSONError) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        if parser.index >= bytes.count {
            throw GeoJSONError(message: "the document is empty")
        }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the document")
        }
        return value
    }

    // MARK: - Values

    mutating func parseValue() throws(GeoJSONError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func parseObject() throws(GeoJSONError) -> JSONValue {
        try enter()
        index += 1  // {
        var object = JSONObject()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()), expected a member name in double quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("unexpected \(describeCurrent()), expected ':'") }
            index += 1
            skipWhitespace()
            object[key] = try parseValue()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(object)
            default: throw error("unexpected \(describeCurrent()), expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws(GeoJSONError) -> JSONValue {
        try enter()
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(elements)
            default: throw error("unexpected \(describeCurrent()), expected ',' or ']'")
            }
        }
    }

    @inline(__always)
    mutating func enter() throws(GeoJSONError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    mutating func parseString() throws(GeoJSONError) -> String {
        index += 1  // opening quote
        // Most strings hold no escape: taken straight from the input.
        let start = index
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                index = end + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            end += 1
        }
        var utf8: [UInt8] = Array(bytes[start..<end])
        index = end
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): utf8.append(0x22)
                case UInt8(ascii: "\\"): utf8.append(0x5C)
                case UInt8(ascii: "/"): utf8.append(0x2F)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800..<0xDC00).contains(scalar),
                       index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try parseHex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index -= 6  // lone high surrogate; re-read the second escape on its own
                        }
                    }
                    let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    utf8.append(contentsOf: String(Character(s)).utf8)
                default:
                    index -= 1
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
                }
            case 0x00..<0x20:
                throw error("control character (byte \(byte)) inside a string; escape it")
            default:
                utf8.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseHex4() throws(GeoJSONError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in a \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    @inline(__always)
    mutating func parseNumber() throws(GeoJSONError) -> JSONValue {
        let start = index
        switch try scanNumber() {
        case .integer(let i): return .integer(i)
        case .decimal(let d): return .number(d)
        case .text(let isInteger): return try numberFromText(start: start, isInteger: isInteger)
        }
    }

    /// The number scanned from `start` to `index`, converted from its text.
    @inline(never)
    private func numberFromText(start: Int, isInteger: Bool) throws(GeoJSONError) -> JSONValue {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let i = Int(text) { return .integer(i) }
        // Double(_:) gives ±infinity for an exponent out of range (1e999): the caller decides what to do.
        guard let d = Double(text) else { throw error("invalid number \(text)") }
        return .number(d)
    }

    /// A number as ``scanNumber()`` found it.
    enum ScannedNumber {
        /// An integer of at most 18 digits, no fraction, no exponent.
        case integer(Int)
        /// A decimal read exactly without its text (Clinger's fast path).
        case decimal(Double)
        /// Any other number: its text (from where the scan started to `index`) must be converted.
        case text(isInteger: Bool)
    }

    /// Scans one number (RFC 8259 grammar) and reads it without its text when that is exact: an integer of
    /// at most 18 digits; a decimal whose digits (at most 19 significant, value ≤ 2^53) and power of ten
    /// (≤ 22 decimals) are exact doubles, so that one division rounds once, correctly, as `Double(String)`
    /// does. Otherwise ``ScannedNumber/text(isInteger:)``.
    @inline(__always)
    mutating func scanNumber() throws(GeoJSONError) -> ScannedNumber {
        let count = bytes.count
        var i = index
        // The digits as one integer and the decimal exponent.
        var mantissa: UInt64 = 0, digits = 0, exponent = 0
        var negative = false
        if i < count && bytes[i] == UInt8(ascii: "-") { i += 1; negative = true }
        guard i < count, bytes[i] &- 48 < 10 else {
            index = i
            throw error("invalid number: expected a digit")
        }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < count && bytes[i] &- 48 < 10 {
                index = i
                throw error("invalid number: leading zero")
            }
        } else {
            // Every digit of the integer part counts (it does not start with 0).
            while true {
                let run = digitRun(at: i)
                mantissa = mantissa &* run.scale &+ run.value
                digits += run.count
                i += run.count
                guard run.count == 8 else { break }
            }
        }
        var isInteger = true
        if i < count && bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < count, bytes[i] &- 48 < 10 else {
                index = i
                throw error("invalid number: expected a digit after '.'")
            }
            // Digits of the fraction count from the first that makes the mantissa non-zero.
            while true {
                let run = digitRun(at: i)
                digits += mantissa != 0 ? run.count : run.count - run.leadingZeros
                mantissa = mantissa &* run.scale &+ run.value
                exponent -= run.count
                i += run.count
                guard run.count == 8 else { break }
            }
        }
        var plain = true
        if i < count && bytes[i] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            plain = false
            i += 1
            if i < count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < count, bytes[i] &- 48 < 10 else {
                index = i
                throw error("invalid number: expected a digit in the exponent")
            }
            while i < count && bytes[i] &- 48 < 10 { i += 1 }
        }
        index = i
        if plain, digits <= 18, isInteger {
            let n = Int(mantissa)
            return .integer(negative ? -n : n)
        }
        if plain, digits <= 19, mantissa <= 1 << 53, exponent >= -22 {
            let value = exponent == 0 ? Double(mantissa) : Double(mantissa) / Self.exactPowerOfTen(-exponent)
            return .decimal(negative ? -value : value)
        }
        return .text(isInteger: isInteger)
    }

    /// The decimal digits starting at byte `i`, at most 8 of them: how many, their value, 10^count, and how
    /// many of them are leading zeros. Eight bytes are read at once when the document has them (SWAR: every
    /// byte tested and converted in one 64-bit word); the first non-digit ends the run.
    @inline(__always)
    func digitRun(at i: Int) -> (count: Int, value: UInt64, scale: UInt64, leadingZeros: Int) {
        guard i + 8 <= bytes.count, let base = bytes.baseAddress else { return digitRunByBytes(at: i) }
        let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
        // Each byte minus '0': a digit gives 0…9 and no borrow, so the bytes up to the first non-digit are exact.
        let t = word &- 0x3030_3030_3030_3030
        let high = 0x8080_8080_8080_8080 as UInt64
        let nonDigits = ((t &+ 0x7676_7676_7676_7676) | t) & high
        let count = nonDigits == 0 ? 8 : nonDigits.trailingZeroBitCount >> 3
        guard count > 0 else { return (0, 0, 1, 0) }
        let nonZero = (t &+ 0x7F7F_7F7F_7F7F_7F7F) & high
        let leadingZeros = min(count, nonZero.trailingZeroBitCount >> 3)
        // The `count` digits moved to the top bytes (the first digit, the most significant, lowest), then
        // combined pairwise: 2 digits per 16 bits, 4 per 32, 8 in all.
        var v = (t << UInt64(64 - 8 * count)) & 0x0F0F_0F0F_0F0F_0F0F
        v = (v &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        return (count, v, Self.powerOfTen(count), leadingZeros)
    }

    /// ``digitRun(at:)`` one byte at a time, near the end of the document.
    func digitRunByBytes(at start: Int) -> (count: Int, value: UInt64, scale: UInt64, leadingZeros: Int) {
        var i = start, value: UInt64 = 0, leadingZeros = 0
        while i < bytes.count && i - start < 8 {
            let d = bytes[i] &- 48
            guard d < 10 else { break }
            value = value * 10 + UInt64(d)
            if value == 0 { leadingZeros += 1 }
            i += 1
        }
        return (i - start, value, Self.powerOfTen(i - start), leadingZeros)
    }

    /// 10^n for n in 0…8.
    @inline(__always)
    static func powerOfTen(_ n: Int) -> UInt64 {
        switch n {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        default: 100_000_000
        }
    }

    /// 10^n for n in 0…22, every one an exactly representable double.
    @inline(__always)
    static func exactPowerOfTen(_ n: Int) -> Double {
        switch n {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(GeoJSONError) {
        let lit = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard index + lit.count <= bytes.count, bytes[index..<index + lit.count].elementsEqual(lit) else {
            throw error("unexpected \(describeCurrent()), expected a value")
        }
        index += lit.count
    }

    // MARK: - Helpers

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte <= 0x20, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let b = bytes[index]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16))"
    }

    /// An error at the current position, with 1-based line and column.
    func error(_ message: String) -> GeoJSONError {
        let (line, column) = Self.lineAndColumn(of: min(index, bytes.count), in: bytes)
        return GeoJSONError(line: line, column: column, message: "malformed JSON: \(message)")
    }

    /// 1-based line and column (in bytes) of a byte offset.
    static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }
}
