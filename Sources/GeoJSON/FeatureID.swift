/// A feature's optional `"id"` member (RFC 7946 §3.2): a string or a number.
public enum FeatureID: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
}

extension FeatureID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
extension FeatureID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .integer(value) }
}
extension FeatureID: CustomStringConvertible {
    public var description: String {
        switch self {
        case .string(let s): s
        case .integer(let i): String(i)
        case .number(let d): String(d)
        }
    }
}
